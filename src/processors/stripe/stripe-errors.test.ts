import Stripe from "stripe"
import { errorOf, failureCodeOf } from "./stripe-errors"

const raw = (fields: Record<string, unknown>) => ({ message: "m", ...fields }) as never

describe("Stripe errors for the port", () => {
  it("maps decline codes onto the port's failure codes", () => {
    expect(failureCodeOf({ code: "authentication_required", decline_code: "authentication_required" })).toBe("authentication_required")
    expect(failureCodeOf({ code: "card_declined", decline_code: "insufficient_funds" })).toBe("insufficient_funds")
    expect(failureCodeOf({ code: "expired_card" })).toBe("expired_card")
    expect(failureCodeOf({ code: "processing_error" })).toBe("processing_error")
    expect(failureCodeOf({ code: "card_declined", decline_code: "try_again_later" })).toBe("processing_error")
    expect(failureCodeOf({ code: "card_declined", decline_code: "generic_decline" })).toBe("card_declined")
    // The shopper failed 3-D Secure: a port code of its own since the checkout offers it.
    expect(failureCodeOf({ code: "payment_intent_authentication_failure" })).toBe("authentication_failed")
    expect(failureCodeOf({ code: "setup_intent_authentication_failure" })).toBe("authentication_failed")
    expect(failureCodeOf({})).toBe("card_declined")
  })

  it("makes transient failures retryable processor_unavailable, and the rest stable codes", () => {
    const code = (error: unknown) => {
      const result = errorOf(error, "unknown_charge")
      return result.ok ? "ok" : `${result.error.code}${result.error.retryable ? " (retryable)" : ""}`
    }
    expect(code(new Stripe.errors.StripeConnectionError(raw({})))).toBe("processor_unavailable (retryable)")
    expect(code(new Stripe.errors.StripeAPIError(raw({ statusCode: 500 })))).toBe("processor_unavailable (retryable)")
    expect(code(new Stripe.errors.StripeRateLimitError(raw({ statusCode: 429 })))).toBe("processor_unavailable (retryable)")
    expect(code(new Stripe.errors.StripeInvalidRequestError(raw({ statusCode: 409, code: "lock_timeout" })))).toBe("processor_unavailable (retryable)")
    expect(code(new Error("socket hang up"))).toBe("processor_unavailable (retryable)")
    expect(code(new Stripe.errors.StripeIdempotencyError(raw({ statusCode: 400 })))).toBe("idempotency_key_reused")
    // The same key still running elsewhere is not a reuse: retry later with it.
    expect(code(new Stripe.errors.StripeIdempotencyError(raw({ statusCode: 409 })))).toBe("processor_unavailable (retryable)")
    expect(code(new Stripe.errors.StripeInvalidRequestError(raw({ statusCode: 409, code: "idempotency_key_in_use" })))).toBe("processor_unavailable (retryable)")
    expect(code(new Stripe.errors.StripeInvalidRequestError(raw({ statusCode: 404, code: "resource_missing" })))).toBe("unknown_charge")
    expect(code(new Stripe.errors.StripeInvalidRequestError(raw({ statusCode: 400, param: "amount" })))).toBe("invalid_request")
    expect(code(new Stripe.errors.StripeAuthenticationError(raw({ statusCode: 401 })))).toBe("processor_unavailable (retryable)")
  })
})
