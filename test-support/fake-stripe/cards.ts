/**
 * The test PaymentMethods the fake Stripe knows: the "magic" ids of Stripe's testing page
 * (docs.stripe.com/testing), each with the card facts Stripe reports for it and how the fake's
 * issuer answers. Using a magic id where Stripe takes a PaymentMethod (retrieve, attach, an
 * intent's `payment_method`) creates a new `pm_…`, as Stripe does.
 *
 * Facts and behaviours are taken from Stripe's documentation, not from Stripe's test mode; the
 * README lists what was not checked against it.
 */

import { createHash } from "node:crypto"

/** How the fake issuer treats a card. */
export type IssuerBehaviour = {
  /** Attaching to a Customer: Stripe validates the card then; the decline cards fail there. */
  attach: "succeeds" | Decline
  /** A payment or a setup without a prior authentication. */
  authentication: "never" | "always" | "once"
  /** Once authenticated (or needing none), what a charge does. */
  charge: "succeeds" | Decline
  /** What a SetupIntent does once authenticated (or needing none). */
  setup: "succeeds" | Decline
}

export type Decline = { code: "card_declined" | "expired_card" | "authentication_required"; declineCode: string; message: string }

export type FakeTestCard = {
  magicId: string
  brand: "visa" | "mastercard" | "amex"
  /** `card.networks.available` */
  networks: string[]
  funding: "credit" | "debit" | "prepaid"
  country: string
  last4: string
  issuer: IssuerBehaviour
  description: string
}

const generic: Decline = { code: "card_declined", declineCode: "generic_decline", message: "Your card was declined." }
const insufficient: Decline = { code: "card_declined", declineCode: "insufficient_funds", message: "Your card has insufficient funds." }
const expired: Decline = { code: "expired_card", declineCode: "expired_card", message: "Your card has expired." }

const OK: IssuerBehaviour = { attach: "succeeds", authentication: "never", charge: "succeeds", setup: "succeeds" }

function card(magicId: string, facts: Omit<FakeTestCard, "magicId" | "issuer" | "networks"> & { networks?: string[]; issuer?: Partial<IssuerBehaviour> }): FakeTestCard {
  return { magicId, ...facts, networks: facts.networks ?? [facts.brand], issuer: { ...OK, ...facts.issuer } }
}

export const FAKE_TEST_CARDS: readonly FakeTestCard[] = [
  card("pm_card_visa", { brand: "visa", funding: "credit", country: "US", last4: "4242", description: "Visa credit (4242 4242 4242 4242), issued in the US" }),
  card("pm_card_us", { brand: "visa", funding: "credit", country: "US", last4: "4242", description: "Visa issued in the US (non-EU)" }),
  card("pm_card_fr", { brand: "visa", funding: "credit", country: "FR", last4: "0003", description: "Visa issued in France" }),
  card("pm_card_de", { brand: "visa", funding: "credit", country: "DE", last4: "0016", description: "Visa issued in Germany" }),
  card("pm_card_visa_debit", { brand: "visa", funding: "debit", country: "US", last4: "5556", description: "Visa debit, issued in the US" }),
  card("pm_card_mastercard", { brand: "mastercard", funding: "credit", country: "US", last4: "4444", description: "Mastercard credit, issued in the US" }),
  card("pm_card_mastercard_prepaid", { brand: "mastercard", funding: "prepaid", country: "US", last4: "5100", description: "Mastercard prepaid" }),
  card("pm_card_amex", { brand: "amex", funding: "credit", country: "US", last4: "8431", description: "American Express" }),
  card("pm_card_cartesBancaires", {
    brand: "visa", networks: ["cartes_bancaires", "visa"], funding: "debit", country: "FR", last4: "1001",
    description: "Cartes Bancaires co-badged with Visa, issued in France",
  }),
  card("pm_card_authenticationRequired", {
    brand: "visa", funding: "credit", country: "DE", last4: "3184", issuer: { authentication: "always" },
    description: "Requires 3-D Secure on every payment and setup; off-session payments fail authentication_required",
  }),
  card("pm_card_authenticationRequiredOnSetup", {
    brand: "visa", funding: "credit", country: "FR", last4: "3155", issuer: { authentication: "once" },
    description: "Requires 3-D Secure once (on-session payment saving the card, or a SetupIntent); then charges off-session",
  }),
  card("pm_card_authenticationRequiredChargeDeclinedInsufficientFunds", {
    brand: "visa", funding: "credit", country: "IE", last4: "3178", issuer: { authentication: "always", charge: insufficient },
    description: "Requires 3-D Secure; once authenticated, declined for insufficient funds",
  }),
  card("pm_card_chargeCustomerFail", {
    brand: "visa", funding: "credit", country: "US", last4: "0341", issuer: { charge: generic, setup: generic },
    description: "Attaches to a Customer, then every payment and setup is declined (generic_decline)",
  }),
  card("pm_card_chargeDeclined", {
    brand: "visa", funding: "credit", country: "US", last4: "0002", issuer: { attach: generic, charge: generic, setup: generic },
    description: "Declined (generic_decline), also when attached to a Customer",
  }),
  card("pm_card_chargeDeclinedInsufficientFunds", {
    brand: "visa", funding: "credit", country: "US", last4: "9995", issuer: { attach: insufficient, charge: insufficient, setup: insufficient },
    description: "Declined for insufficient funds, also when attached to a Customer",
  }),
  card("pm_card_chargeDeclinedExpiredCard", {
    brand: "visa", funding: "credit", country: "US", last4: "0069", issuer: { attach: expired, charge: expired, setup: expired },
    description: "Declined expired_card, also when attached to a Customer",
  }),
]

export function findFakeTestCard(magicId: string): FakeTestCard | undefined {
  return FAKE_TEST_CARDS.find((c) => c.magicId === magicId)
}

/**
 * `card.fingerprint`: Stripe gives every PaymentMethod of one card number the same fingerprint
 * (in one account). The fake's cards are told apart by brand, country and last four digits, so
 * `pm_card_visa` and `pm_card_us` (both 4242 4242 4242 4242) share one.
 */
export function fingerprintOf(card: FakeTestCard): string {
  return createHash("sha256").update(`${card.brand}:${card.country}:${card.last4}`).digest("base64").replace(/[^A-Za-z0-9]/g, "").slice(0, 16)
}
