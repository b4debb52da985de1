/**
 * Exchanges (docs/business-rules.md §6).
 *  - Cheaper replacement (negative difference): the difference comes off the LAST instalment(s)
 *    first, whatever the store's policy; what they cannot absorb goes back to the card.
 *  - Dearer replacement (positive difference): the schedule does not change; the shopper gets a
 *    payment link for the difference (`payment_request` movement), paid at once by card. Once it
 *    is paid, `recordExchangePayment` adds it to what was paid and to what the order totals.
 */
import { money, toMajorString, type Money } from "../money"
import type { RevisionContext, RevisionOutcome } from "../outcome"
import { orderTotal, type PlanSnapshot } from "../plan"
import { err, ok, type Result } from "../result"
import { ANY_BUT_CANCELLED, requirePositiveAmount, requireStatus } from "./guards"
import { applyReduction } from "./reduce"

export interface ExchangeInput {
  /**
   * What the replacement costs the shopper minus what they paid for what they return, promotions
   * and taxes included: negative when cheaper.
   */
  readonly difference: Money
  /**
   * What the shopper actually paid for the returned lines. A cheaper exchange never takes more
   * than that off the plan, whatever the difference says (a list price read instead of a
   * discounted one must not turn into money the merchant never received).
   */
  readonly paidForReturned?: Money
}

export function applyExchange(plan: PlanSnapshot, input: ExchangeInput, ctx: RevisionContext): Result<RevisionOutcome> {
  const refused = requireStatus(plan, ANY_BUT_CANCELLED, "apply an exchange")
  if (refused) return refused
  const { difference } = input
  if (difference.cents === 0 && difference.currency === plan.currency) {
    return err("exchange_difference_zero", "The exchange difference is 0: an exchange at the same price does not change the plan, record nothing.")
  }
  const magnitude = money(Math.abs(difference.cents), difference.currency)
  const bad = requirePositiveAmount(plan, magnitude, "exchange difference")
  if (bad) return bad
  if (difference.cents > 0) return dearer(plan, magnitude, ctx)
  const paid = input.paidForReturned
  if (paid && paid.currency !== plan.currency) {
    return err("currency_mismatch", `What was paid for the returned lines is in ${paid.currency} but the plan is in ${plan.currency}: pass it in ${plan.currency}.`)
  }
  return cheaper(plan, paid && paid.cents < magnitude.cents ? money(paid.cents, plan.currency) : magnitude, ctx)
}

function cheaper(plan: PlanSnapshot, reduction: Money, ctx: RevisionContext): Result<RevisionOutcome> {
  if (reduction.cents === 0) {
    return err("exchange_nothing_paid", "Nothing was paid for the returned lines: a cheaper exchange of them takes nothing off the plan.")
  }
  const max = orderTotal(plan)
  if (reduction.cents > max.cents) {
    return err(
      "refund_exceeds_total",
      `A cheaper exchange cannot take ${toMajorString(reduction)} ${plan.currency} off an order that now totals ${toMajorString(max)} ${plan.currency}. Check the difference.`,
      { requested: reduction.cents, max: max.cents },
    )
  }
  // docs/business-rules.md §6: "the difference comes off the last instalment", whatever the policy.
  return ok(applyReduction(plan, { cents: reduction.cents, policy: "last_first", eventType: "plan.exchange_applied", refundPurpose: "exchange_overflow" }, ctx))
}

function dearer(plan: PlanSnapshot, extra: Money, ctx: RevisionContext): Result<RevisionOutcome> {
  const revised: PlanSnapshot = { ...plan, exchangePending: plan.exchangePending + extra.cents }
  return ok({
    plan: revised,
    movements: [{ kind: "payment_request", amount: extra, purpose: "exchange_difference" }],
    events: [{ type: "plan.exchange_payment_requested", data: { amount: extra.cents, pending: revised.exchangePending, at: ctx.now } }],
  })
}

/**
 * The shopper pays what dearer exchanges added, at once, by card: a charge of everything pending
 * (no instalment). The payment is recorded once the charge succeeded (`applyChargeOutcome`).
 */
export function requestExchangePayment(plan: PlanSnapshot, _input: Record<string, never>, ctx: RevisionContext): Result<RevisionOutcome> {
  const refused = requireStatus(plan, ANY_BUT_CANCELLED, "pay an exchange difference")
  if (refused) return refused
  if (plan.exchangePending <= 0) return err("exchange_nothing_due", "There is no exchange difference to pay on this plan.")
  const amount = money(plan.exchangePending, plan.currency)
  return ok({
    plan,
    movements: [{ kind: "charge", amount, instalments: [], purpose: "exchange_difference" }],
    events: [{ type: "plan.exchange_payment_started", data: { amount: amount.cents, at: ctx.now } }],
  })
}

export interface ExchangePaymentInput {
  /** Amount the shopper paid through the payment link. */
  readonly amount: Money
  /** When it was paid (ISO instant); defaults to ctx.now. */
  readonly at?: string
}

/** Records a dearer exchange's difference once paid: it adds to `paidTotal` and to what the order totals. */
export function recordExchangePayment(plan: PlanSnapshot, input: ExchangePaymentInput, ctx: RevisionContext): Result<RevisionOutcome> {
  const refused = requireStatus(plan, ANY_BUT_CANCELLED, "record an exchange payment")
  if (refused) return refused
  const bad = requirePositiveAmount(plan, input.amount, "exchange payment")
  if (bad) return bad
  if (input.amount.cents > plan.exchangePending) {
    return err(
      "exchange_payment_unexpected",
      `An exchange payment of ${toMajorString(input.amount)} ${plan.currency} was recorded but only ${toMajorString(money(plan.exchangePending, plan.currency))} ${plan.currency} was requested: apply the dearer exchange first (applyExchange), then record its payment. Refund the excess.`,
      { pending: plan.exchangePending, got: input.amount.cents },
    )
  }
  const revised: PlanSnapshot = {
    ...plan,
    exchangePending: plan.exchangePending - input.amount.cents,
    exchangePaid: plan.exchangePaid + input.amount.cents,
    paidTotal: plan.paidTotal + input.amount.cents,
  }
  return ok({
    plan: revised,
    movements: [],
    events: [{ type: "plan.exchange_payment_recorded", data: { amount: input.amount.cents, at: input.at ?? ctx.now } }],
  })
}

export interface ExchangeRefundInput {
  /** The Medusa refund that settles a cheaper exchange already applied to the plan. */
  readonly amount: Money
  readonly exchangeId: string
}

/**
 * Medusa records the refund that settles a cheaper exchange. `applyExchange` already revised the
 * plan and sent any overflow back to the card, so this only records that Medusa's books caught up:
 * applying it as a refund would take the difference off the plan twice.
 */
export function recordExchangeRefund(plan: PlanSnapshot, input: ExchangeRefundInput, ctx: RevisionContext): Result<RevisionOutcome> {
  const bad = requirePositiveAmount(plan, input.amount, "exchange refund")
  if (bad) return bad
  return ok({
    plan,
    movements: [],
    events: [{ type: "plan.exchange_refund_recorded", data: { amount: input.amount.cents, exchangeId: input.exchangeId, at: ctx.now } }],
  })
}
