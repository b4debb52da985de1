/**
 * Stripe's webhooks, for the plugin's route (POST /hooks/instalments/stripe): the signature
 * checked with the SDK's `constructEvent` (HMAC-SHA256 of the raw body with the endpoint's secret,
 * compared in constant time, timestamp within 5 minutes), and the objects an event names read
 * again from Stripe: an event's body is only a hint, what the plugin records comes from Stripe.
 */
import Stripe from "stripe"
import { type ProcessorResult, processorError, processorOk } from "../port"
import { errorOf } from "./stripe-errors"

/** A dispute as Stripe holds it. */
export type DisputeFacts = {
  disputeId: string
  chargeId: string
  /** The PaymentIntent disputed: the plugin's chargeId. */
  paymentIntentId: string | null
  amount: { cents: number; currency: string }
  reason: string
  status: string
}

export type VerifiedEvent = { ok: true; event: Stripe.Event } | { ok: false; message: string }

export type StripeWebhooks = {
  /** The event, if `signature` (the Stripe-Signature header) signs `payload` (the raw body) with the secret. */
  verify(payload: Buffer | string, signature: string): VerifiedEvent
  readDispute(disputeId: string): Promise<ProcessorResult<DisputeFacts>>
}

/** Stripe's default: a signature older than 5 minutes is refused (replays). */
const TOLERANCE_SECONDS = 300

export function createStripeWebhooks(options: { client: Stripe; secret: string }): StripeWebhooks {
  const { client, secret } = options
  return {
    verify(payload, signature) {
      try {
        return { ok: true, event: client.webhooks.constructEvent(payload, signature, secret, TOLERANCE_SECONDS) }
      } catch (error) {
        if (error instanceof Stripe.errors.StripeSignatureVerificationError) return { ok: false, message: signatureMessage(error) }
        return { ok: false, message: "the body is not a Stripe event" }
      }
    },

    async readDispute(disputeId) {
      if (typeof disputeId !== "string" || !/^(dp|du)_[A-Za-z0-9]+$/.test(disputeId)) return processorError("invalid_request", "not a Stripe dispute id (dp_…)")
      try {
        const dispute = await client.disputes.retrieve(disputeId)
        const idOf = (value: string | { id: string } | null) => (typeof value === "string" ? value : (value?.id ?? null))
        return processorOk({
          disputeId: dispute.id,
          chargeId: idOf(dispute.charge) ?? "",
          paymentIntentId: idOf(dispute.payment_intent),
          amount: { cents: dispute.amount, currency: dispute.currency },
          reason: dispute.reason,
          status: dispute.status,
        })
      } catch (error) {
        return errorOf(error, "invalid_request")
      }
    },
  }
}

/** Why a signature was refused, without echoing it. */
function signatureMessage(error: Stripe.errors.StripeSignatureVerificationError): string {
  if (/tolerance/i.test(error.message)) return "the Stripe-Signature timestamp is too old (more than 5 minutes): a replay, or a clock far off"
  if (/with expected scheme/i.test(error.message) || /unable to extract/i.test(error.message)) return "the Stripe-Signature header is malformed"
  return "the Stripe-Signature does not match this body with the endpoint's signing secret (stripe.webhook_secret)"
}
