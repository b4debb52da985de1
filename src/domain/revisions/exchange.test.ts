import { amounts, apply, ctxOn, eur, expectErr, newPlan, statuses } from "../__tests__/support"
import { money } from "../money"
import { orderTotal } from "../plan"
import { applyExchange, recordExchangePayment, recordExchangeRefund } from "./exchange"

const ctx = ctxOn("2025-01-20")
const plan = newPlan("p3x", 25490, "2025-01-15") // 84.98 paid + 84.96 + 84.96

describe("applyExchange: cheaper replacement", () => {
  it("takes the difference off the last instalment, even with the spread policy", () => {
    const { plan: revised, movements, events } = apply(applyExchange, plan, { difference: eur(-2000) }, ctx)
    expect(amounts(revised)).toEqual([8498, 8496, 6496])
    expect(movements).toEqual([])
    expect(events[0]).toMatchObject({ type: "plan.exchange_applied", data: { policy: "last_first" } })
  })

  it("moves on to the instalment before, then to the card", () => {
    const { plan: revised, movements } = apply(applyExchange, plan, { difference: eur(-18000) }, ctx)
    expect(statuses(revised)).toEqual(["paid", "cancelled", "cancelled"])
    expect(movements).toEqual([{ kind: "refund", amount: eur(1008), purpose: "exchange_overflow", breakdown: { principal: 1008, customerFees: 0, lateFees: 0 } }])
  })

  it("refuses a difference larger than the order", () => {
    expectErr(applyExchange(plan, { difference: eur(-25491) }, ctx), "refund_exceeds_total")
  })

  it("never takes off more than was paid for the returned lines (M6: a discounted item read at its list price)", () => {
    // The chair was bought at -50 % (124.50 €) but a -210.00 € difference (its list price) arrives.
    const { plan: revised, movements, events } = apply(applyExchange, plan, { difference: eur(-21000), paidForReturned: eur(12450) }, ctx)
    expect(events[0]).toMatchObject({ type: "plan.exchange_applied", data: { amount: 12450 } })
    expect(amounts(revised)).toEqual([8498, 4542, 0])
    expect(movements).toEqual([])
  })

  it("takes the whole difference when it is within what was paid for the returned lines", () => {
    const { events } = apply(applyExchange, plan, { difference: eur(-8550), paidForReturned: eur(12450) }, ctx)
    expect(events[0]).toMatchObject({ data: { amount: 8550 } })
  })

  it("refuses what was paid for the returned lines in another currency, or nothing paid for them", () => {
    expectErr(applyExchange(plan, { difference: eur(-2000), paidForReturned: money(2000, "usd") }, ctx), "currency_mismatch")
    expectErr(applyExchange(plan, { difference: eur(-2000), paidForReturned: eur(0) }, ctx), "exchange_nothing_paid")
  })
})

describe("applyExchange: dearer replacement", () => {
  it("leaves the schedule alone and asks for the difference with a payment link", () => {
    const { plan: revised, movements, events } = apply(applyExchange, plan, { difference: eur(3000) }, ctx)
    expect(revised.instalments).toEqual(plan.instalments)
    expect(revised.exchangePending).toBe(3000)
    expect(movements).toEqual([{ kind: "payment_request", amount: eur(3000), purpose: "exchange_difference" }])
    expect(events[0].type).toBe("plan.exchange_payment_requested")
  })

  it("records the payment: it adds to what was paid and to what the order totals", () => {
    const requested = apply(applyExchange, plan, { difference: eur(3000) }, ctx).plan
    const { plan: paid } = apply(recordExchangePayment, requested, { amount: eur(3000) }, ctx)
    expect(paid.paidTotal).toBe(8498 + 3000)
    expect(orderTotal(paid)).toEqual(eur(28490))
    expect(paid.exchangePending).toBe(0)
    expectErr(recordExchangePayment(paid, { amount: eur(1) }, ctx), "exchange_payment_unexpected")
  })

  it("refuses a zero difference or another currency", () => {
    expectErr(applyExchange(plan, { difference: eur(0) }, ctx), "exchange_difference_zero")
    expectErr(applyExchange(plan, { difference: money(100, "usd") }, ctx), "currency_mismatch")
  })
})

describe("recordExchangeRefund: Medusa's refund that settles a cheaper exchange", () => {
  it("changes nothing in the plan (the exchange already did) and records the refund", () => {
    const exchanged = apply(applyExchange, plan, { difference: eur(-2000) }, ctx).plan
    const { plan: after, movements, events } = apply(recordExchangeRefund, exchanged, { amount: eur(2000), exchangeId: "exc_1" }, ctx)
    expect(after).toEqual(exchanged)
    expect(movements).toEqual([])
    expect(events).toEqual([{ type: "plan.exchange_refund_recorded", data: { amount: 2000, exchangeId: "exc_1", at: ctx.now } }])
  })

  it("refuses a zero amount", () => {
    expectErr(recordExchangeRefund(plan, { amount: eur(0), exchangeId: "exc_1" }, ctx), "invalid_amount")
  })
})
