/**
 * The Stripe adapter's charges: a PaymentIntent per charge, confirmed at once (on-session at
 * checkout, saving the card for later with `setup_future_usage`; off-session for later
 * instalments). At checkout, a payment the issuer wants authenticated waits for the shopper's
 * 3-D Secure (`requires_action`, when the caller says the shopper can do it); the same key then
 * reads what became of it. The port's idempotency key goes to Stripe as its Idempotency-Key and into the
 * intent's metadata, where reconciliation finds it again. The port's `chargeId` is the
 * PaymentIntent's id (`pi_…`): a failed attempt has one too, and refunds name it.
 */
import Stripe from "stripe"
import {
  type CardProcessor,
  type ChargeDetails,
  type ChargeOutcome,
  type ChargeRequest,
  type ProcessorResult,
  checkAmount,
  processorError,
  processorOk,
} from "../port"
import { formatCardRef, parseCardRef } from "./card-ref"
import { METADATA_KEY, METADATA_OFF_SESSION, type StripeContext, badKey, dateOf, stripeKey } from "./requests"
import { declineMessage, errorOf, failureCodeOf, isDecline } from "./stripe-errors"

type ChargeOperations = Pick<CardProcessor, "charge" | "findChargeByIdempotencyKey" | "getCharge" | "abandonCharge">

/** How far back reconciliation lists intents, for those Stripe's search may not see yet (it lags up to about a minute). */
const SEARCH_LAG_MS = 60 * 60 * 1000
const LISTED_AT_MOST = 1000

export function chargeOperations({ stripe }: StripeContext): ChargeOperations {
  async function intentWithCharge(id: string): Promise<Stripe.PaymentIntent> {
    return stripe.paymentIntents.retrieve(id, { expand: ["latest_charge"] })
  }

  /**
   * Cancels a payment the plugin will not take (its key's own cancel key, so that a replay cancels
   * nothing twice): one waiting for a 3-D Secure nobody can complete (off-session), or one whose
   * challenge the shopper failed, which their browser, holding its client_secret, could otherwise
   * still confirm after the plugin recorded the failure.
   */
  async function cancel(intent: Stripe.PaymentIntent, key: string): Promise<Stripe.PaymentIntent> {
    return stripe.paymentIntents.cancel(intent.id, { cancellation_reason: "abandoned" }, { idempotencyKey: stripeKey("cancel", key) })
  }

  /** The port's outcome of a confirmed intent, cancelling it when the plugin will not take it (see `cancel`). */
  async function settle(intent: Stripe.PaymentIntent, request: ChargeRequest): Promise<ChargeOutcome> {
    const waitsForShopper = intent.status === "requires_action"
    if (waitsForShopper && request.shopperCanAuthenticate && !request.offSession && intent.client_secret) return outcomeOf(intent)
    const failedAfterAction = intent.status === "requires_payment_method" && intent.last_payment_error
    return outcomeOf(waitsForShopper || failedAfterAction ? await cancelOrReread(intent, request.idempotencyKey) : intent)
  }

  /** Cancels, or, when the intent moved on meanwhile (the shopper's browser confirmed it), reads what it became. */
  async function cancelOrReread(intent: Stripe.PaymentIntent, key: string): Promise<Stripe.PaymentIntent> {
    try {
      return await cancel(intent, key)
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "payment_intent_unexpected_state") return stripe.paymentIntents.retrieve(intent.id)
      throw error
    }
  }

  return {
    async charge(request: ChargeRequest) {
      const bad = badKey<ChargeOutcome>(request?.idempotencyKey)
      if (bad) return bad
      const badAmount = checkAmount(request.amount)
      if (badAmount) return { ok: false, error: badAmount }
      const ref = parseCardRef(request.cardRef)
      if (!ref) return processorError("unknown_card", "not a Stripe cardRef (cus_…/pm_…)")
      const params: Stripe.PaymentIntentCreateParams = {
        amount: request.amount.cents,
        currency: request.amount.currency,
        customer: ref.customer,
        payment_method: ref.paymentMethod,
        // Cards only: a redirect-based method would need a return_url and a shopper to come back.
        allowed_payment_method_types: ["card"],
        confirm: true,
        description: request.description || undefined,
        metadata: { ...request.metadata, [METADATA_KEY]: request.idempotencyKey, [METADATA_OFF_SESSION]: String(request.offSession) },
        ...(request.offSession ? { off_session: true } : { setup_future_usage: "off_session" }),
      }
      try {
        const created = await stripe.paymentIntents.create(params, { idempotencyKey: stripeKey("charge", request.idempotencyKey) })
        // A replay answers the intent as it was created: one that waited for the shopper is read
        // again, for what the shopper's 3-D Secure made of it since.
        const intent = created.status === "requires_action" ? await stripe.paymentIntents.retrieve(created.id) : created
        return processorOk(await settle(intent, request))
      } catch (error) {
        const intent = isDecline(error) ? (error.payment_intent as Stripe.PaymentIntent | undefined) : undefined
        if (intent && isDecline(error)) return processorOk<ChargeOutcome>({ status: "failed", chargeId: intent.id, code: failureCodeOf(error), message: declineMessage(error) })
        return errorOf(error, "unknown_card")
      }
    },

    async findChargeByIdempotencyKey(idempotencyKey: string) {
      const bad = badKey<ChargeDetails | null>(idempotencyKey)
      if (bad) return bad
      try {
        const found = (await searchByKey(stripe, idempotencyKey)) ?? (await recentByKey(stripe, idempotencyKey))
        return found ? detailsOf(await intentWithCharge(found.id)) : processorOk(null)
      } catch (error) {
        return errorOf(error)
      }
    },

    async getCharge(chargeId: string) {
      if (typeof chargeId !== "string" || !/^pi_[A-Za-z0-9]+$/.test(chargeId)) return processorError("unknown_charge", "not a Stripe charge id (pi_…)")
      try {
        return detailsOf(await intentWithCharge(chargeId))
      } catch (error) {
        return errorOf(error, "unknown_charge")
      }
    },

    async abandonCharge(chargeId: string) {
      if (typeof chargeId !== "string" || !/^pi_[A-Za-z0-9]+$/.test(chargeId)) return processorError("unknown_charge", "not a Stripe charge id (pi_…)")
      try {
        const intent = await stripe.paymentIntents.retrieve(chargeId)
        const waits = intent.status === "requires_action" || (intent.status === "requires_payment_method" && intent.last_payment_error)
        // Cancelled with the charge's own cancel key: the one `settle` would use for it.
        return processorOk(outcomeOf(waits ? await cancelOrReread(intent, intent.metadata[METADATA_KEY] || intent.id) : intent))
      } catch (error) {
        return errorOf(error, "unknown_charge")
      }
    },
  }
}

/** What a confirmed PaymentIntent means for the port. */
function outcomeOf(intent: Stripe.PaymentIntent): ChargeOutcome {
  if (intent.status === "succeeded") return { status: "succeeded", chargeId: intent.id, amount: { cents: intent.amount_received, currency: intent.currency } }
  if (intent.status === "requires_action" && intent.client_secret) {
    return { status: "requires_action", chargeId: intent.id, action: { type: "authenticate", clientSecret: intent.client_secret, intent: "payment" } }
  }
  // A failure first: a payment cancelled after a failed challenge keeps its error.
  const error = intent.last_payment_error
  if (error) return { status: "failed", chargeId: intent.id, code: failureCodeOf(error), message: error.message ?? "declined" }
  if (intent.status === "requires_action" || (intent.status === "canceled" && intent.cancellation_reason === "abandoned")) {
    return { status: "failed", chargeId: intent.id, code: "authentication_required", message: "the card asked for 3-D Secure, which only the shopper can complete: the payment was cancelled" }
  }
  return { status: "failed", chargeId: intent.id, code: "processing_error", message: `Stripe left the payment in status ${intent.status}` }
}

function detailsOf(intent: Stripe.PaymentIntent): ProcessorResult<ChargeDetails> {
  if (intent.status === "processing") return processorError("processor_unavailable", "Stripe is still processing this payment: ask again later")
  const charge = typeof intent.latest_charge === "object" ? intent.latest_charge : null
  const { [METADATA_KEY]: key = "", [METADATA_OFF_SESSION]: offSession, ...metadata } = intent.metadata
  const customer = typeof intent.customer === "string" ? intent.customer : (intent.customer?.id ?? "")
  const paymentMethod = typeof intent.payment_method === "string" ? intent.payment_method : (intent.payment_method?.id ?? "")
  const outcome = outcomeOf(intent)
  return processorOk({
    ...outcome,
    cardRef: formatCardRef({ customer, paymentMethod }),
    requestedAmount: { cents: intent.amount, currency: intent.currency },
    refunded: { cents: outcome.status === "succeeded" ? (charge?.amount_refunded ?? 0) : 0, currency: intent.currency },
    idempotencyKey: key,
    createdAt: dateOf(intent.created),
    description: intent.description ?? "",
    offSession: offSession === "true",
    metadata,
  })
}

/** Stripe's Search API: every intent ever made, but possibly a minute behind. */
async function searchByKey(stripe: Stripe, key: string): Promise<Stripe.PaymentIntent | null> {
  const quoted = key.replace(/\\/g, "\\\\").replace(/'/g, "\\'")
  const found = await stripe.paymentIntents.search({ query: `metadata['${METADATA_KEY}']:'${quoted}'`, limit: 1 })
  return found.data[0] ?? null
}

/** The intents of the last hour, listed (lists are up to date), for one with this key. */
async function recentByKey(stripe: Stripe, key: string): Promise<Stripe.PaymentIntent | null> {
  const since = Math.floor((Date.now() - SEARCH_LAG_MS) / 1000)
  let seen = 0
  for await (const intent of stripe.paymentIntents.list({ created: { gte: since }, limit: 100 })) {
    if (intent.metadata[METADATA_KEY] === key) return intent
    if (++seen >= LISTED_AT_MOST) break
  }
  return null
}
