/**
 * The module's errors. Every refusal carries its machine-readable code in MedusaError's `code`
 * (Medusa's error handler puts it in the answer's `code`), so a storefront branches on the code and
 * shows the message; nothing parses codes back out of messages.
 *
 * Medusa's handler has no 409 that keeps its message, no 422 for a misused key and no 503, so the
 * plugin's own routes set those statuses from the code (`httpStatusOf`, src/http/errors.ts);
 * called from Medusa's flows (the payment provider), the same errors keep their Medusa type.
 */
import { MedusaError } from "@medusajs/framework/utils"
import type { EligibilityReasonCode, PlanCode } from "../../domain/codes"
import type { EngineConfig } from "../../domain/config"
import type { RevisionOutcome } from "../../domain/outcome"
import type { Result } from "../../domain/result"
import { describeReasons } from "../../domain/texts"

/** Codes whose HTTP status is not the one their Medusa type gives. */
export const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  idempotency_key_reused: 422,
  plan_busy: 409,
  plan_changed: 409,
  operation_abandoned: 409,
  processor_unavailable: 503,
  operation_pending: 503,
}

/** A refusal: the plan's state, the card or the rules do not allow it (400, or the code's status). */
export function refused(code: string, message: string): MedusaError {
  return new MedusaError(MedusaError.Types.NOT_ALLOWED, `${code}: ${message}`, code)
}

export function invalidInput(message: string, code = "invalid_data"): MedusaError {
  return new MedusaError(MedusaError.Types.INVALID_DATA, message, code)
}

export function planNotFound(planId: string): MedusaError {
  return new MedusaError(MedusaError.Types.NOT_FOUND, `Instalment plan ${planId} was not found`, "plan_not_found")
}

/** The same idempotency key was sent with another request: the caller's mistake. */
export function keyReused(key: string): MedusaError {
  return new MedusaError(
    MedusaError.Types.INVALID_DATA,
    `idempotency_key_reused: the idempotency key "${key}" was already used for a different request on this plan. Send the same request to get its answer again, or a new key for a new request.`,
    "idempotency_key_reused",
  )
}

/** A request decided on a version of the plan that another request has since changed. */
export function planChanged(): MedusaError {
  return new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    "plan_changed: the plan changed while this request was on its way (another payment or change went through first). Look at the plan again, then send the request again if it still applies.",
    "plan_changed",
  )
}

/** An operation the processor never made, asked again after the plan changed: it would act on an old plan. */
export function abandoned(): MedusaError {
  return new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    "operation_abandoned: this request did not go through (nothing was charged) and the plan has changed since. Look at the plan again and send the request with a new Idempotency-Key if it still applies.",
    "operation_abandoned",
  )
}

/** Another money operation is still running on the plan. */
export function planBusy(): MedusaError {
  return new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    "plan_busy: a payment on this plan is still being processed. Try again in a minute; nothing was done.",
    "plan_busy",
  )
}

/** The processor did not answer: whether money moved is not known yet; the reconciler finds out. */
export function processorUnavailable(detail: string): MedusaError {
  return new MedusaError(
    MedusaError.Types.UNEXPECTED_STATE,
    `processor_unavailable: the card processor did not answer (${detail}). Send the same request again (with the same Idempotency-Key, if you sent one) in a minute: it will not be done twice.`,
    "processor_unavailable",
  )
}

/** The processor answered but the answer could not be recorded yet: the operation is settled later, once. */
export function operationPending(detail: string): MedusaError {
  return new MedusaError(
    MedusaError.Types.UNEXPECTED_STATE,
    `operation_pending: the payment went to the card processor but its answer could not be recorded yet (${detail}). Send the same request again in a minute (with the same Idempotency-Key, if you sent one): it is recorded once and never charged twice.`,
    "operation_pending",
  )
}

/** The processor refused the call itself (not a decline): nothing moved. */
export function processorRefusedCall(code: string, detail: string): MedusaError {
  return new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `${code}: the card processor refused the request (${detail}); nothing was charged or refunded.`, code)
}

/** A refused revision becomes a 400-class error whose message says what is wrong. */
export function unwrapRevision(result: Result<RevisionOutcome>): RevisionOutcome {
  if (result.ok) return result.value
  throw refused(result.error.code, result.error.message)
}

// ---- checkout and card refusals, in the shopper's language ----

/** A request the module cannot read (a missing or malformed field). */
export function invalid(message: string): MedusaError {
  return new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

/** A refusal the storefront can act on: `<reason_code>: <message in the shopper's language>`. */
export function refusal(codes: readonly { code: string; message: string }[]): MedusaError {
  const text = codes.map((r) => `${r.code}: ${r.message}`).join(" | ")
  return new MedusaError(MedusaError.Types.NOT_ALLOWED, text, codes[0]?.code)
}

/** Eligibility reasons as one refusal, each in the shopper's language. */
export function eligibilityRefusal(
  reasons: readonly EligibilityReasonCode[],
  config: EngineConfig,
  plan: PlanCode,
  locale: string,
): MedusaError {
  return refusal(describeReasons(reasons, locale, reasonParams(config, plan)))
}

/** What the reasons' texts quote: the plan's bounds, the currency, the countries and the networks. */
export function reasonParams(config: EngineConfig, plan: PlanCode) {
  const settings = config.plans[plan]
  return {
    min: settings.min,
    max: settings.max,
    currency: config.currency,
    countries: config.countries,
    networks: config.cards.networks,
  }
}

/**
 * A processor call that did not go through (card checks, verifications). A key reused for another
 * request is the caller's mistake; anything else is the processor's: nothing was charged, the same
 * call can be retried.
 */
export function processorFailure(error: { code: string; message: string }): MedusaError {
  if (error.code === "idempotency_key_reused") {
    return new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `idempotency_key_reused: this idempotency key was already used for a different request (${error.message}); send a new key for a new operation`,
      "idempotency_key_reused",
    )
  }
  return processorUnavailable(error.message)
}
