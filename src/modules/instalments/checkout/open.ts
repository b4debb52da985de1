/**
 * Starting an instalments payment session, and quoting it again when the cart changes: the
 * request validated, the plan and the card checked (no money moves), the shopper's private facts
 * kept in the module. What the payment session holds is public (session-data.ts).
 */
import type { Money } from "../../../domain/money"
import { quotePlan } from "../../../domain/quote"
import { resolveLocale } from "../../../domain/texts"
import type { ModuleDeps } from "../deps"
import { eligibilityRefusal, invalid } from "../errors"
import { digestOf } from "../operations/keys"
import { scheduleView } from "../quotes"
import { cardEligibility } from "./card-eligibility"
import {
  cardSummaryData,
  CheckoutRequestSchema,
  normalisePhone,
  publicCheckoutData,
  sessionShopperOf,
  withShopper,
  type CheckoutSessionData,
  type PublicCheckoutData,
} from "./session-data"
import { keepSessionShopper, readSessionShopper } from "./session-shopper"

/**
 * Starts a session: validates the request, checks the plan and the card, keeps the shopper's
 * private facts and returns the session's public data (the schedule and a card summary to show).
 * `ownerCustomerId` is the logged-in customer's, never the cart's: the plan belongs to their account.
 */
export async function openCheckout(
  deps: ModuleDeps,
  input: { sessionId: string; amount: Money; data: unknown; ownerCustomerId?: string },
): Promise<PublicCheckoutData> {
  const parsed = CheckoutRequestSchema.safeParse(input.data ?? {})
  if (!parsed.success) {
    throw invalid(parsed.error.issues.map((i) => i.message).join("; "))
  }
  const request = parsed.data
  const locale = resolveLocale(request.locale)
  const phone = normalisePhone(request.phone)
  if (!phone) {
    throw invalid("data.phone is not a mobile number: write it in international form, e.g. +33 6 12 34 56 78")
  }
  const country = request.country_code?.toLowerCase()
  if (!country) {
    throw invalid("The cart has no address with a country: set the cart's shipping address before choosing instalments")
  }
  const config = deps.engineConfig
  const quote = quotePlan({ config, plan: request.plan, amount: input.amount, country, today: deps.today() })
  if (!quote.eligibility.eligible) {
    throw eligibilityRefusal(quote.eligibility.reasons, config, request.plan, locale)
  }
  const card = await deps.processor.describeCard(request.card_token, {
    idempotencyKey: `${input.sessionId}:card:${digestOf(request.card_token)}`,
  })
  if (!card.ok) {
    throw invalid(`data.card_token: ${card.error.message}`)
  }
  const withCard = cardEligibility(config, quote, country, card.value)
  if (!withCard.eligible) {
    throw eligibilityRefusal(withCard.reasons, config, request.plan, locale)
  }
  const checkout: CheckoutSessionData = {
    session_id: input.sessionId,
    plan: request.plan,
    locale,
    country_code: country,
    phone,
    email: request.email,
    cart_id: request.cart_id,
    customer_id: request.customer_id,
    owner_customer_id: input.ownerCustomerId,
    currency_code: input.amount.currency,
    amount_cents: input.amount.cents,
    quoted_on: quote.quotedOn,
    card: cardSummaryData(card.value),
    schedule: scheduleView(quote, locale),
    terms_version: deps.termsVersion,
  }
  await keepSessionShopper(deps.read, sessionShopperOf(checkout))
  return publicCheckoutData(checkout)
}

/** The cart's amount changed after the session started: quote again for the same plan and the same card, with the same checks. */
export async function requoteCheckout(deps: ModuleDeps, session: PublicCheckoutData, amount: Money): Promise<PublicCheckoutData> {
  const current = await checkoutOf(deps, session)
  const config = deps.engineConfig
  const locale = resolveLocale(current.locale)
  const quote = quotePlan({ config, plan: current.plan, amount, country: current.country_code, today: deps.today() })
  if (!quote.eligibility.eligible) throw eligibilityRefusal(quote.eligibility.reasons, config, current.plan, locale)
  const card = await deps.processor.getCard(current.card.reference)
  if (!card.ok) throw invalid(`The card of this payment session is unknown to the processor: ${card.error.message}`)
  const withCard = cardEligibility(config, quote, current.country_code, card.value)
  if (!withCard.eligible) throw eligibilityRefusal(withCard.reasons, config, current.plan, locale)
  return publicCheckoutData({
    ...current,
    currency_code: amount.currency,
    amount_cents: amount.cents,
    quoted_on: quote.quotedOn,
    schedule: scheduleView(quote, locale),
  })
}

/** The whole checkout: the session's public data and the shopper's facts the module kept. */
export async function checkoutOf(deps: ModuleDeps, session: PublicCheckoutData): Promise<CheckoutSessionData> {
  const shopper = await readSessionShopper(deps.read, session.session_id)
  // A session started before the module kept these facts still carries them in its data.
  if (!shopper && typeof (session as Partial<CheckoutSessionData>).card?.reference === "string") return session as CheckoutSessionData
  if (!shopper?.card_reference) {
    throw invalid(`Payment session ${session.session_id} has no instalments checkout in this store: start it again with data.plan and data.card_token`)
  }
  return withShopper(session, shopper)
}
