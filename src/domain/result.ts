/**
 * Errors a caller can cause (a refund larger than the order, a postponement too long, a plan in
 * the wrong state...) are returned as values, never thrown: every public engine function that can
 * refuse returns a `Result`. Only programmer errors (broken invariants, impossible inputs) throw.
 *
 * Error codes are stable snake_case strings: the Store and Admin APIs pass them through and
 * storefronts branch on them, so add new ones but never rename one.
 */

export const DOMAIN_ERROR_CODES = [
  // amounts and currencies
  "invalid_amount",
  "currency_mismatch",
  "refund_exceeds_total",
  "exchange_difference_zero",
  "exchange_payment_unexpected",
  "exchange_nothing_due",
  "exchange_nothing_paid",
  // dates
  "invalid_date",
  // plan state
  "plan_not_active",
  "plan_not_started",
  "plan_frozen",
  "plan_not_frozen",
  "plan_already_frozen",
  "plan_not_eligible",
  "no_change",
  // instalments and charges
  "instalment_not_found",
  "instalment_not_payable",
  "empty_charge",
  "charge_amount_mismatch",
  "nothing_to_pay",
  // postponement
  "postpone_days_out_of_range",
  "postponement_limit_reached",
  "instalment_not_postponable",
  "postpone_past_next_instalment",
  // withdrawal
  "withdrawal_period_over",
  "withdrawal_already_requested",
  // late fees
  "late_fee_not_allowed",
  "late_fee_above_cap",
  "late_fee_rounds_to_zero",
  "invalid_basis_points",
  // freezes and fraud
  "freeze_days_out_of_range",
  "freeze_too_long",
  "reason_required",
  // linked plans
  "not_linked",
  "link_not_same_shopper",
  "nothing_overdue",
  "instalment_not_overdue",
  "unknown_support_category",
  "support_message_required",
  "support_message_too_long",
] as const
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number]

export interface DomainError {
  /** Stable machine-readable code. */
  readonly code: DomainErrorCode
  /** English, for developers: what is wrong and how to fix it. Shopper texts live in `texts/`. */
  readonly message: string
  /** Values that help display or debug the refusal (limits, current status...). */
  readonly details?: Readonly<Record<string, unknown>>
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DomainError }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function err<T = never>(code: DomainErrorCode, message: string, details?: Record<string, unknown>): Result<T> {
  return details === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, details } }
}

/**
 * Unwraps a result that cannot fail unless the calling code is wrong (tests, internal chaining).
 * Throws with the error's code and message otherwise.
 */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value
  throw new Error(`${result.error.code}: ${result.error.message}`)
}
