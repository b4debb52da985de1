/**
 * The public vocabulary of the plugin: plan codes, plan and instalment states, refusal reason
 * codes. These strings appear in the Store and Admin APIs and in stored rows, so they are part of
 * the public API: add new ones, never rename one.
 */

/** The plans a store can offer. `pNx`: N instalments, the first at checkout, then monthly. `dNN`: one payment NN days later. */
export const PLAN_CODES = ["p2x", "p3x", "p4x", "d15", "d30"] as const
export type PlanCode = (typeof PLAN_CODES)[number]

export function isPlanCode(value: unknown): value is PlanCode {
  return typeof value === "string" && (PLAN_CODES as readonly string[]).includes(value)
}

/** Plan states. See `states.ts` for the allowed transitions. */
export const PLAN_STATUSES = [
  "pending_start", // deferred start: card verified, nothing charged, waits for the shipment
  "active", // running, nothing overdue
  "late", // an instalment is overdue (a charge failed), 15 days or less
  "serious_delay", // an instalment is overdue by more than 15 days
  "frozen", // collection suspended (investigation, fraud) for up to 180 days
  "completed", // everything owed has been paid
  "cancelled", // order cancelled, or refunds left nothing to pay and nothing paid: everything paid went back
  "terminated", // contract terminated: everything remaining became due at once
  "withdrawn", // the shopper withdrew within 14 days: everything remaining charged at once
] as const
export type PlanStatus = (typeof PLAN_STATUSES)[number]

/** Instalment states. */
export const INSTALMENT_STATUSES = [
  "scheduled", // waiting for its due date
  "paid", // charged successfully
  "failed", // the last charge attempt failed; a retry is scheduled
  "late", // overdue by more than 15 days (serious delay)
  "cancelled", // will never be charged (order cancelled, refund, exchange)
] as const
export type InstalmentStatus = (typeof INSTALMENT_STATUSES)[number]

/** Revision policies: how a refund after a return comes off the unpaid instalments. */
export const REVISION_POLICIES = ["spread", "last_first"] as const
export type RevisionPolicy = (typeof REVISION_POLICIES)[number]

/**
 * Why a plan cannot be used. Stable codes: storefronts branch on them, texts.ts translates them.
 */
export const ELIGIBILITY_REASON_CODES = [
  "plan_not_offered",
  "currency_not_supported",
  "amount_below_minimum",
  "amount_above_maximum",
  "country_not_supported",
  "card_network_not_accepted",
  "card_prepaid",
  "card_virtual",
  "card_systematic_authorisation",
  "card_issuer_country",
  "card_expires_too_soon",
  "credit_refused",
  "consumer_credit_not_authorised", // direct mode without an authorisation: this schedule would be consumer credit (§11)
] as const
export type EligibilityReasonCode = (typeof ELIGIBILITY_REASON_CODES)[number]

/** Card networks the eligibility rules know about. `cb` is Carte Bancaire (usually co-badged). */
export const CARD_NETWORKS = ["visa", "mastercard", "amex", "cb", "maestro", "visa_electron", "other"] as const
export type CardNetwork = (typeof CARD_NETWORKS)[number]

/** Networks accepted by default (docs/business-rules.md §3). */
export const DEFAULT_ACCEPTED_NETWORKS: readonly CardNetwork[] = ["visa", "mastercard", "amex", "cb"]

/** Funding of a card as processors report it. */
export const CARD_FUNDINGS = ["credit", "debit", "prepaid", "unknown"] as const
export type CardFunding = (typeof CARD_FUNDINGS)[number]

/** Locales every shopper-facing text exists in. English is the fallback. */
export const LOCALES = ["fr", "es", "de", "it", "nl", "en"] as const
export type Locale = (typeof LOCALES)[number]

/** Countries where shoppers may use instalments by default (docs/business-rules.md §3). */
export const DEFAULT_COUNTRIES = ["fr", "be", "es", "de", "it"] as const

/** EU member states (ISO 3166-1 alpha-2, lower case): cards must be issued in one of them. */
export const EU_COUNTRIES = [
  "at", "be", "bg", "hr", "cy", "cz", "dk", "ee", "fi", "fr", "de", "gr", "hu", "ie",
  "it", "lv", "lt", "lu", "mt", "nl", "pl", "pt", "ro", "sk", "si", "es", "se",
] as const

/**
 * What a shopper's support request is about (docs/business-rules.md §9), in the order the forms
 * list them. `formal_complaint` is answered within 48 working hours, the others within 24 hours
 * (src/domain/support-clock.ts).
 */
export const SUPPORT_CATEGORIES = [
  "purchase_blocked",
  "payment_refused",
  "postpone",
  "schedule_question",
  "change_card",
  "difficulty_paying",
  "order_not_received",
  "order_not_as_ordered",
  "refund_confirmed",
  "page_access",
  "formal_complaint",
] as const
export type SupportCategory = (typeof SUPPORT_CATEGORIES)[number]
