/**
 * The card facts the eligibility rules need, read from a Stripe PaymentMethod's `card`.
 *
 * Stripe does not tell everything the rules ask:
 * - whether the card is virtual: Stripe has no such field. The adapter reports `virtual: false`,
 *   so the `card_virtual` rule never refuses a Stripe card (README, "Stripe").
 * - systematic authorisation (Maestro, Visa Electron): Stripe reports such cards under the brand
 *   of their scheme (`mastercard`, `visa`) without saying so; the adapter reports `false`.
 * Anything Stripe leaves unknown (funding "unknown", no country) is passed on as unknown, and the
 * rules treat it as they treat any unknown fact.
 */
import type Stripe from "stripe"
import type { CardFunding, CardNetwork } from "../../domain/codes"
import type { CardFacts } from "../port"

/** Stripe's network names (`card.brand`, `card.networks.available`) to the plugin's. */
const NETWORKS: Record<string, CardNetwork> = {
  visa: "visa",
  mastercard: "mastercard",
  amex: "amex",
  cartes_bancaires: "cb",
}

const BRAND_NAMES: Record<string, string> = {
  visa: "Visa",
  mastercard: "Mastercard",
  amex: "American Express",
  cartes_bancaires: "Carte Bancaire",
}

const FUNDINGS: readonly string[] = ["credit", "debit", "prepaid"]

export function cardFactsOf(card: Stripe.PaymentMethod.Card): CardFacts {
  const available = card.networks?.available ?? []
  const networks = orderedNetworks([card.brand, ...available])
  const network = networks[0] ?? "other"
  return {
    network,
    networks: networks.length > 0 ? networks : ["other"],
    brand: BRAND_NAMES[network === "cb" ? "cartes_bancaires" : card.brand] ?? card.display_brand ?? card.brand,
    funding: (FUNDINGS.includes(card.funding) ? card.funding : "unknown") as CardFunding,
    virtual: false,
    systematicAuthorisation: false,
    issuerCountry: (card.country ?? "").toLowerCase(),
    expMonth: card.exp_month,
    expYear: card.exp_year,
    last4: card.last4,
    // Stripe's own: the same for every PaymentMethod of one card number, in one Stripe account.
    ...(card.fingerprint ? { fingerprint: card.fingerprint } : {}),
  }
}

/**
 * The plugin's networks, the domestic scheme first: a card co-badged Cartes Bancaires + Visa is
 * checked as `cb`, as the sandbox reports it (port.ts, `CardFacts.network`).
 */
function orderedNetworks(stripeNames: string[]): CardNetwork[] {
  const mapped = stripeNames.map((name) => NETWORKS[name] ?? "other")
  const unique = [...new Set(mapped)]
  return unique.sort((a, b) => Number(b === "cb") - Number(a === "cb"))
}
