import { CARD_FUNDINGS, CARD_NETWORKS, ELIGIBILITY_REASON_CODES } from "../../domain/codes"
import { TEST_CARDS, findTestCard, testCardsMarkdown } from "./test-cards"

const TOKENS = [
  "tok_visa",
  "tok_mastercard",
  "tok_amex",
  "tok_cb",
  "tok_prepaid",
  "tok_virtual",
  "tok_maestro",
  "tok_non_eu",
  "tok_expires_soon",
  "tok_declined",
  "tok_insufficient_later",
  "tok_credit_refused",
]

describe("TEST_CARDS", () => {
  it("documents every sandbox token once", () => {
    expect(TEST_CARDS.map((c) => c.token)).toEqual(TOKENS)
    expect(new Set(TEST_CARDS.map((c) => c.last4)).size).toBe(TEST_CARDS.length)
  })

  it("uses the plugin's vocabulary", () => {
    for (const card of TEST_CARDS) {
      expect(CARD_NETWORKS).toContain(card.network)
      expect(card.networks[0]).toBe(card.network)
      for (const n of card.networks) expect(CARD_NETWORKS).toContain(n)
      expect(CARD_FUNDINGS).toContain(card.funding)
      expect(card.issuerCountry).toMatch(/^[a-z]{2}$/)
      expect(card.last4).toMatch(/^\d{4}$/)
      expect(card.expiresInMonths).toBeGreaterThanOrEqual(1)
      if (card.expectedRefusal !== null) expect(ELIGIBILITY_REASON_CODES).toContain(card.expectedRefusal)
      expect(card.description.length).toBeGreaterThan(0)
      expect(card.outcome.length).toBeGreaterThan(0)
    }
  })

  it("finds cards by token", () => {
    expect(findTestCard("tok_cb")?.networks).toEqual(["cb", "visa"])
    expect(findTestCard("tok_nope")).toBeUndefined()
  })

  it("renders a Markdown table with every token", () => {
    const md = testCardsMarkdown()
    expect(md.split("\n")).toHaveLength(TEST_CARDS.length + 2)
    for (const token of TOKENS) expect(md).toContain(`\`${token}\``)
  })

  it("cannot be changed at run time", () => {
    expect(Object.isFrozen(TEST_CARDS)).toBe(true)
    for (const card of TEST_CARDS) {
      expect(Object.isFrozen(card)).toBe(true)
      expect(Object.isFrozen(card.networks)).toBe(true)
      expect(Object.isFrozen(card.behaviour)).toBe(true)
    }
  })
})
