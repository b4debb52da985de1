import { amounts, apply, ctxOn, eur, expectErr, newPlan, statuses } from "../__tests__/support"
import { defaultEngineConfig } from "../config"
import { money } from "../money"
import { netPaid, orderTotal } from "../plan"
import { applyRefund } from "./refund"
import { freeze } from "./freeze"

const ctx = ctxOn("2025-01-20")

describe("applyRefund", () => {
  // 254.90 € in p3x = 84.98 + 84.96 + 84.96, the first paid at checkout.
  const plan = newPlan("p3x", 25490, "2025-01-15")

  it("takes 100.00 € off the unpaid instalments and spreads the rest: 34.96 + 34.96, nothing back to the card", () => {
    const { plan: revised, movements, events } = apply(applyRefund, plan, { amount: eur(10000) }, ctx)
    expect(amounts(revised)).toEqual([8498, 3496, 3496])
    expect(statuses(revised)).toEqual(["paid", "scheduled", "scheduled"])
    expect(movements).toEqual([])
    expect(revised.reducedTotal).toBe(10000)
    expect(orderTotal(revised)).toEqual(eur(15490))
    expect(revised.status).toBe("active")
    expect(events[0]).toMatchObject({ type: "plan.refund_applied", data: { amount: 10000, policy: "spread", cardRefund: 0 } })
  })

  it("cancels both unpaid instalments for 200.00 € and refunds 30.08 € to the card", () => {
    const { plan: revised, movements } = apply(applyRefund, plan, { amount: eur(20000) }, ctx)
    expect(statuses(revised)).toEqual(["paid", "cancelled", "cancelled"])
    expect(movements).toEqual([{ kind: "refund", amount: eur(3008), purpose: "refund_overflow", breakdown: { principal: 3008, customerFees: 0, lateFees: 0 } }])
    expect(revised.refundedTotal).toBe(3008)
    expect(revised.status).toBe("completed") // nothing remains to pay and everything owed was paid
    expect(netPaid(revised)).toEqual(eur(5490))
  })

  it("takes it off the last instalment first with last_first: 84.96 cancelled, then 69.92", () => {
    const { plan: revised } = apply(applyRefund, plan, { amount: eur(10000), policy: "last_first" }, ctx)
    expect(amounts(revised)).toEqual([8498, 6992, 0])
    expect(statuses(revised)).toEqual(["paid", "scheduled", "cancelled"])
  })

  it("uses the store's policy by default", () => {
    const lastFirst = ctxOn("2025-01-20", { ...defaultEngineConfig(), revisionPolicy: "last_first" })
    const { plan: revised } = apply(applyRefund, plan, { amount: eur(1000) }, lastFirst)
    expect(amounts(revised)).toEqual([8498, 8496, 7496])
  })

  it("never leaves a 0.00 instalment: parts that reach 0 are cancelled", () => {
    // 169.92 unpaid, refund 169.91 → 0.01 left over 2 instalments: 0.01 + 0.00 → the second is cancelled
    const { plan: revised } = apply(applyRefund, plan, { amount: eur(16991) }, ctx)
    expect(amounts(revised)).toEqual([8498, 1, 0])
    expect(statuses(revised)).toEqual(["paid", "scheduled", "cancelled"])
  })

  it("refunds against what the order still totals, after earlier refunds", () => {
    const first = apply(applyRefund, plan, { amount: eur(20000) }, ctx).plan
    expectErr(applyRefund(first, { amount: eur(5491) }, ctx), "refund_exceeds_total")
    const second = apply(applyRefund, first, { amount: eur(5490) }, ctx)
    // The whole order went back: everything paid is refunded and the plan is cancelled.
    expect(second.plan.status).toBe("cancelled")
    expect(second.movements[0]).toMatchObject({ kind: "refund", amount: eur(5490) })
    expect(netPaid(second.plan)).toEqual(eur(0))
  })

  it("treats a refund of the whole order as a cancellation, fees included", () => {
    const config = defaultEngineConfig()
    const withFee = { ...config, plans: { ...config.plans, p3x: { ...config.plans.p3x, fee: { basisPoints: 0, fixedCents: 300 } } } }
    const feePlan = newPlan("p3x", 25490, "2025-01-15", {}, withFee)
    const { plan: revised, movements } = apply(applyRefund, feePlan, { amount: eur(25490) }, ctx)
    expect(revised.status).toBe("cancelled")
    expect(movements).toEqual([{ kind: "refund", amount: eur(8798), purpose: "refund_overflow", breakdown: { principal: 8498, customerFees: 300, lateFees: 0 } }])
    expect(netPaid(revised)).toEqual(eur(0))
  })

  it("cancels a pay-later plan refunded in full with nothing to give back", () => {
    const d30 = newPlan("d30", 25490, "2025-01-15")
    const { plan: revised, movements } = apply(applyRefund, d30, { amount: eur(25490) }, ctx)
    expect(revised.status).toBe("cancelled")
    expect(movements).toEqual([])
  })

  it("refunds a completed plan to the card", () => {
    const done = newPlan("p2x", 10000, "2025-01-15")
    const paid = { ...done, status: "completed" as const, paidTotal: 10000, instalments: done.instalments.map((i) => ({ ...i, status: "paid" as const, paidAt: "2025-02-15T10:00:00.000Z", paidAmount: i.amount })) }
    const { plan: revised, movements } = apply(applyRefund, paid, { amount: eur(2500) }, ctx)
    expect(revised.status).toBe("completed")
    expect(movements[0]).toMatchObject({ amount: eur(2500), breakdown: { principal: 2500 } })
  })

  it("still applies to a frozen plan, which stays frozen", () => {
    const frozen = apply(freeze, plan, { days: 30, reason: "investigation" }, ctx).plan
    const { plan: revised } = apply(applyRefund, frozen, { amount: eur(20000) }, ctx)
    expect(revised.status).toBe("frozen")
    expect(revised.statusBeforeFreeze).toBe("completed")
  })

  it("refuses a refund above the order total, not positive, or in another currency", () => {
    expect(expectErr(applyRefund(plan, { amount: eur(25491) }, ctx), "refund_exceeds_total")).toMatch(/254\.90/)
    expect(applyRefund(plan, { amount: eur(25490) }, ctx).ok).toBe(true)
    expectErr(applyRefund(plan, { amount: eur(0) }, ctx), "invalid_amount")
    expectErr(applyRefund(plan, { amount: eur(-100) }, ctx), "invalid_amount")
    expectErr(applyRefund(plan, { amount: money(100, "usd") }, ctx), "currency_mismatch")
  })

  it("refuses a cancelled plan", () => {
    const cancelled = apply(applyRefund, plan, { amount: eur(25490) }, ctx).plan
    expectErr(applyRefund(cancelled, { amount: eur(100) }, ctx), "plan_not_active")
  })
})
