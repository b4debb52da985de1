import { cardChangeRefusals, lastDueDate } from "./card-change"
import { defaultEngineConfig } from "./config"
import type { CardFacts } from "./eligibility"
import { money } from "./money"

const config = defaultEngineConfig()

const card = (facts: Partial<CardFacts>): CardFacts => ({
  network: "visa",
  funding: "debit",
  virtual: false,
  systematicAuthorisation: false,
  issuerCountry: "fr",
  expMonth: 12,
  expYear: 2030,
  last4: "5556",
  brand: "Visa",
  ...facts,
})

describe("a new card for a running plan", () => {
  const plan = { code: "p3x" as const, total: money(25490, "eur"), lastDueDate: "2027-03-31" }

  it("passes the checkout's card rules, and only those", () => {
    expect(cardChangeRefusals(config, plan, card({}))).toEqual([])
    // An order rule that changed since checkout (bounds) does not refuse a card change.
    const narrower = { ...config, plans: { ...config.plans, p3x: { ...config.plans.p3x, max: 10000 } } }
    expect(cardChangeRefusals(narrower, plan, card({}))).toEqual([])
  })

  it("refuses prepaid, virtual, non-EU and soon-expiring cards with the checkout's codes", () => {
    expect(cardChangeRefusals(config, plan, card({ funding: "prepaid" }))).toEqual(["card_prepaid"])
    expect(cardChangeRefusals({ ...config, cards: { ...config.cards, allowPrepaid: true } }, plan, card({ funding: "prepaid" }))).toEqual([])
    expect(cardChangeRefusals(config, plan, card({ virtual: true, issuerCountry: "us" }))).toEqual(["card_virtual", "card_issuer_country"])
    // The last due date is 31 March: valid through March is not enough, through April (30 April) is.
    expect(cardChangeRefusals(config, plan, card({ expMonth: 3, expYear: 2027 }))).toEqual(["card_expires_too_soon"])
    expect(cardChangeRefusals(config, plan, card({ expMonth: 4, expYear: 2027 }))).toEqual([])
  })

  it("measures the expiry from the last instalment still counted", () => {
    expect(lastDueDate([{ due_date: "2027-02-28", status: "paid" }, { due_date: "2027-04-30", status: "cancelled" }, { due_date: "2027-03-31", status: "scheduled" }])).toBe("2027-03-31")
    expect(lastDueDate([])).toBeUndefined()
  })
})
