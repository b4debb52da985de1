/**
 * What storefronts, the secure page and e-mails call: translated, formatted texts.
 */
import {
  DEFAULT_ACCEPTED_NETWORKS,
  DEFAULT_COUNTRIES,
  type CardNetwork,
  type EligibilityReasonCode,
  type InstalmentStatus,
  type Locale,
  type PlanCode,
  type PlanStatus,
} from "../codes"
import { MESSAGES } from "./catalogue"
import { format, formatCountries, formatDate, formatMoney, formatNetworks, todayIso } from "./format"
import { DEFAULT_LOCALE, toLocale, type LocaleInput } from "./locale"
import {
  isRevisionRefusalCode,
  type EmailKind,
  type MessageKey,
  type MessageParams,
  type Messages,
  type RevisionRefusalCode,
} from "./messages"

/** The catalogue of a language (English for anything unknown). */
export function messagesFor(locale?: LocaleInput): Messages {
  return MESSAGES[toLocale(locale)]
}

const IT_MONTHS = "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre"
const IT_ELISION = new RegExp(`\\b(il|dal|al|del|nel|sul) (8|11) (?=(?:${IT_MONTHS})\\b)`, "g")
const IT_ELIDED: Readonly<Record<string, string>> = {
  il: "l'",
  dal: "dall'",
  al: "all'",
  del: "dell'",
  nel: "nell'",
  sul: "sull'",
}

/** Italian elides the article before "8" and "11" (otto, undici): "l'8 dicembre", "dall'11 marzo". */
function italianElision(text: string): string {
  return text.replace(IT_ELISION, (_whole, article: string, day: string) => `${IT_ELIDED[article] ?? article + " "}${day} `)
}

/**
 * The text of `key` in `locale`, placeholders filled from `params`. Values are inserted as they
 * are: format amounts with `formatMoney` and dates with `formatDate` first (the helpers below do).
 */
export function t(locale: LocaleInput, key: MessageKey, params?: MessageParams): string {
  const lang = toLocale(locale)
  const template = MESSAGES[lang][key] || MESSAGES[DEFAULT_LOCALE][key]
  const text = format(template, params)
  return lang === "it" ? italianElision(text) : text
}

// ---- Plans ---------------------------------------------------------------------------------

/** "Pay in 3 instalments", "Payer en 3 fois", "Pay in 30 days", "Payer dans 30 jours". */
export function planLabel(code: PlanCode, locale?: LocaleInput): string {
  return t(locale, `plan.${code}.label`)
}

/** "A first instalment today, then 2 monthly instalments. Interest-free." */
export function planDescription(code: PlanCode, locale?: LocaleInput): string {
  return t(locale, `plan.${code}.description`)
}

/** Number of instalments of a plan, read from its code: p3x → 3, d30 → 1. */
function countOf(code: PlanCode): number {
  return code.startsWith("p") ? Number(code.slice(1, -1)) : 1
}

/**
 * When a deferred-start plan charges its first instalment. Also accepts the store setting of
 * `../config` (`"on_shipment"`, `"off"`); `"off"`, `false`, `null` or nothing: no deferred start.
 */
export type DeferredStartTrigger = "shipment" | "delivery" | "on_shipment" | "on_delivery" | "off" | boolean | null

function triggerOf(value: DeferredStartTrigger | undefined): "shipment" | "delivery" | undefined {
  if (value === true || value === "shipment" || value === "on_shipment") return "shipment"
  if (value === "delivery" || value === "on_delivery") return "delivery"
  return undefined
}

/**
 * The acceptance button and its answer (docs/business-rules.md §4): "Pay in 3 instalments" →
 * "Payment accepted", "Pay later" → "Validated", and for a deferred start "Verify my card" →
 * "Verified".
 */
export function acceptance(
  code: PlanCode,
  locale?: LocaleInput,
  deferredStart?: DeferredStartTrigger,
): { button: string; answer: string } {
  if (triggerOf(deferredStart)) {
    return { button: t(locale, "accept.button.verifyCard"), answer: t(locale, "accept.answer.verified") }
  }
  if (code.startsWith("p")) {
    return {
      button: t(locale, "accept.button.instalments", { count: countOf(code) }),
      answer: t(locale, "accept.answer.paymentAccepted"),
    }
  }
  return { button: t(locale, "accept.button.later"), answer: t(locale, "accept.answer.validated") }
}

// ---- Responsible-lending warning -----------------------------------------------------------

/** Day from which the CCD2 warning applies (Directive (EU) 2023/2225 art. 48; fr: ordonnance n° 2025-880). */
export const CCD2_APPLICATION_DATE = "2026-11-20"

/**
 * The responsible-lending warning to show wherever a plan is presented. French returns the
 * mandatory sentence of art. L312-5 Code de la consommation « Un crédit vous engage et doit être
 * remboursé. Vérifiez vos capacités de remboursement avant de vous engager. », preceded from
 * 20 Nov 2026 by « Attention ! Un crédit coûte de l'argent et doit être remboursé. ». Other
 * languages return their equivalent sentences on the same calendar.
 *
 * `on`: the day the text is shown ("YYYY-MM-DD", or a Date read in Europe/Paris). The caller's
 * clock, never the machine's: a quote made on the test clock's 19 November has no CCD2 sentence.
 */
export function creditWarning(locale: LocaleInput | undefined, on: string | Date): string {
  const day = typeof on === "string" ? on.slice(0, 10) : todayIso(on)
  const current = t(locale, "credit.warning")
  return day >= CCD2_APPLICATION_DATE ? `${t(locale, "credit.warningCcd2")} ${current}` : current
}

// ---- Eligibility reasons -------------------------------------------------------------------

/** Default order bounds of docs/business-rules.md §1, used when a caller gives none. */
export const DEFAULT_MIN_AMOUNT = 5000
export const DEFAULT_MAX_AMOUNT = 400000

/** Parameters of the refusal messages. Numbers are cents; strings are used as they are. */
export interface ReasonParams {
  /** Lowest accepted order total (`amount_below_minimum`): cents, or an already formatted string. */
  readonly min?: number | string
  /** Highest accepted order total (`amount_above_maximum`): cents, or an already formatted string. */
  readonly max?: number | string
  /** Currency of `min`/`max` when they are numbers. Default "EUR". */
  readonly currency?: string
  /** Countries where instalments are offered (`country_not_supported`): ISO codes, or a formatted string. Default: the countries of docs/business-rules.md §3. */
  readonly countries?: readonly string[] | string
  /** Accepted card networks (`card_network_not_accepted`): network codes, or a formatted string. Default: Visa, Mastercard, Amex, CB. */
  readonly networks?: readonly (CardNetwork | string)[] | string
}

function amountParam(value: number | string | undefined, fallback: number, currency: string, locale: Locale): string {
  if (typeof value === "string") return value
  return formatMoney(value ?? fallback, currency, locale)
}

/** What is wrong, in the shopper's words, and what they can do instead. */
export function reasonMessage(code: EligibilityReasonCode, locale?: LocaleInput, params: ReasonParams = {}): string {
  const lang = toLocale(locale)
  const currency = params.currency ?? "EUR"
  const values: Record<string, string> = {}
  if (code === "amount_below_minimum") values.min = amountParam(params.min, DEFAULT_MIN_AMOUNT, currency, lang)
  if (code === "amount_above_maximum") values.max = amountParam(params.max, DEFAULT_MAX_AMOUNT, currency, lang)
  if (code === "country_not_supported") {
    const countries = params.countries ?? DEFAULT_COUNTRIES
    values.countries = typeof countries === "string" ? countries : formatCountries(countries, lang)
  }
  if (code === "card_network_not_accepted") {
    const networks = params.networks ?? DEFAULT_ACCEPTED_NETWORKS
    values.networks = typeof networks === "string" ? networks : formatNetworks(networks, lang)
  }
  return t(lang, `reason.${code}`, values)
}

/** Messages for a list of reason codes, in order, each code once. */
export function describeReasons(
  codes: readonly EligibilityReasonCode[],
  locale?: LocaleInput,
  params?: ReasonParams,
): { code: EligibilityReasonCode; message: string }[] {
  return [...new Set(codes)].map((code) => ({ code, message: reasonMessage(code, locale, params) }))
}

// ---- Self-service refusals -----------------------------------------------------------------

/** Default limits of docs/business-rules.md §5, used when a caller gives none. */
export const DEFAULT_MAX_POSTPONEMENT_DAYS = 15
export const DEFAULT_WITHDRAWAL_DAYS = 14

/**
 * Why a self-service action was refused, for the shopper. `days`: the postponement limit or the
 * withdrawal period (defaults 15 and 14). A code with no shopper text (an internal error code such
 * as `invalid_amount`) gives the generic "Something went wrong" text.
 */
export function refusalMessage(
  code: RevisionRefusalCode | string,
  locale?: LocaleInput,
  params: { days?: number } = {},
): string {
  if (!isRevisionRefusalCode(code)) return t(locale, "self.error.generic")
  const days =
    params.days ?? (code === "withdrawal_period_over" ? DEFAULT_WITHDRAWAL_DAYS : DEFAULT_MAX_POSTPONEMENT_DAYS)
  return t(locale, `refusal.${code}`, { days })
}

// ---- Statuses ------------------------------------------------------------------------------

/** Display name of a plan or instalment status ("In progress", "Paid"...). An unknown status comes back as it is. */
export function statusLabel(kind: "plan", status: PlanStatus, locale?: LocaleInput): string
export function statusLabel(kind: "instalment", status: InstalmentStatus, locale?: LocaleInput): string
export function statusLabel(kind: "plan" | "instalment", status: string, locale?: LocaleInput): string
export function statusLabel(kind: "plan" | "instalment", status: string, locale?: LocaleInput): string {
  const key = `status.${kind}.${status}`
  if (!Object.prototype.hasOwnProperty.call(MESSAGES[DEFAULT_LOCALE], key)) return status
  return t(locale, key as MessageKey)
}

// ---- Schedules -----------------------------------------------------------------------------

/**
 * One instalment as the texts need it (an `InstalmentSnapshot` of `../plan` fits). `amount` is the
 * instalment's share of the order, in cents, WITHOUT fees; `customerFee` and `lateFee` (cents,
 * default 0) are added on top, as in `amountDue()` of `../plan`. `dueDate` is "YYYY-MM-DD".
 */
export interface ScheduleInstalment {
  readonly number: number
  readonly dueDate: string
  readonly amount: number
  readonly customerFee?: number
  readonly lateFee?: number
}

function byNumber(instalments: readonly ScheduleInstalment[]): ScheduleInstalment[] {
  return [...instalments].sort((a, b) => a.number - b.number)
}

/** What the shopper pays for one instalment: amount plus fees, in cents. */
export function instalmentTotal(instalment: ScheduleInstalment): number {
  return instalment.amount + (instalment.customerFee ?? 0) + (instalment.lateFee ?? 0)
}

/**
 * The human lines of a schedule, in instalment order: "84,98 € aujourd'hui",
 * "84,96 € le 22 décembre 2026", "85,98 € le 22 janvier 2027 (dont 1,00 € de frais)".
 * The instalment due on `today` (the caller's day, "YYYY-MM-DD") reads "today". Every instalment
 * given is listed: leave out cancelled ones, and label paid ones with `statusLabel`, as needed.
 */
export function scheduleLines(
  instalments: readonly ScheduleInstalment[],
  currency: string,
  locale: LocaleInput | undefined,
  today: string,
): string[] {
  const lang = toLocale(locale)
  const day = today
  return byNumber(instalments).map((instalment) => {
    const amount = formatMoney(instalmentTotal(instalment), currency, lang)
    const line =
      instalment.dueDate.slice(0, 10) === day
        ? t(lang, "schedule.today", { amount })
        : t(lang, "schedule.onDate", { amount, date: formatDate(instalment.dueDate, lang) })
    const notes: string[] = []
    const fee = instalment.customerFee ?? 0
    const lateFee = instalment.lateFee ?? 0
    if (fee > 0) notes.push(t(lang, "schedule.fees", { fee: formatMoney(fee, currency, lang) }))
    if (lateFee > 0) notes.push(t(lang, "schedule.lateFees", { fee: formatMoney(lateFee, currency, lang) }))
    return notes.length > 0 ? `${line} (${notes.join("; ")})` : line
  })
}

/** "Total: 254,92 €": everything the shopper pays, fees included. */
export function totalLine(instalments: readonly ScheduleInstalment[], currency: string, locale?: LocaleInput): string {
  const total = instalments.reduce((sum, instalment) => sum + instalmentTotal(instalment), 0)
  return t(locale, "schedule.total", { amount: formatMoney(total, currency, locale) })
}

/**
 * Amount of credit in cents (docs/business-rules.md §1): for `pNx` plans, the instalments after the
 * first (the first is a payment on account); for `dNN` plans, the whole amount. Customer fees are a
 * cost of the credit, not part of it.
 */
export function creditAmount(code: PlanCode, instalments: readonly ScheduleInstalment[]): number {
  const financed = code.startsWith("p") ? byNumber(instalments).slice(1) : instalments
  return financed.reduce((sum, instalment) => sum + instalment.amount, 0)
}

/** Everything a storefront shows to present one plan at checkout, in the shopper's language. */
export interface PlanPresentation {
  readonly code: PlanCode
  readonly locale: Locale
  /** "Pay in 3 instalments" */
  readonly label: string
  readonly description: string
  /** Deferred start only: nothing is charged today, the first payment is charged at (or after) shipment/delivery. */
  readonly deferredNote?: string
  /** One line per instalment (see `scheduleLines`). */
  readonly lines: string[]
  /** "Total: …" */
  readonly total: string
  /** "Interest-free" */
  readonly interestFree: string
  /** "Amount of credit: …" */
  readonly credit: string
  /** pNx plans charged at checkout: why the first instalment is not part of the credit. */
  readonly creditNote?: string
  /** The responsible-lending warning (mandatory in French). Always present. */
  readonly warning: string
  /** Label of the never-pre-ticked consent checkbox. */
  readonly consent: string
  /** Acceptance button and its answer. */
  readonly button: string
  readonly answer: string
}

/**
 * The checkout text of a plan. In French `warning` carries the sentence required by
 * art. L312-5 Code de la consommation (and the CCD2 sentence from 20 Nov 2026); storefronts must
 * display it with the plan.
 */
export function presentPlan(
  code: PlanCode,
  instalments: readonly ScheduleInstalment[],
  currency: string,
  locale: LocaleInput | undefined,
  options: { today: string; deferredStart?: DeferredStartTrigger },
): PlanPresentation {
  const lang = toLocale(locale)
  const trigger = triggerOf(options.deferredStart)
  const { button, answer } = acceptance(code, lang, trigger)
  const days = code.startsWith("d") ? Number(code.slice(1)) : 0
  const deferredNote = !trigger
    ? undefined
    : days > 0
      ? t(lang, trigger === "shipment" ? "plan.deferredLater.onShipment" : "plan.deferredLater.onDelivery", { days })
      : t(lang, trigger === "shipment" ? "plan.deferred.onShipment" : "plan.deferred.onDelivery")
  const creditNote = code.startsWith("p") && !trigger ? t(lang, "schedule.creditNote") : undefined
  return {
    code,
    locale: lang,
    label: planLabel(code, lang),
    // With a deferred start nothing is charged at checkout: the usual description ("a first
    // instalment today...") would be wrong, so the deferred note takes its place.
    description: deferredNote ? `${deferredNote} ${t(lang, "schedule.interestFree")}.` : planDescription(code, lang),
    ...(deferredNote ? { deferredNote } : {}),
    lines: scheduleLines(instalments, currency, lang, options.today),
    total: totalLine(instalments, currency, lang),
    interestFree: t(lang, "schedule.interestFree"),
    credit: t(lang, "schedule.credit", { amount: formatMoney(creditAmount(code, instalments), currency, lang) }),
    ...(creditNote ? { creditNote } : {}),
    warning: creditWarning(lang, options.today),
    consent: t(lang, "accept.consent"),
    button,
    answer,
  }
}

// ---- E-mails -------------------------------------------------------------------------------

/** Parameters of the e-mails: amounts and dates already formatted (see `formatMoney`, `formatDate`). */
export interface EmailParams {
  readonly orderNumber?: string | number
  readonly amount?: string
  readonly date?: string
  readonly link?: string
}

/** Subject, greeting, body, call to action and closing of an e-mail, as plain text. */
export function emailTexts(
  kind: EmailKind,
  locale?: LocaleInput,
  params: EmailParams = {},
): { subject: string; greeting: string; body: string; cta: string; closing: string } {
  const values: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(params)) if (value !== undefined) values[name] = value
  return {
    subject: t(locale, `email.${kind}.subject`, values),
    greeting: t(locale, "email.greeting"),
    body: t(locale, `email.${kind}.body`, values),
    cta: t(locale, "email.viewPlan"),
    closing: t(locale, "email.closing"),
  }
}
