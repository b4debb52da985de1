/**
 * Refunds (partial, several per charge, never more than what is left on it) and disputes (opened
 * by a test, as a shopper's bank would).
 */
import { invalidRequest } from "./errors"
import { stripeId } from "./ids"
import { type Params, metadataOf, optionalInteger, optionalString } from "./params"
import type { FakeCharge, FakeDispute, FakeRefund, FakeStripeState } from "./state"

/** `POST /v1/refunds` with `payment_intent` or `charge`, and `amount` (default: what is left). */
export function createRefund(state: FakeStripeState, params: Params): FakeRefund {
  const charge = refundedCharge(state, params)
  const left = charge.amount - charge.amount_refunded
  if (left === 0) throw invalidRequest(`Charge ${charge.id} has already been refunded.`, undefined, "charge_already_refunded")
  const amount = optionalInteger(params, "amount") ?? left
  if (amount < 1) throw invalidRequest("Refund amount must be at least 1", "amount")
  if (amount > left) {
    throw invalidRequest(`Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`, "amount")
  }
  const refund: FakeRefund = {
    id: stripeId("re"),
    object: "refund",
    created: state.now(),
    amount,
    currency: charge.currency,
    status: "succeeded",
    metadata: metadataOf(params),
    reason: (optionalString(params, "reason") ?? null) as FakeRefund["reason"],
    charge: charge.id,
    payment_intent: charge.payment_intent,
  }
  charge.amount_refunded += amount
  charge.refunded = charge.amount_refunded === charge.amount
  state.refunds.set(refund.id, refund)
  state.emit("refund.created", refund)
  state.emit("charge.refunded", charge)
  return refund
}

function refundedCharge(state: FakeStripeState, params: Params): FakeCharge {
  const chargeId = optionalString(params, "charge")
  const intentId = optionalString(params, "payment_intent")
  if (chargeId && intentId) throw invalidRequest("Pass either charge or payment_intent, not both.", "charge")
  if (chargeId) return checkRefundable(state.charge(chargeId, "charge"))
  if (!intentId) throw invalidRequest("One of the following params should be provided for this request: payment_intent or charge.", "charge", "parameter_missing")
  const intent = state.paymentIntent(intentId)
  if (intent.status !== "succeeded" || !intent.latest_charge) {
    throw invalidRequest(`This PaymentIntent (${intentId}) does not have a successful charge to refund.`, "payment_intent")
  }
  return checkRefundable(state.charge(intent.latest_charge))
}

function checkRefundable(charge: FakeCharge): FakeCharge {
  if (charge.status !== "succeeded") throw invalidRequest(`Charge ${charge.id} has not succeeded: there is nothing to refund.`, "charge")
  return charge
}

/** `GET /v1/refunds?payment_intent=…|charge=…`, newest first. */
export function listRefunds(state: FakeStripeState, params: Params) {
  const charge = optionalString(params, "charge")
  const intent = optionalString(params, "payment_intent")
  const data = [...state.refunds.values()].filter((r) => (!charge || r.charge === charge) && (!intent || r.payment_intent === intent)).reverse()
  return { object: "list", url: "/v1/refunds", has_more: false, data }
}

/** The shopper's bank disputes a charge (test control): `charge.dispute.created`. */
export function openDispute(state: FakeStripeState, chargeId: string, reason: FakeDispute["reason"] = "fraudulent"): FakeDispute {
  const charge = state.charge(chargeId)
  const dispute: FakeDispute = {
    id: stripeId("dp"),
    object: "dispute",
    created: state.now(),
    amount: charge.amount - charge.amount_refunded,
    currency: charge.currency,
    status: "needs_response",
    reason,
    livemode: false,
    metadata: {},
    charge: charge.id,
    payment_intent: charge.payment_intent,
  }
  charge.disputed = true
  state.disputes.set(dispute.id, dispute)
  state.emit("charge.dispute.created", dispute)
  return dispute
}

/**
 * `GET /v1/payment_intents/search`: the fake reads only `metadata['key']:'value'` clauses joined
 * by AND, which is what the adapter asks. Stripe's search may lag about a minute behind writes;
 * the fake's sees every intent at once unless `state.searchDelaySeconds` is set.
 */
export function searchPaymentIntents(state: FakeStripeState, params: Params) {
  const query = optionalString(params, "query")
  if (!query) throw invalidRequest("Missing required param: query.", "query", "parameter_missing")
  const clauses = query.split(/\s+AND\s+/).map((clause) => {
    const match = /^metadata\['([^']+)'\]:'((?:[^'\\]|\\.)*)'$/.exec(clause.trim())
    if (!match) throw invalidRequest(`The fake Stripe only searches metadata['key']:'value' clauses (got ${clause})`, "query")
    return { key: match[1], value: match[2].replace(/\\(.)/g, "$1") }
  })
  const visibleUntil = state.now() - state.searchDelaySeconds
  const data = [...state.paymentIntents.values()].filter((pi) => (state.searchDelaySeconds === 0 || pi.created <= visibleUntil) && clauses.every(({ key, value }) => pi.metadata[key] === value)).reverse()
  return { object: "search_result", url: "/v1/payment_intents/search", has_more: false, next_page: null, data }
}

/** `GET /v1/payment_intents?created[gte]=…`, newest first (lists, unlike search, see every write at once). */
export function listPaymentIntents(state: FakeStripeState, params: Params) {
  const created = params.created
  const gte = typeof created === "object" && !Array.isArray(created) ? optionalInteger(created, "gte") : undefined
  const limit = optionalInteger(params, "limit") ?? 10
  const all = [...state.paymentIntents.values()].filter((pi) => gte === undefined || pi.created >= gte).reverse()
  return { object: "list", url: "/v1/payment_intents", has_more: all.length > limit, data: all.slice(0, limit) }
}
