/** The checkout's card rules: the card as the engine sees it, and eligibility once the card is known. */
import type { EngineConfig } from "../../../domain/config"
import { checkEligibility, type CardFacts } from "../../../domain/eligibility"
import type { Quote } from "../../../domain/quote"
import type { CardSummary } from "../../../processors"

/** The card as the engine sees it. */
export function engineCard(card: CardSummary): CardFacts {
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
    creditExemption: quote.creditExemption,
  })
}
