import type Stripe from "stripe"
import { cardFactsOf } from "./card-facts"

const card = (fields: Partial<Stripe.PaymentMethod.Card>) =>
  ({ brand: "visa", country: "FR", exp_month: 12, exp_year: 2030, funding: "credit", last4: "4242", networks: { available: ["visa"], preferred: null }, ...fields }) as Stripe.PaymentMethod.Card

describe("Stripe card facts", () => {
  it("maps brand, funding, country and expiry; never claims a card is virtual or of systematic authorisation", () => {
    expect(cardFactsOf(card({}))).toEqual({
      network: "visa", networks: ["visa"], brand: "Visa", funding: "credit", virtual: false, systematicAuthorisation: false,
      issuerCountry: "fr", expMonth: 12, expYear: 2030, last4: "4242",
    })
    expect(cardFactsOf(card({ brand: "mastercard", funding: "prepaid", networks: { available: ["mastercard"], preferred: null } }))).toMatchObject({ network: "mastercard", funding: "prepaid", brand: "Mastercard" })
    expect(cardFactsOf(card({ brand: "amex", networks: { available: ["amex"], preferred: null } }))).toMatchObject({ network: "amex", brand: "American Express" })
  })

  it("passes on Stripe's fingerprint when Stripe gives one", () => {
    expect(cardFactsOf(card({ fingerprint: "Xt5EWLLDS7FJjR1c" })).fingerprint).toBe("Xt5EWLLDS7FJjR1c")
  })

  it("checks a card co-badged Cartes Bancaires as cb, Visa second", () => {
    expect(cardFactsOf(card({ networks: { available: ["visa", "cartes_bancaires"], preferred: null } }))).toMatchObject({ network: "cb", networks: ["cb", "visa"], brand: "Carte Bancaire" })
  })

  it("passes on what Stripe does not know as unknown", () => {
    expect(cardFactsOf(card({ brand: "unionpay", funding: "unknown", country: null, networks: null }))).toMatchObject({ network: "other", networks: ["other"], funding: "unknown", issuerCountry: "" })
  })
})
