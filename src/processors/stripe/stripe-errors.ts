/**
 * What the Stripe SDK's errors mean for the port: declines become outcomes (a ChargeFailureCode),
 * everything else a ProcessorError. Transient failures (network, 5xx, rate limits, lock
 * timeouts) are `processor_unavailable`, retryable with the same idempotency key: Stripe replays
 * the request if it had run.
 */
import Stripe from "stripe"
import { type ChargeFailureCode, type ProcessorErrorCode, type ProcessorResult, processorError } from "../port"

type RawDecline = { code?: string | null; decline_code?: string | null }

const PROCESSING = ["processing_error", "issuer_not_available", "try_again_later", "reenter_transaction"]
/** Stripe's codes for a 3-D Secure challenge the shopper did not pass. */
const AUTHENTICATION_FAILED = ["payment_intent_authentication_failure", "setup_intent_authentication_failure"]

/** Stripe's `code` and `decline_code` of a declined payment or setup, onto the port's codes. */
export function failureCodeOf(error: RawDecline): ChargeFailureCode {
  const codes = [error.decline_code, error.code]
  if (codes.includes("authentication_required")) return "authentication_required"
  if (codes.some((code) => code && AUTHENTICATION_FAILED.includes(code))) return "authentication_failed"
  if (codes.includes("insufficient_funds")) return "insufficient_funds"
  if (codes.includes("expired_card")) return "expired_card"
  if (codes.some((code) => code && PROCESSING.includes(code))) return "processing_error"
  return "card_declined"
}

/** A Stripe card error (HTTP 402): the issuer refused what Stripe processed. */
export function isDecline(error: unknown): error is Stripe.errors.StripeCardError {
  return error instanceof Stripe.errors.StripeCardError
}

/** A decline's message as Stripe wrote it (the SDK's `message` adds the request's id, which a replay changes). */
export function declineMessage(error: Stripe.errors.StripeCardError): string {
  const raw = error.raw as { message?: unknown } | undefined
  return typeof raw?.message === "string" ? raw.message : error.message
}

/**
 * Any other error of a call, as a ProcessorError. `missing` says what a 404 means for this call
 * (an unknown card, charge or token).
 */
export function errorOf<T = never>(error: unknown, missing: ProcessorErrorCode = "invalid_request"): ProcessorResult<T> {
  if (!(error instanceof Stripe.errors.StripeError)) {
    return processorError("processor_unavailable", `Stripe call failed: ${error instanceof Error ? error.message : String(error)}`)
  }
  // 409: another request with the same idempotency key is still running (Stripe saves nothing for
  // it, whatever the error's type): retrying later with the key gets the first one's answer.
  if (error.statusCode === 409 || error.code === "idempotency_key_in_use") return unavailable(error)
  if (error instanceof Stripe.errors.StripeIdempotencyError) {
    return processorError("idempotency_key_reused", "this idempotency key was already used with a different request")
  }
  if (error instanceof Stripe.errors.StripeAuthenticationError || error instanceof Stripe.errors.StripePermissionError) {
    return processorError("processor_unavailable", "Stripe refused the API key: check the module option stripe.api_key")
  }
  if (error instanceof Stripe.errors.StripeInvalidRequestError) {
    if (error.code === "lock_timeout" || error.code === "rate_limit") return unavailable(error)
    if (error.statusCode === 404 || error.code === "resource_missing") return processorError(missing, `Stripe: ${error.message}`)
    return processorError("invalid_request", `Stripe refused the request: ${error.message}`)
  }
  return unavailable(error)
}

function unavailable<T>(error: Stripe.errors.StripeError): ProcessorResult<T> {
  return processorError("processor_unavailable", `Stripe is unavailable (${error.type}${error.statusCode ? ` ${error.statusCode}` : ""}): retry later with the same key`)
}
