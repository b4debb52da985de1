import { apply, ctxOn, eur, expectErr, newPlan } from "../__tests__/support"
import { applyChargeFailed, applyChargeSucceeded } from "./charges"
import { evaluateDelays } from "./delays"
import { freeze } from "./freeze"

// p3x ordered 2025-01-15; instalment 2 due 2025-02-15 fails.
const late = apply(applyChargeFailed, newPlan("p3x", 25490, "2025-01-15"), { instalments: [2], at: "2025-02-15T06:00:00.000Z" }, ctxOn("2025-02-15")).plan

describe("evaluateDelays", () => {
  it("is not a serious delay at 15 days, it is at 16", () => {
    expectErr(evaluateDelays(late, {}, ctxOn("2025-03-02")), "no_change") // 15 days after 02-15
    const { plan, events } = apply(evaluateDelays, late, {}, ctxOn("2025-03-03"))
    expect(plan.status).toBe("serious_delay")
    expect(plan.instalments[1].status).toBe("late")
    expect(events[0]).toMatchObject({ type: "plan.serious_delay", data: { instalments: [{ number: 2, dueDate: "2025-02-15", daysOverdue: 16 }] } })
    expectErr(evaluateDelays(plan, {}, ctxOn("2025-03-04")), "no_change") // already recorded
  })

  it("also catches a due instalment never charged", () => {
    const plan = newPlan("p3x", 25490, "2025-01-15")
    expect(apply(evaluateDelays, plan, {}, ctxOn("2025-03-03")).plan.status).toBe("serious_delay")
  })

  it("does not evaluate a frozen plan", () => {
    const frozen = apply(freeze, late, { days: 30, reason: "investigation" }, ctxOn("2025-02-20")).plan
    expectErr(evaluateDelays(frozen, {}, ctxOn("2025-03-10")), "no_change")
  })

  it("goes back to active once the late instalment is paid", () => {
    const serious = apply(evaluateDelays, late, {}, ctxOn("2025-03-03")).plan
    const ctx = ctxOn("2025-03-05")
    const paid = apply(applyChargeSucceeded, serious, { instalments: [2], amount: eur(8496), at: ctx.now }, ctx).plan
    expect(paid.status).toBe("active")
  })
})
