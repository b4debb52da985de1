/**
 * The Stripe adapter's refunds: a Refund on the PaymentIntent's charge, with the port's key as
 * Stripe's Idempotency-Key (and in the refund's metadata). Stripe itself refuses a refund beyond
 * what is left on the charge; the adapter does not check first, so that a replayed key is
 * answered by Stripe with the refund it already made, even when nothing is left.
 */
import Stripe from "stripe"
import { type CardProcessor, type RefundOutcome, type RefundRequest, checkAmount, processorError, processorOk } from "../port"
import { METADATA_KEY, type StripeContext, badKey, stripeKey } from "./requests"
import { errorOf } from "./stripe-errors"

type RefundOperations = Pick<CardProcessor, "refund">

export function refundOperations({ stripe }: StripeContext): RefundOperations {
  return {
    async refund(request: RefundRequest) {
      const bad = badKey<RefundOutcome>(request?.idempotencyKey)
      if (bad) return bad
      const badAmount = checkAmount(request.amount)
      if (badAmount) return { ok: false, error: badAmount }
      if (typeof request.chargeId !== "string" || request.chargeId === "") return processorError("invalid_request", "chargeId must be a non-empty string")
      if (!/^pi_[A-Za-z0-9]+$/.test(request.chargeId)) return processorError("unknown_charge", "not a Stripe charge id (pi_…)")
      try {
        const intent = await stripe.paymentIntents.retrieve(request.chargeId)
        if (intent.currency !== request.amount.currency) return processorError("currency_mismatch", `the charge is in ${intent.currency}, the refund in ${request.amount.currency}`)
        if (intent.status !== "succeeded") return processorOk<RefundOutcome>({ status: "failed", code: "charge_not_succeeded", message: "the charge did not succeed: there is nothing to refund" })
        const refund = await stripe.refunds.create(
          { payment_intent: intent.id, amount: request.amount.cents, metadata: { ...request.metadata, [METADATA_KEY]: request.idempotencyKey } },
          { idempotencyKey: stripeKey("refund", request.idempotencyKey) }
        )
        if (refund.status === "failed" || refund.status === "canceled") {
          return processorError("processor_unavailable", `Stripe's refund ${refund.id} ended ${refund.status}: see the Stripe dashboard`, false)
        }
        return processorOk<RefundOutcome>({ status: "succeeded", refundId: refund.id, amount: { cents: refund.amount, currency: refund.currency } })
      } catch (error) {
        if (exceedsCharge(error)) return processorOk<RefundOutcome>({ status: "failed", code: "refund_exceeds_charge", message: "more than what is left on the charge" })
        return errorOf(error, "unknown_charge")
      }
    },
  }
}

/** Stripe's refusal of a refund larger than what is left (or of any refund once all is refunded). */
function exceedsCharge(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeInvalidRequestError && (error.code === "charge_already_refunded" || error.param === "amount")
}
