import { apply, ctxOn, expectErr, newPlan } from "../__tests__/support"
import { freeze } from "./freeze"
import { postpone } from "./postpone"

const ctx = ctxOn("2025-01-20")
const plan = newPlan("p3x", 25490, "2025-01-15") // instalments due 01-15 (paid), 02-15, 03-15

describe("postpone", () => {
  it("moves an upcoming due date back by up to 15 days and keeps the original date", () => {
    const { plan: revised, events } = apply(postpone, plan, { instalmentNumber: 2, days: 15 }, ctx)
    expect(revised.instalments[1]).toMatchObject({ dueDate: "2025-03-02", originalDueDate: "2025-02-15" })
    expect(revised.postponementsUsed).toBe(1)
    expect(events[0]).toMatchObject({ type: "plan.postponed", data: { instalment: 2, from: "2025-02-15", to: "2025-03-02", days: 15 } })
  })

  it("refuses 16 days, and 0", () => {
    expect(expectErr(postpone(plan, { instalmentNumber: 2, days: 16 }, ctx), "postpone_days_out_of_range")).toMatch(/1 to 15 days/)
    expectErr(postpone(plan, { instalmentNumber: 2, days: 0 }, ctx), "postpone_days_out_of_range")
    expectErr(postpone(plan, { instalmentNumber: 2, days: 2.5 }, ctx), "postpone_days_out_of_range")
  })

  it("refuses a second postponement by default", () => {
    const once = apply(postpone, plan, { instalmentNumber: 2, days: 5 }, ctx).plan
    expectErr(postpone(once, { instalmentNumber: 3, days: 5 }, ctx), "postponement_limit_reached")
  })

  it("only postpones an unpaid instalment not due yet", () => {
    expectErr(postpone(plan, { instalmentNumber: 1, days: 5 }, ctx), "instalment_not_postponable") // paid
    expectErr(postpone(plan, { instalmentNumber: 2, days: 5 }, ctxOn("2025-02-15")), "instalment_not_postponable") // due today
    expectErr(postpone(plan, { instalmentNumber: 7, days: 5 }, ctx), "instalment_not_found")
  })

  it("keeps the schedule in order when several postponements are allowed", () => {
    const twice = { ...plan, maxPostponements: 2 }
    const once = apply(postpone, twice, { instalmentNumber: 2, days: 15 }, ctx).plan // 03-02
    expectErr(postpone(once, { instalmentNumber: 2, days: 13 }, ctx), "postpone_past_next_instalment") // 03-15 = instalment 3's day
    expect(apply(postpone, once, { instalmentNumber: 2, days: 12 }, ctx).plan.instalments[1].dueDate).toBe("2025-03-14")
  })

  it("refuses a frozen plan", () => {
    const frozen = apply(freeze, plan, { days: 10, reason: "check" }, ctx).plan
    expectErr(postpone(frozen, { instalmentNumber: 2, days: 5 }, ctx), "plan_frozen")
  })
})
