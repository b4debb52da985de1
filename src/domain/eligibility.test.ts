import { defaultEngineConfig, type EngineConfig } from "./config"
import { checkEligibility, type CardFacts, type EligibilityInput } from "./eligibility"
import { money } from "./money"

const eur = (cents: number) => money(cents, "eur")
const config = defaultEngineConfig()

const goodCard: CardFacts = {
  network: "visa",
  funding: "credit",
  virtual: false,
  systematicAuthorisation: false,
  issuerCountry: "FR",
  expMonth: 12,
  expYear: 2030,
  last4: "4242",
}

function check(overrides: Partial<EligibilityInput> = {}) {
  return checkEligibility({ config, plan: "p3x", amount: eur(25490), country: "fr", ...overrides })
}

describe("checkEligibility without a card", () => {
  it("accepts an offered plan within bounds in a supported country", () => {
    expect(check()).toEqual({ eligible: true })
    expect(check({ country: "BE" })).toEqual({ eligible: true })
  })

  it("takes the bounds inclusively: 50.00 ok, 49.99 refused, 4,000.00 ok, 4,000.01 refused", () => {
    expect(check({ amount: eur(5000) })).toEqual({ eligible: true })
    expect(check({ amount: eur(4999) })).toEqual({ eligible: false, reasons: ["amount_below_minimum"] })
    expect(check({ amount: eur(400000) })).toEqual({ eligible: true })
    expect(check({ amount: eur(400001) })).toEqual({ eligible: false, reasons: ["amount_above_maximum"] })
  })

  it("refuses an amount too small to split into non-zero cents, whatever the configured minimum", () => {
    const cfg: EngineConfig = { ...config, plans: { ...config.plans, p4x: { ...config.plans.p4x, min: 1 } } }
    expect(checkEligibility({ config: cfg, plan: "p4x", amount: eur(3), country: "fr" })).toEqual({ eligible: false, reasons: ["amount_below_minimum"] })
    expect(checkEligibility({ config: cfg, plan: "p4x", amount: eur(4), country: "fr" })).toEqual({ eligible: true })
  })

  it("reports every reason, in the stable order", () => {
    const cfg: EngineConfig = { ...config, plans: { ...config.plans, p3x: { ...config.plans.p3x, offered: false } } }
    expect(checkEligibility({ config: cfg, plan: "p3x", amount: money(1000, "usd"), country: "us", creditDecision: "refused" })).toEqual({
      eligible: false,
      reasons: ["plan_not_offered", "currency_not_supported", "amount_below_minimum", "country_not_supported", "credit_refused"],
    })
  })
})

describe("checkEligibility with a card", () => {
  const withCard = (card: Partial<CardFacts>, extra: Partial<EligibilityInput> = {}) =>
    check({ card: { ...goodCard, ...card }, lastDueDate: "2025-03-15", ...extra })

  it("accepts Visa, Mastercard, Amex and CB cards issued in the EU", () => {
    for (const network of ["visa", "mastercard", "amex", "cb"] as const) {
      expect(withCard({ network })).toEqual({ eligible: true })
    }
    expect(withCard({ issuerCountry: "de" })).toEqual({ eligible: true })
  })

  it("accepts a co-badged CB card through its other network", () => {
    const cfg: EngineConfig = { ...config, cards: { ...config.cards, networks: ["visa", "mastercard"] } }
    expect(check({ config: cfg, card: { ...goodCard, network: "cb", coBadgedWith: "visa" }, lastDueDate: "2025-03-15" })).toEqual({ eligible: true })
    expect(check({ config: cfg, card: { ...goodCard, network: "cb" }, lastDueDate: "2025-03-15" })).toEqual({
      eligible: false,
      reasons: ["card_network_not_accepted"],
    })
  })

  it("refuses prepaid cards unless allowed", () => {
    expect(withCard({ funding: "prepaid" })).toEqual({ eligible: false, reasons: ["card_prepaid"] })
    const cfg: EngineConfig = { ...config, cards: { ...config.cards, allowPrepaid: true } }
    expect(withCard({ funding: "prepaid" }, { config: cfg })).toEqual({ eligible: true })
  })

  it("refuses virtual cards, systematic authorisation and non-EU issuers", () => {
    expect(withCard({ virtual: true })).toEqual({ eligible: false, reasons: ["card_virtual"] })
    expect(withCard({ systematicAuthorisation: true })).toEqual({ eligible: false, reasons: ["card_systematic_authorisation"] })
    expect(withCard({ network: "maestro" })).toEqual({ eligible: false, reasons: ["card_network_not_accepted", "card_systematic_authorisation"] })
    expect(withCard({ network: "visa_electron" })).toEqual({ eligible: false, reasons: ["card_network_not_accepted", "card_systematic_authorisation"] })
    expect(withCard({ issuerCountry: "us" })).toEqual({ eligible: false, reasons: ["card_issuer_country"] })
    expect(withCard({ issuerCountry: "gb" })).toEqual({ eligible: false, reasons: ["card_issuer_country"] })
  })

  it("needs the card valid through one month after the last due date", () => {
    // last due 2025-03-15 → card must be valid on 2025-04-15: expiring 04/2025 is fine (valid through 30 April)
    expect(withCard({ expMonth: 4, expYear: 2025 })).toEqual({ eligible: true })
    expect(withCard({ expMonth: 3, expYear: 2025 })).toEqual({ eligible: false, reasons: ["card_expires_too_soon"] })
    // last due 2025-01-31 → must be valid on 2025-02-28: 02/2025 ok, 01/2025 not
    expect(withCard({ expMonth: 2, expYear: 2025 }, { lastDueDate: "2025-01-31" })).toEqual({ eligible: true })
    expect(withCard({ expMonth: 1, expYear: 2025 }, { lastDueDate: "2025-01-31" })).toEqual({ eligible: false, reasons: ["card_expires_too_soon"] })
    expect(withCard({ expMonth: 13, expYear: 2030 })).toEqual({ eligible: false, reasons: ["card_expires_too_soon"] })
  })

  it("derives the last due date from today when not given", () => {
    // p3x from 2025-01-31: last due 2025-03-31 → valid on 2025-04-30 needed
    const input = { card: { ...goodCard, expMonth: 4, expYear: 2025 }, today: "2025-01-31" }
    expect(check(input)).toEqual({ eligible: true })
    expect(check({ ...input, card: { ...goodCard, expMonth: 3, expYear: 2025 } })).toEqual({ eligible: false, reasons: ["card_expires_too_soon"] })
    // d30 from 2025-01-31: due 2025-03-02 → valid on 2025-04-02 needed
    expect(check({ ...input, plan: "d30" })).toEqual({ eligible: true })
  })

  it("lists every card reason at once, with the credit decision last", () => {
    const bad: CardFacts = { ...goodCard, network: "other", funding: "prepaid", virtual: true, systematicAuthorisation: true, issuerCountry: "us", expMonth: 1, expYear: 2020 }
    expect(check({ card: bad, lastDueDate: "2025-03-15", creditDecision: "refused" })).toEqual({
      eligible: false,
      reasons: ["card_network_not_accepted", "card_prepaid", "card_virtual", "card_systematic_authorisation", "card_issuer_country", "card_expires_too_soon", "credit_refused"],
    })
    expect(check({ creditDecision: "approved" })).toEqual({ eligible: true })
  })
})

describe("checkEligibility and consumer credit (docs/business-rules.md §11)", () => {
  const unauthorised: EngineConfig = { ...config, consumerCredit: { merchantSize: "sme", authorised: false } }
  const tooLong = { exempt: false, days: 60, limitDays: 50, reasons: [{ code: "deferral_too_long", days: 60, limitDays: 50, daysOver: 10 }] } as const

  it("refuses a schedule that is not exempt when the store holds no authorisation, with the card checks too", () => {
    expect(checkEligibility({ config: unauthorised, plan: "p3x", amount: eur(25490), country: "fr", creditExemption: tooLong })).toEqual({
      eligible: false,
      reasons: ["consumer_credit_not_authorised"],
    })
    const withCard = checkEligibility({ config: unauthorised, plan: "p3x", amount: eur(25490), country: "fr", creditExemption: tooLong, card: { ...goodCard, funding: "prepaid" }, lastDueDate: "2027-03-01" })
    expect(withCard).toEqual({ eligible: false, reasons: ["card_prepaid", "consumer_credit_not_authorised"] })
  })

  it("accepts an exempt schedule, and any schedule when the store holds an authorisation", () => {
    expect(checkEligibility({ config: unauthorised, plan: "p2x", amount: eur(25490), country: "fr", creditExemption: { exempt: true, days: 31, limitDays: 50 } })).toEqual({ eligible: true })
    expect(check({ creditExemption: tooLong })).toEqual({ eligible: true })
  })
})
