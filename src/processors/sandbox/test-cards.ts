/**
 * The sandbox processor's test cards: give one of these tokens as the storefront's card token.
 * Each card's facts come from the table; its reference (`cardRef`) is new for every registration.
 * `expectedRefusal` is what the plugin's eligibility rules answer with their default settings
 * (docs/business-rules.md §3); the sandbox itself only reports the facts.
 */
import type { EligibilityReasonCode } from "../../domain/codes"
import type { CardFacts } from "../port"

/** How the sandbox treats operations on a card. */
export type SandboxCardBehaviour = {
  /** Zero-amount verification. */
  verification: "succeeds" | "declined"
  /** "insufficient_after_first": the first successful charge goes through, every later one fails. */
  charges: "succeed" | "declined" | "insufficient_after_first"
  credit: "approved" | "refused"
}

export type TestCard = Omit<CardFacts, "expMonth" | "expYear"> & {
  token: string
  /** One line for the README. */
  description: string
  /** Expiry = this many months after the sandbox clock's current month, at registration. */
  expiresInMonths: number
  behaviour: SandboxCardBehaviour
  /** What eligibility refuses it for with the default settings; null when it is accepted. */
  expectedRefusal: EligibilityReasonCode | null
  /** Expected outcome, for the README. */
  outcome: string
}

const OK: SandboxCardBehaviour = Object.freeze({ verification: "succeeds", charges: "succeed", credit: "approved" })
const YEARS_4 = 48

function card(token: string, fields: Omit<TestCard, "token" | "networks" | "expiresInMonths" | "behaviour" | "virtual" | "systematicAuthorisation"> & Partial<TestCard>): TestCard {
  const full: TestCard = {
    token,
    networks: [fields.network],
    expiresInMonths: YEARS_4,
    behaviour: OK,
    virtual: false,
    systematicAuthorisation: false,
    ...fields,
  }
  return Object.freeze({ ...full, networks: Object.freeze([...full.networks]), behaviour: Object.freeze({ ...full.behaviour }) })
}

export const TEST_CARDS: readonly TestCard[] = Object.freeze([
  card("tok_visa", {
    description: "Visa debit issued in France",
    network: "visa", brand: "Visa", funding: "debit", issuerCountry: "fr", last4: "5556",
    expectedRefusal: null, outcome: "accepted; every verification and charge succeeds",
  }),
  card("tok_mastercard", {
    description: "Mastercard credit issued in Germany",
    network: "mastercard", brand: "Mastercard", funding: "credit", issuerCountry: "de", last4: "4444",
    expectedRefusal: null, outcome: "accepted; every verification and charge succeeds",
  }),
  card("tok_amex", {
    description: "American Express issued in Italy",
    network: "amex", brand: "American Express", funding: "credit", issuerCountry: "it", last4: "0005",
    expectedRefusal: null, outcome: "accepted; every verification and charge succeeds",
  }),
  card("tok_cb", {
    description: "Carte Bancaire co-badged with Visa, issued in France",
    network: "cb", networks: ["cb", "visa"], brand: "Carte Bancaire", funding: "debit", issuerCountry: "fr", last4: "1001",
    expectedRefusal: null, outcome: "accepted; every verification and charge succeeds",
  }),
  card("tok_prepaid", {
    description: "Mastercard prepaid issued in France",
    network: "mastercard", brand: "Mastercard", funding: "prepaid", issuerCountry: "fr", last4: "5100",
    expectedRefusal: "card_prepaid", outcome: "reported funding \"prepaid\": refused card_prepaid (charges would succeed)",
  }),
  card("tok_virtual", {
    description: "Visa virtual card issued in France",
    network: "visa", brand: "Visa", funding: "debit", virtual: true, issuerCountry: "fr", last4: "1117",
    expectedRefusal: "card_virtual", outcome: "reported virtual: refused card_virtual (charges would succeed)",
  }),
  card("tok_maestro", {
    description: "Maestro (systematic authorisation) issued in Belgium",
    network: "maestro", brand: "Maestro", funding: "debit", systematicAuthorisation: true, issuerCountry: "be", last4: "0008",
    expectedRefusal: "card_systematic_authorisation",
    outcome: "reported network maestro with systematic authorisation: refused card_systematic_authorisation (Maestro is also not an accepted network)",
  }),
  card("tok_non_eu", {
    description: "Visa credit issued in the United States",
    network: "visa", brand: "Visa", funding: "credit", issuerCountry: "us", last4: "4242",
    expectedRefusal: "card_issuer_country", outcome: "issuer country \"us\": refused card_issuer_country (charges would succeed)",
  }),
  card("tok_expires_soon", {
    description: "Visa debit issued in France, expiring at the end of next month (sandbox clock)",
    network: "visa", brand: "Visa", funding: "debit", issuerCountry: "fr", last4: "1881", expiresInMonths: 1,
    expectedRefusal: "card_expires_too_soon",
    outcome: "expires at the end of the month after the sandbox clock's month: refused card_expires_too_soon by every plan whose last due date + 1 month is later; charges after expiry fail expired_card",
  }),
  card("tok_declined", {
    description: "Visa debit issued in France whose issuer declines everything",
    network: "visa", brand: "Visa", funding: "debit", issuerCountry: "fr", last4: "0002",
    behaviour: { verification: "declined", charges: "declined", credit: "approved" },
    expectedRefusal: null, outcome: "eligible, but the verification and every charge are declined (card_declined)",
  }),
  card("tok_insufficient_later", {
    description: "Visa debit issued in France that runs out of money after the first charge",
    network: "visa", brand: "Visa", funding: "debit", issuerCountry: "fr", last4: "9995",
    behaviour: { verification: "succeeds", charges: "insufficient_after_first", credit: "approved" },
    expectedRefusal: null, outcome: "the first charge succeeds, every later charge on that card fails insufficient_funds (dunning)",
  }),
  card("tok_credit_refused", {
    description: "Visa debit issued in France whose holder the credit decision refuses",
    network: "visa", brand: "Visa", funding: "debit", issuerCountry: "fr", last4: "3220",
    behaviour: { verification: "succeeds", charges: "succeed", credit: "refused" },
    expectedRefusal: "credit_refused", outcome: "the credit decision is refused (credit_refused); charges would succeed",
  }),
])

export function findTestCard(token: string): TestCard | undefined {
  return TEST_CARDS.find((c) => c.token === token)
}

/** The test-card table as Markdown, for the README. */
export function testCardsMarkdown(): string {
  const rows = TEST_CARDS.map(
    (c) =>
      `| \`${c.token}\` | ${c.brand} | ${c.networks.join(" + ")} | ${c.funding} | ${c.issuerCountry} | ${c.last4} | ${c.virtual ? "yes" : "no"} | ${c.systematicAuthorisation ? "yes" : "no"} | ${c.expiresInMonths === 1 ? "end of next month" : `in ${c.expiresInMonths / 12} years`} | ${c.outcome} |`
  )
  return [
    "| token | brand | network | funding | country | last4 | virtual | systematic auth. | expires | outcome |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n")
}
