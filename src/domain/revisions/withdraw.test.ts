import { apply, ctxOn, eur, expectErr, newPlan, succeed } from "../__tests__/support"
import { defaultEngineConfig } from "../config"
import { netPaid } from "../plan"
import { applyChargeFailed, collectDue } from "./charges"
import { payEarly } from "./pay-early"
import { withdraw } from "./withdraw"

const config = defaultEngineConfig()
const withFee = {
  ...config,
  plans: { ...config.plans, p3x: { ...config.plans.p3x, fee: { basisPoints: 150, fixedCents: 0 } }, d30: { ...config.plans.d30, fee: { basisPoints: 100, fixedCents: 0 } } },
}
// Ordered 2025-01-15: day 14 is 2025-01-29.
const plan = newPlan("p3x", 25490, "2025-01-15", {}, withFee) // 84.98 + 3.82 fee paid

describe("withdraw", () => {
  it("accepts day 14 and refuses day 15", () => {
    expect(withdraw(plan, {}, ctxOn("2025-01-29", withFee)).ok).toBe(true)
    expect(expectErr(withdraw(plan, {}, ctxOn("2025-01-30", withFee)), "withdrawal_period_over")).toMatch(/2025-01-29/)
  })

  it("makes everything due now and refunds the customer fees paid; withdrawn once charged", () => {
    const ctx = ctxOn("2025-01-20", withFee)
    const outcome = apply(withdraw, plan, {}, ctx)
    expect(outcome.movements).toEqual([
      { kind: "charge", amount: eur(16992), instalments: [2, 3], purpose: "withdrawal" },
      { kind: "refund", amount: eur(382), purpose: "withdrawal_fees", breakdown: { principal: 0, customerFees: 382, lateFees: 0 } },
    ])
    expect(outcome.plan.instalments.slice(1).map((i) => [i.dueDate, i.originalDueDate])).toEqual([
      ["2025-01-20", "2025-02-15"],
      ["2025-01-20", "2025-03-15"],
    ])
    expect(outcome.plan.status).toBe("active")
    expect(collectDue(outcome.plan, "2025-01-20")?.amount).toEqual(eur(16992)) // the same charge: execute one
    const done = succeed(outcome.plan, outcome, ctx)
    expect(done.status).toBe("withdrawn")
    expect(netPaid(done)).toEqual(eur(25490)) // the order, no fee
  })

  it("waives a customer fee not yet paid (pay later)", () => {
    const d30 = newPlan("d30", 25490, "2025-01-15", {}, withFee)
    const outcome = apply(withdraw, d30, {}, ctxOn("2025-01-20", withFee))
    expect(outcome.movements).toEqual([{ kind: "charge", amount: eur(25490), instalments: [1], purpose: "withdrawal" }])
    expect(outcome.events[0]).toMatchObject({ data: { feesWaived: 255, feesRefunded: 0 } })
  })

  it("withdraws a plan already paid in full at once, refunding the fees", () => {
    const ctx = ctxOn("2025-01-20", withFee)
    const paid = succeed(plan, apply(payEarly, plan, { scope: "all" }, ctx), ctx)
    const outcome = apply(withdraw, paid, {}, ctx)
    expect(outcome.plan.status).toBe("withdrawn")
    expect(outcome.movements).toEqual([{ kind: "refund", amount: eur(382), purpose: "withdrawal_fees", breakdown: { principal: 0, customerFees: 382, lateFees: 0 } }])
  })

  it("keeps collecting when the withdrawal charge fails", () => {
    const ctx = ctxOn("2025-01-20", withFee)
    const requested = apply(withdraw, plan, {}, ctx).plan
    const failed = apply(applyChargeFailed, requested, { instalments: [2, 3], at: ctx.now }, ctx).plan
    expect(failed.status).toBe("late")
    expect(collectDue(failed, "2025-01-21")?.instalments).toEqual([2, 3])
    expectErr(withdraw(failed, {}, ctx), "withdrawal_already_requested")
  })
})
