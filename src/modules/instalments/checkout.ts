/**
 * Checkout in instalments, without the database: what the storefront must send, what the payment
 * session holds, and the refusals (with their reason code and the shopper's language).
 *
 * The storefront starts a payment session with `data: { plan, card_token, phone, locale }`; the
 * plugin's middleware adds the cart's country, e-mail and id (never trusted from the storefront).
 */
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { PLAN_CODES, type EligibilityReasonCode, type PlanCode } from "../../domain/codes"
import type { EngineConfig } from "../../domain/config"
import { checkEligibility, type CardFacts as EngineCardFacts } from "../../domain/eligibility"
import { toMajor } from "../../domain/money"
import type { Quote } from "../../domain/quote"
import {
  acceptance,
  creditWarning,
  describeReasons,
  planLabel,
  resolveLocale,
  scheduleLines,
} from "../../domain/texts"
import type { CardSummary } from "../../processors"

/** What the storefront sends in `data` when it starts an instalments payment session. */
export const CheckoutRequestSchema = z.object({
  plan: z.enum(PLAN_CODES, {
    error: (issue) =>
      issue.input === undefined
        ? `data.plan is required: one of ${PLAN_CODES.join(", ")}`
        : `data.plan "${String(issue.input)}" is not a plan: use one of ${PLAN_CODES.join(", ")}`,
  }),
  card_token: z
    .string({ error: "data.card_token is required: the token your card form returned (sandbox: tok_visa, ...)" })
    .min(1, "data.card_token is empty: pass the token your card form returned"),
  phone: z.string({ error: "data.phone is required: the shopper's mobile number, e.g. +33 6 12 34 56 78" }),
  locale: z.string().optional(),
  /** Set by the plugin's middleware from the cart (shipping, else billing address). */
  country_code: z.string().optional(),
  email: z.string().optional(),
  cart_id: z.string().optional(),
  customer_id: z.string().optional(),
})
export type CheckoutRequest = z.infer<typeof CheckoutRequestSchema>

/** A mobile number in international form once spaces, dots, dashes and brackets are removed. */
export function normalisePhone(raw: string): string | null {
  const compact = raw.replace(/[\s().-]/g, "")
  const international = compact.startsWith("00") ? `+${compact.slice(2)}` : compact
  return /^\+[1-9]\d{7,14}$/.test(international) ? international : null
}

/** The payment session's data: everything authorisation needs, and what the storefront shows. */
export interface CheckoutSessionData {
  [key: string]: unknown
  session_id: string
  plan: PlanCode
  locale: string
  country_code: string
  phone: string
  email?: string
  cart_id?: string
  customer_id?: string
  currency_code: string
  amount_cents: number
  quoted_on: string
  card: {
    reference: string
    brand: string
    network: string
    last4: string
    funding: string
    exp_month: number
    exp_year: number
    country: string
  }
  /** What to show the shopper: the schedule in their language. Amounts in major units. */
  schedule: ReturnType<typeof scheduleView>
  terms_version: string
}

/** A payment's data once authorised: the plan's id and what refunds need (the plan holds the rest). */
export type AuthorizedPaymentData = Pick<CheckoutSessionData, "session_id" | "plan" | "locale" | "currency_code" | "amount_cents"> & {
  plan_id: string
}

export function invalid(message: string): MedusaError {
  return new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

/** A refusal the storefront can act on: `<reason_code>: <message in the shopper's language>`. */
export function refusal(codes: readonly { code: string; message: string }[]): MedusaError {
  const text = codes.map((r) => `${r.code}: ${r.message}`).join(" | ")
  return new MedusaError(MedusaError.Types.NOT_ALLOWED, text, codes[0]?.code)
}

export function eligibilityRefusal(
  reasons: readonly EligibilityReasonCode[],
  config: EngineConfig,
  plan: PlanCode,
  locale: string,
): MedusaError {
  return refusal(describeReasons(reasons, locale, reasonParams(config, plan)))
}

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

/** The card as the engine sees it. */
export function engineCard(card: CardSummary): EngineCardFacts {
  return {
    network: card.network,
    coBadgedWith: card.networks.find((n) => n !== card.network),
    funding: card.funding,
    virtual: card.virtual,
    systematicAuthorisation: card.systematicAuthorisation,
    issuerCountry: card.issuerCountry,
    expMonth: card.expMonth,
    expYear: card.expYear,
    last4: card.last4,
    brand: card.brand,
  }
}

/** Eligibility with the card (and, at authorisation, the credit decision). */
export function cardEligibility(
  config: EngineConfig,
  quote: Quote,
  country: string,
  card: CardSummary,
  creditDecision?: "approved" | "refused",
) {
  const last = quote.instalments[quote.instalments.length - 1]
  return checkEligibility({
    config,
    plan: quote.plan,
    amount: quote.total,
    country,
    card: engineCard(card),
    creditDecision,
    lastDueDate: last.dueDate,
  })
}

export function cardSummaryData(card: CardSummary): CheckoutSessionData["card"] {
  return {
    reference: card.cardRef,
    brand: card.brand,
    network: card.network,
    last4: card.last4,
    funding: card.funding,
    exp_month: card.expMonth,
    exp_year: card.expYear,
    country: card.issuerCountry,
  }
}

/** The schedule as the storefront shows it, in the shopper's language; amounts in major units. */
export function scheduleView(quote: Quote, locale: string) {
  const lang = resolveLocale(locale)
  return {
    label: planLabel(quote.plan, lang),
    accept_label: acceptance(quote.plan, lang).button,
    total: toMajor(quote.total),
    customer_fee_total: toMajor(quote.customerFeeTotal),
    total_with_fees: toMajor(quote.totalWithFees),
    credit: toMajor(quote.credit),
    instalments: quote.instalments.map((i) => ({
      number: i.number,
      due_date: i.dueDate,
      amount: toMajor(i.amount),
      customer_fee: toMajor(i.customerFee),
    })),
    lines: scheduleLines(
      quote.instalments.map((i) => ({
        number: i.number,
        dueDate: i.dueDate,
        amount: i.amount.cents,
        customerFee: i.customerFee.cents,
      })),
      quote.currency,
      lang,
      quote.quotedOn,
    ),
    credit_warning: creditWarning(lang),
  }
}
