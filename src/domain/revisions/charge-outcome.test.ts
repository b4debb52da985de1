import { apply, ctxOn, eur, newPlan, statuses } from "../__tests__/support"
import type { ChargeMovement } from "../outcome"
import { applyChargeOutcome, type ChargeAnswer } from "./charge-outcome"
import { applyExchange, requestExchangePayment } from "./exchange"
import { payEarly } from "./pay-early"

const ctx = ctxOn("2025-01-20")
/** The outcome `answer` gives `charge`, checked like every revision (invariants, at least one event). */
const settle = (before: Parameters<typeof applyChargeOutcome>[0], charge: ChargeMovement, answer: ChargeAnswer) =>
  apply((p, a: ChargeAnswer, c) => applyChargeOutcome(p, charge, a, c), before, answer, ctx)
const plan = newPlan("p3x", 25490, "2025-01-15") // 84.98 paid + 84.96 + 84.96

describe("applyChargeOutcome", () => {
  it("pays the instalments a succeeded charge was for", () => {
    const requested = apply(payEarly, plan, { scope: "next" }, ctx)
    const charge = requested.movements[0] as ChargeMovement
    const { plan: paid } = settle(requested.plan, charge, { status: "succeeded" })
    expect(statuses(paid)).toEqual(["paid", "paid", "scheduled"])
    expect(paid.paidTotal).toBe(8498 + 8496)
  })

  it("records a declined early payment without touching the schedule", () => {
    const requested = apply(payEarly, plan, { scope: "next" }, ctx)
    const charge = requested.movements[0] as ChargeMovement
    const { plan: after, events } = settle(requested.plan, charge, { status: "failed", reason: "insufficient_funds" })
    expect(statuses(after)).toEqual(["paid", "scheduled", "scheduled"])
    expect(events[0]).toMatchObject({ type: "plan.charge_failed", data: { reason: "insufficient_funds", earlyPayment: true } })
  })

  it("records an exchange difference as paid once its charge succeeded, and nothing else when it failed", () => {
    const dearer = apply(applyExchange, plan, { difference: eur(3000) }, ctx).plan
    const requested = apply(requestExchangePayment, dearer, {}, ctx)
    expect(requested.movements).toEqual([{ kind: "charge", amount: eur(3000), instalments: [], purpose: "exchange_difference" }])
    const charge = requested.movements[0] as ChargeMovement
    const paid = settle(requested.plan, charge, { status: "succeeded" }).plan
    expect([paid.exchangePending, paid.exchangePaid, paid.paidTotal]).toEqual([0, 3000, 8498 + 3000])
    const declined = settle(requested.plan, charge, { status: "failed", reason: "card_declined" }).plan
    expect([declined.exchangePending, declined.exchangePaid]).toEqual([3000, 0])
  })
})

describe("requestExchangePayment", () => {
  it("refuses when nothing is due", () => {
    const result = requestExchangePayment(plan, {}, ctx)
    expect(result.ok ? null : result.error.code).toBe("exchange_nothing_due")
  })
})
