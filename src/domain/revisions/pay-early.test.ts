import { apply, ctxOn, eur, expectErr, newPlan, succeed } from "../__tests__/support"
import { applyChargeFailed } from "./charges"
import { freeze } from "./freeze"
import { payEarly } from "./pay-early"

const ctx = ctxOn("2025-01-20")
const plan = newPlan("p3x", 25490, "2025-01-15")

describe("payEarly", () => {
  it("asks for the next instalment; the plan changes only once the charge succeeds", () => {
    const outcome = apply(payEarly, plan, { scope: "next" }, ctx)
    expect(outcome.plan).toBe(plan)
    expect(outcome.movements).toEqual([{ kind: "charge", amount: eur(8496), instalments: [2], purpose: "early_payment" }])
    expect(outcome.events[0].type).toBe("plan.early_payment_requested")
    const paid = succeed(plan, outcome, ctx)
    expect(paid.instalments[1].status).toBe("paid")
    expect(paid.status).toBe("active")
  })

  it("asks for everything that remains, which completes the plan", () => {
    const outcome = apply(payEarly, plan, { scope: "all" }, ctx)
    expect(outcome.movements[0]).toMatchObject({ amount: eur(16992), instalments: [2, 3] })
    expect(succeed(plan, outcome, ctx).status).toBe("completed")
  })

  it("puts an overdue instalment first", () => {
    const late = apply(applyChargeFailed, plan, { instalments: [2], at: "t" }, ctxOn("2025-02-15")).plan
    expect(apply(payEarly, late, { scope: "next" }, ctxOn("2025-02-16")).movements[0]).toMatchObject({ instalments: [2] })
  })

  it("keeps the plan as it was when the early charge fails", () => {
    const failed = apply(applyChargeFailed, plan, { instalments: [2], at: "t" }, ctx).plan
    expect(failed.instalments).toEqual(plan.instalments)
  })

  it("refuses frozen, pending, completed and cancelled plans", () => {
    const frozen = apply(freeze, plan, { days: 10, reason: "check" }, ctx).plan
    expectErr(payEarly(frozen, { scope: "next" }, ctx), "plan_frozen")
    expectErr(payEarly(newPlan("p3x", 25490, "2025-01-15", { deferredStart: true }), { scope: "all" }, ctx), "plan_not_started")
    const completed = succeed(plan, apply(payEarly, plan, { scope: "all" }, ctx), ctx)
    expectErr(payEarly(completed, { scope: "all" }, ctx), "plan_not_active")
  })
})
