/**
 * The engine refuses in English for the merchant and the logs (`postpone_days_out_of_range: A due
 * date can be postponed by 1 to 15 days (got 16).`); the shopper gets the same code with a message
 * in their language (`postpone_days_out_of_range: Un report peut être de 15 jours au plus…`).
 * The code stays the engine's: storefronts branch on it.
 */
import { MedusaError } from "@medusajs/framework/utils"
import { ELIGIBILITY_REASON_CODES, type Locale } from "../domain/codes"
import type { EngineConfig } from "../domain/config"
import { refusalMessage, t, type RevisionRefusalCode } from "../domain/texts"
import { CHARGE_FAILURE_CODES } from "../processors"

/** Engine refusal codes → the shopper's text for them. */
const SHOPPER_TEXT: Readonly<Record<string, RevisionRefusalCode>> = {
  postpone_days_out_of_range: "postponement_too_long",
  postponement_limit_reached: "postponement_limit_reached",
  instalment_not_postponable: "postponement_not_allowed",
  postpone_past_next_instalment: "postponement_not_allowed",
  instalment_not_found: "postponement_not_allowed",
  withdrawal_period_over: "withdrawal_period_over",
  withdrawal_already_requested: "plan_closed",
  nothing_to_pay: "nothing_left_to_pay",
  exchange_nothing_due: "nothing_left_to_pay",
  plan_frozen: "plan_frozen",
  plan_not_started: "plan_not_started",
  plan_not_active: "plan_not_active",
  plan_busy: "plan_busy",
  plan_changed: "plan_changed",
  operation_abandoned: "plan_changed",
  processor_unavailable: "payment_pending",
  operation_pending: "payment_pending",
}

const CLOSED_STATUSES = ["completed", "cancelled", "terminated", "withdrawn"]

/** The shopper's message for an engine or processor refusal code. */
export function shopperRefusalText(code: string, locale: Locale, config: EngineConfig, planStatus?: string): string {
  if ((CHARGE_FAILURE_CODES as readonly string[]).includes(code)) return t(locale, "self.error.paymentDeclined")
  const text = code === "plan_not_active" && planStatus && CLOSED_STATUSES.includes(planStatus) ? "plan_closed" : SHOPPER_TEXT[code]
  if (!text) return t(locale, "self.error.generic")
  const days = text === "withdrawal_period_over" ? config.withdrawalDays : config.maxPostponeDays
  return refusalMessage(text, locale, { days })
}

/**
 * A refusal of the module (MedusaError with its reason in `code`), reworded for the shopper: the
 * code stays, the message is in their language. Eligibility refusals already come in the shopper's
 * language; errors without a code are left as they are.
 */
export function forShopper(error: unknown, locale: Locale, config: EngineConfig, planStatus?: string): unknown {
  if (!(error instanceof MedusaError) || !error.code) return error
  const code = error.code
  if ((ELIGIBILITY_REASON_CODES as readonly string[]).includes(code)) return error
  if (error.type !== MedusaError.Types.NOT_ALLOWED && !SHOPPER_TEXT[code]) return error
  return new MedusaError(error.type, `${code}: ${shopperRefusalText(code, locale, config, planStatus)}`, code)
}

const REFUSAL = /^([a-z][a-z0-9_]*): /

/**
 * The shopper's message of a refusal, for the page (the code is in the error's `code`). Several
 * eligibility reasons come as "card_prepaid: … | card_virtual: …": the codes go, the messages stay.
 */
export function splitRefusal(message: string): { code: string | null; message: string } {
  const parts = message.split(" | ").map((part) => {
    const match = REFUSAL.exec(part)
    return match ? { code: match[1] as string, message: part.slice(match[0].length) } : { code: null, message: part }
  })
  return { code: parts[0]?.code ?? null, message: parts.map((p) => p.message).join(" ") }
}
