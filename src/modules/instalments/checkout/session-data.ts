/**
 * The data of an instalments checkout, without the database: what the storefront must send, what
 * the payment session holds (public), and what the module keeps of the shopper (private).
 *
 * The storefront starts a payment session with `data: { plan, card_token, phone, locale }`; the
 * plugin's middleware adds the cart's country, e-mail and id (never trusted from the storefront).
 */
import { z } from "@medusajs/framework/zod"
import { PLAN_CODES, type PlanCode } from "../../../domain/codes"
import type { CardSummary, ShopperAction } from "../../../processors"
import type { scheduleView } from "../quotes"

/** The keys a storefront sends (the others of `CheckoutRequestSchema` are the server's). */
export const CHECKOUT_REQUEST_KEYS = ["plan", "card_token", "phone", "locale"] as const

/**
 * What the storefront sends in `data` when it starts an instalments payment session, and what the
 * plugin's middleware adds from the cart. Strict: an unknown key is refused (a misbuilt storefront
 * could otherwise leave anything in the session Medusa stores and shows).
 */
export const CheckoutRequestSchema = z.strictObject(
  {
    plan: z.enum(PLAN_CODES, {
      error: (issue) =>
        issue.input === undefined
          ? `data.plan is required: one of ${PLAN_CODES.join(", ")}`
          : `data.plan ${describeInput(issue.input)} is not a plan: use one of ${PLAN_CODES.join(", ")}`,
    }),
    card_token: z
      .string({ error: "data.card_token is required, as text: the token your card form returned (sandbox: tok_visa, ...)" })
      .min(1, "data.card_token is empty: pass the token your card form returned")
      .max(255, "data.card_token is too long: a card token has at most 255 characters"),
    phone: z
      .string({ error: "data.phone is required, as text: the shopper's mobile number, e.g. +33 6 12 34 56 78" })
      .max(40, "data.phone is too long: write the shopper's mobile number in international form, e.g. +33 6 12 34 56 78"),
    locale: z
      .string({ error: 'data.locale must be text: a language tag such as "fr" or "de-DE"' })
      .max(35, 'data.locale is too long: send a language tag such as "fr" or "de-DE"')
      .optional(),
    /** Set by the plugin's middleware from the cart (shipping, else billing address). */
    country_code: z.string().max(2).optional(),
    email: z.string().max(320).optional(),
    cart_id: z.string().max(200).optional(),
    customer_id: z.string().max(200).optional(),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `${issue.keys.map((key) => `data.${key.slice(0, 100)}`).join(", ")}: not part of an instalments payment session. Send only ${CHECKOUT_REQUEST_KEYS.join(", ")}`
        : issue.code === "invalid_type" && issue.path?.length === 0
          ? `data must be an object: { ${CHECKOUT_REQUEST_KEYS.join(", ")} }`
          : undefined,
  },
)
export type CheckoutRequest = z.infer<typeof CheckoutRequestSchema>

/** A caller's value in a message: short text quoted, anything else by its type (never its content). */
export function describeInput(input: unknown): string {
  if (typeof input === "string") return input.length <= 20 ? JSON.stringify(input) : "(a text)"
  if (Array.isArray(input)) return "(a list)"
  return input === null ? "(null)" : `(a ${typeof input})`
}

/** A mobile number in international form (the rule is the domain's: it also links plans by phone). */
export { normalisePhone } from "../../../domain/shopper-identity"

/** The card as the storefront may show it: no reference to charge it with. */
export interface CardSummaryData {
  brand: string
  network: string
  last4: string
  funding: string
  exp_month: number
  exp_year: number
  country: string
}

/**
 * The payment session's data: what the storefront shows (plan, schedule, a card summary) and the
 * ids authorisation needs. Medusa shows it to anyone holding the cart id: nothing private in it.
 */
export interface PublicCheckoutData {
  [key: string]: unknown
  session_id: string
  plan: PlanCode
  locale: string
  country_code: string
  currency_code: string
  amount_cents: number
  quoted_on: string
  card: CardSummaryData
  /** What to show the shopper: the schedule in their language. Amounts in major units. */
  schedule: ReturnType<typeof scheduleView>
  terms_version: string
}

/**
 * A checkout as the module sees it: everything authorisation needs. Only its public part is the
 * payment session's data; the shopper's phone, e-mail, customer, cart and the card's reference
 * are kept in the module (`instalment_session_shopper`).
 */
export interface CheckoutSessionData extends PublicCheckoutData {
  phone: string
  email?: string
  cart_id?: string
  /** The cart's customer (a guest's too). */
  customer_id?: string
  /** The customer logged in when the session started: the plan's owner. */
  owner_customer_id?: string
  card: PrivateCard
}

/** The card as the module keeps it: the summary, the reference the plan charges and the processor's fingerprint (linked plans). */
export type PrivateCard = CardSummaryData & { reference: string; fingerprint?: string | null }

/** What the module keeps of a session, server-side (see models/session-shopper.ts). */
export interface SessionShopper {
  id: string
  provider: "instalments" | "alma"
  cart_id: string | null
  customer_id: string | null
  owner_customer_id: string | null
  email: string | null
  phone: string | null
  card_reference: string | null
  card_fingerprint?: string | null
  addresses?: Record<string, unknown> | null
}

/** The payment session's data for a checkout: the public part only. */
export function publicCheckoutData(data: CheckoutSessionData): PublicCheckoutData {
  const { reference: _reference, fingerprint: _fingerprint, ...card } = data.card
  return {
    session_id: data.session_id,
    plan: data.plan,
    locale: data.locale,
    country_code: data.country_code,
    currency_code: data.currency_code,
    amount_cents: data.amount_cents,
    quoted_on: data.quoted_on,
    card,
    schedule: data.schedule,
    terms_version: data.terms_version,
  }
}

/** The shopper's private facts of a checkout, as the module keeps them. */
export function sessionShopperOf(data: CheckoutSessionData): SessionShopper {
  return {
    id: data.session_id,
    provider: "instalments",
    cart_id: data.cart_id ?? null,
    customer_id: data.customer_id ?? null,
    owner_customer_id: data.owner_customer_id ?? null,
    email: data.email ?? null,
    phone: data.phone,
    card_reference: data.card.reference,
    card_fingerprint: data.card.fingerprint ?? null,
  }
}

/** The whole checkout again, from the session's public data and what the module kept. */
export function withShopper(data: PublicCheckoutData, shopper: SessionShopper): CheckoutSessionData {
  return {
    ...data,
    phone: shopper.phone ?? "",
    email: shopper.email ?? undefined,
    cart_id: shopper.cart_id ?? undefined,
    customer_id: shopper.customer_id ?? undefined,
    owner_customer_id: shopper.owner_customer_id ?? undefined,
    card: { ...data.card, reference: shopper.card_reference ?? "", fingerprint: shopper.card_fingerprint ?? null },
  }
}

/** A payment's data once authorised: the plan's id and what refunds need (the plan holds the rest). */
export type AuthorizedPaymentData = Pick<CheckoutSessionData, "session_id" | "plan" | "locale" | "currency_code" | "amount_cents"> & {
  plan_id: string
}

/** The card as the payment session shows it, with the reference the plan charges. */
export function cardSummaryData(card: CardSummary): CheckoutSessionData["card"] {
  return {
    reference: card.cardRef,
    fingerprint: card.fingerprint ?? null,
    brand: card.brand,
    network: card.network,
    last4: card.last4,
    funding: card.funding,
    exp_month: card.expMonth,
    exp_year: card.expYear,
    country: card.issuerCountry,
  }
}

/**
 * What the storefront needs when the card's issuer wants the shopper to authenticate (3-D Secure)
 * before the cart can be completed: hand `client_secret` to Stripe.js
 * (`stripe.handleNextAction({ clientSecret })`), then complete the cart again. The client_secret is
 * meant for the shopper's browser (it lets it finish this one payment or card setup, nothing else).
 */
export interface ShopperActionData {
  type: "authenticate"
  client_secret: string
  /** "payment": the first instalment waits; "setup": the card's verification (d15/d30, deferred start). */
  intent: "payment" | "setup"
}

/** The session's public data while it waits for the shopper to authenticate: what it showed, and `shopper_action`. */
export function awaitingShopperData(data: PublicCheckoutData, action: ShopperAction): PublicCheckoutData & { shopper_action: ShopperActionData } {
  return {
    ...publicCheckoutData(data as CheckoutSessionData),
    shopper_action: { type: action.type, client_secret: action.clientSecret, intent: action.intent },
  }
}
