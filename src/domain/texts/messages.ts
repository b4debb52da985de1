/**
 * The shape of the shopper-facing message catalogue. Every locale file (`fr.ts`, `es.ts`, `de.ts`,
 * `it.ts`, `nl.ts`, `en.ts`) exports an object of type `Messages`, so a key missing in one language
 * is a type error, and so is a new plan code, reason code or status added to `../codes` without
 * its texts.
 *
 * Templates use named placeholders in braces (`{amount}`, `{date}`, `{count}`, `{days}`...), filled
 * by `format()` / `t()`. Every translation of a key uses exactly the placeholders of the English
 * text (checked by the tests). Texts are plain text, not HTML: escape them when you put them in a
 * page or an e-mail.
 */
import type { EligibilityReasonCode, InstalmentStatus, PlanCode, PlanStatus, SupportCategory } from "../codes"

/**
 * Why a self-service action (pay early, postpone, change card, withdraw) was refused. Stable codes,
 * like the eligibility reason codes: the secure page and the API return them, `refusalMessage()`
 * translates them.
 */
export const REVISION_REFUSAL_CODES = [
  "postponement_limit_reached", // the plan already used every postponement allowed
  "postponement_too_long", // the new date is more than {days} days after the current due date
  "postponement_not_allowed", // this instalment cannot be postponed (paid, cancelled, already passed...)
  "withdrawal_period_over", // more than {days} calendar days since the order
  "nothing_left_to_pay", // every instalment is paid or cancelled
  "plan_frozen", // collection suspended (investigation)
  "plan_closed", // completed, cancelled, terminated or withdrawn
  "plan_not_active", // any other status that does not allow the action (the domain's guard code)
  "plan_not_started", // deferred start: nothing charged yet
  "payment_overdue", // an overdue instalment must be settled first
  "card_not_eligible", // the new card fails the eligibility rules (give the reasons too)
  "lender_managed", // a lender (Alma) manages the plan: the shopper acts on the lender's page
  "plan_busy", // another payment on the plan is being processed: try again in a minute
  "plan_changed", // the plan changed while the request was on its way: look again
  "payment_pending", // the payment went out, its answer is not recorded yet: look again in a minute
] as const
export type RevisionRefusalCode = (typeof REVISION_REFUSAL_CODES)[number]

export function isRevisionRefusalCode(value: unknown): value is RevisionRefusalCode {
  return typeof value === "string" && (REVISION_REFUSAL_CODES as readonly string[]).includes(value)
}

/** The e-mails the plugin sends; each has `email.<kind>.subject` and `email.<kind>.body`. */
export const EMAIL_KINDS = [
  "planConfirmed", // plan accepted at checkout (copy of the contract)
  "cardVerified", // deferred start: card verified at checkout, nothing charged yet
  "reminder", // 3 days before a due date
  "paymentFailed", // a charge failed, a retry is scheduled
  "planUpdated", // early payment, postponement, refund, exchange: new schedule
  "planCompleted", // everything has been paid
  "selfServiceLink", // a new link to the secure page (the admin's "resend link")
  "supportReply", // the merchant's reply to a support request, quoted after the body
] as const
export type EmailKind = (typeof EMAIL_KINDS)[number]

type PlanKey = `plan.${PlanCode}.label` | `plan.${PlanCode}.description`
type ReasonKey = `reason.${EligibilityReasonCode}`
type PlanStatusKey = `status.plan.${PlanStatus}`
type InstalmentStatusKey = `status.instalment.${InstalmentStatus}`
type RefusalKey = `refusal.${RevisionRefusalCode}`
type EmailKey = `email.${EmailKind}.subject` | `email.${EmailKind}.body`
/** What a support request is about, as the shopper picks it on the page. */
type SupportCategoryKey = `support.category.${SupportCategory}`

/** Keys generated from the public codes: one text per code. */
type GeneratedKeys = {
  readonly [K in PlanKey | ReasonKey | PlanStatusKey | InstalmentStatusKey | RefusalKey | EmailKey | SupportCategoryKey]: string
}

export interface Messages extends GeneratedKeys {
  // ---- Checkout: presenting and accepting a plan -------------------------------------------
  /** Title of the payment method: "Pay in instalments". */
  readonly "checkout.title": string
  /** Deferred start, first charge when the order ships. */
  readonly "plan.deferred.onShipment": string
  /** Deferred start, first charge when the order is delivered. */
  readonly "plan.deferred.onDelivery": string
  /** Deferred start of a pay-later plan: the whole amount {days} days after shipment. */
  readonly "plan.deferredLater.onShipment": string
  /** Deferred start of a pay-later plan: the whole amount {days} days after delivery. */
  readonly "plan.deferredLater.onDelivery": string
  /** Acceptance button of a pNx plan. {count} */
  readonly "accept.button.instalments": string
  /** Acceptance button of a dNN plan. */
  readonly "accept.button.later": string
  /** Acceptance button of a deferred-start plan. */
  readonly "accept.button.verifyCard": string
  readonly "accept.answer.paymentAccepted": string
  readonly "accept.answer.verified": string
  readonly "accept.answer.validated": string
  /** Label of the (never pre-ticked) consent checkbox. */
  readonly "accept.consent": string

  // ---- Schedule --------------------------------------------------------------------------
  /** {amount} */
  readonly "schedule.today": string
  /** {amount} {date} */
  readonly "schedule.onDate": string
  /** Appended to a line whose instalment carries a customer fee. {fee} */
  readonly "schedule.fees": string
  /** Appended to a line whose instalment carries a late fee (serious delay, docs/business-rules.md §7). {fee} */
  readonly "schedule.lateFees": string
  /** {amount} */
  readonly "schedule.total": string
  readonly "schedule.interestFree": string
  /** {amount} */
  readonly "schedule.credit": string
  /** Why the first instalment is not part of the credit (pNx plans). */
  readonly "schedule.creditNote": string
  /** {amount} */
  readonly "schedule.remaining": string

  // ---- Responsible-lending warnings -------------------------------------------------------
  /** Current warning (fr: art. L312-5 Code de la consommation). */
  readonly "credit.warning": string
  /** Warning required from 20 Nov 2026 (Directive (EU) 2023/2225, fr: ordonnance 2025-880). */
  readonly "credit.warningCcd2": string

  // ---- Self-service page ------------------------------------------------------------------
  readonly "self.title": string
  /** {orderNumber} */
  readonly "self.order": string
  /** {amount} {date} */
  readonly "self.nextInstalment": string
  /** {last4} */
  readonly "self.card": string
  readonly "self.action.payNext": string
  /** The pay-next button on a Stripe plan's page, which runs the bank's 3-D Secure challenge. */
  readonly "self.action.payWithBank": string
  /** Under that button. */
  readonly "self.bank.help": string
  /** The bank's challenge failed or was abandoned (shown by the page's script). */
  readonly "self.bank.refused": string
  readonly "self.action.payAll": string
  readonly "self.action.postpone": string
  readonly "self.action.changeCard": string
  readonly "self.action.withdraw": string
  /** {amount} */
  readonly "self.confirm.payNext": string
  /** {amount} */
  readonly "self.confirm.payAll": string
  /** {date} {newDate} */
  readonly "self.confirm.postpone": string
  readonly "self.confirm.changeCard": string
  /** {amount} */
  readonly "self.confirm.withdraw": string
  /** {amount} */
  readonly "self.done.authenticate": string
  /** {amount} */
  readonly "self.done.payNext": string
  /** {amount} */
  readonly "self.done.payAll": string
  /** {date} */
  readonly "self.done.postpone": string
  readonly "self.done.changeCard": string
  /** {amount} */
  readonly "self.done.withdraw": string
  /** {days} */
  readonly "self.postpone.choose": string
  /** {date}: last day to withdraw */
  readonly "self.withdraw.info": string
  readonly "self.button.confirm": string
  readonly "self.button.back": string
  /** {amount} {date} */
  readonly "self.overdue": string
  readonly "self.frozen": string
  readonly "self.difficulty": string
  readonly "self.linkExpired": string
  readonly "self.linkExpiredHelp": string
  readonly "self.linkReplaced": string
  readonly "self.linkReplacedHelp": string
  readonly "self.linkInvalid": string
  readonly "self.error.generic": string
  readonly "self.error.paymentDeclined": string
  readonly "self.error.notFound": string
  readonly "self.schedule.title": string
  /** Column headers of the schedule table. */
  readonly "self.schedule.instalment": string
  readonly "self.schedule.dueDate": string
  readonly "self.schedule.amount": string
  readonly "self.schedule.status": string
  /** Under a postponed due date. {date}: the original due date */
  readonly "self.schedule.postponedFrom": string
  /** {count}: the instalment's number */
  readonly "self.instalmentNumber": string
  readonly "self.actions.title": string
  /** Labels of the postponement form. */
  readonly "self.postpone.instalment": string
  readonly "self.postpone.days": string
  /** Label and help of the new card's token field. */
  readonly "self.changeCard.token": string
  readonly "self.changeCard.help": string
  /** Label of the language switcher. */
  readonly "self.language": string
  /** A dearer exchange (docs/business-rules.md §6): the difference, paid at once by card. {amount} */
  readonly "self.action.payExchange": string
  readonly "self.confirm.payExchange": string

  // ---- Self-service page: asking for help (docs/business-rules.md §9) ----------------------
  readonly "self.support.title": string
  /** The reply clocks, in words. */
  readonly "self.support.intro": string
  readonly "self.support.order": string
  readonly "self.support.category": string
  readonly "self.support.message": string
  /** {max}: characters */
  readonly "self.support.messageHelp": string
  /** Order not received or not as ordered: the merchant handles them. */
  readonly "self.support.orderMatters": string
  readonly "self.support.send": string
  readonly "self.support.sendAnyway": string
  /** A category the page solves: its action first. */
  readonly "self.support.solve.postpone": string
  readonly "self.support.solve.changeCard": string
  readonly "self.support.solve.payNow": string
  readonly "self.support.solve.orSend": string
  /** Request accepted: the 24-hour clock, the 48-working-hour clock, an order matter (the merchant's). */
  readonly "self.support.sent": string
  readonly "self.support.sentComplaint": string
  readonly "self.support.sentToMerchant": string
  readonly "self.support.error.category": string
  readonly "self.support.error.messageRequired": string
  /** {max}: characters */
  readonly "self.support.error.messageTooLong": string
  /** The page was sent twice with different texts: look again. */
  readonly "self.support.error.changed": string
  readonly "self.support.requests": string
  /** {date} */
  readonly "self.support.openedOn": string
  readonly "self.support.status.open": string
  readonly "self.support.status.closed": string
  readonly "self.support.author.shopper": string
  readonly "self.support.author.merchant": string

  // ---- E-mails (subjects and bodies are generated keys) -----------------------------------
  readonly "email.greeting": string
  readonly "email.closing": string
  /** Call-to-action button to the secure page. */
  readonly "email.viewPlan": string
  /** Heading of the schedule in the e-mails. */
  readonly "email.scheduleTitle": string
  /** The contract's proof (docs/business-rules.md §4). {version} {date} */
  readonly "email.terms": string
  /** The payment-failed body when the bank wants the shopper's 3-D Secure: pay on the page. {amount} {date} {orderNumber} {link} */
  readonly "email.paymentFailed.authenticationBody": string
}

export type MessageKey = keyof Messages

/** Values for the placeholders of a template. Numbers are written as they are (`String(n)`). */
export type MessageParams = Readonly<Record<string, string | number>>
