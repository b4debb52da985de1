import { type StripeSetup, errorOf, eur, newKey, startStripeSetup, value } from "./__tests__/support"

let setup: StripeSetup & { close: () => Promise<void> }
beforeAll(async () => void (setup = await startStripeSetup()))
afterAll(() => setup.close())

describe("Stripe processor: cards", () => {
  it("says what it can do: no credit decision, test mode from the key", () => {
    expect(setup.processor.name).toBe("stripe")
    expect(setup.processor.capabilities).toEqual({ zeroAmountVerification: true, creditDecision: "none", partialRefunds: true, currencies: "any", testMode: true })
  })

  it("describes a card from a PaymentMethod: a new Customer, the card attached, Stripe's facts", async () => {
    const { processor, fake } = setup
    const summary = value(await processor.describeCard("pm_card_cartesBancaires", { idempotencyKey: newKey("describe"), customer: { email: "ada@example.com" } }))
    expect(summary).toEqual({
      cardRef: expect.stringMatching(/^cus_[A-Za-z0-9]+\/pm_[A-Za-z0-9]+$/),
      network: "cb", networks: ["cb", "visa"], brand: "Carte Bancaire", funding: "debit", virtual: false, systematicAuthorisation: false,
      issuerCountry: "fr", expMonth: 12, expYear: expect.any(Number), last4: "1001", fingerprint: expect.stringMatching(/^[A-Za-z0-9]{16}$/),
    })
    const [customer, pm] = summary.cardRef.split("/")
    expect(fake.state.customers.get(customer)?.email).toBe("ada@example.com")
    expect(fake.state.paymentMethods.get(pm)?.customer).toBe(customer)
    expect(value(await processor.getCard(summary.cardRef))).toEqual(summary)
  })

  it("passes on Stripe's fingerprint: one per card number, whatever the PaymentMethod", async () => {
    const { processor } = setup
    const fingerprint = async (token: string) => value(await processor.describeCard(token, { idempotencyKey: newKey("describe") })).fingerprint
    const fr = await fingerprint("pm_card_fr")
    expect(await fingerprint("pm_card_fr")).toBe(fr)
    expect(await fingerprint("pm_card_de")).not.toBe(fr)
    expect(await fingerprint("pm_card_us")).toBe(await fingerprint("pm_card_visa"))
  })

  it("reports the facts eligibility refuses: prepaid, non-EU", async () => {
    const { processor } = setup
    expect(value(await processor.describeCard("pm_card_mastercard_prepaid"))).toMatchObject({ network: "mastercard", funding: "prepaid" })
    expect(value(await processor.describeCard("pm_card_us"))).toMatchObject({ network: "visa", issuerCountry: "us" })
    expect(value(await processor.describeCard("pm_card_visa"))).toMatchObject({ issuerCountry: "us", funding: "credit", last4: "4242" })
  })

  it("gives the same card for the same key, once; reuses the Customer a saved card already has", async () => {
    const { processor, fake } = setup
    const key = newKey("describe")
    const customersBefore = fake.state.customers.size
    const a = value(await processor.describeCard("pm_card_fr", { idempotencyKey: key }))
    const b = value(await processor.describeCard("pm_card_fr", { idempotencyKey: key }))
    expect(b).toEqual(a)
    expect(fake.state.customers.size).toBe(customersBefore + 1)
    const [customer, pm] = a.cardRef.split("/")
    const again = value(await processor.describeCard(pm, { idempotencyKey: newKey("describe") }))
    expect(again.cardRef).toBe(`${customer}/${pm}`)
    expect(fake.state.customers.size).toBe(customersBefore + 1)
  })

  it("refuses card numbers, other tokens and cards Stripe declines when saving them, as values", async () => {
    const { processor, fake } = setup
    const seen = fake.requests.length
    const pan = await processor.describeCard("4000 0566 5566 5556")
    expect(errorOf(pan).code).toBe("raw_card_number_rejected")
    expect(JSON.stringify(pan)).not.toContain("5566")
    expect(errorOf(await processor.describeCard("tok_visa")).code).toBe("unknown_token")
    expect(errorOf(await processor.describeCard("")).code).toBe("invalid_request")
    expect(fake.requests.length).toBe(seen) // none of these reached Stripe
    expect(errorOf(await processor.describeCard("pm_unknown123")).code).toBe("unknown_token")
    const declined = await processor.describeCard("pm_card_chargeDeclinedInsufficientFunds")
    expect(errorOf(declined).code).toBe("invalid_request")
    expect(!declined.ok && declined.error.message).toContain("insufficient_funds")
    expect(errorOf(await processor.getCard("card_x")).code).toBe("unknown_card")
    expect(errorOf(await processor.getCard("cus_none/pm_none")).code).toBe("unknown_card")
  })

  it("verifies a card with an off-session SetupIntent, idempotent by key", async () => {
    const { processor, fake } = setup
    const { cardRef } = value(await processor.describeCard("pm_card_fr"))
    const key = newKey("verify")
    const a = value(await processor.verifyCard({ cardRef, idempotencyKey: key }))
    expect(a).toEqual({ status: "succeeded", verificationId: expect.stringMatching(/^seti_/) })
    expect(value(await processor.verifyCard({ cardRef, idempotencyKey: key }))).toEqual(a)
    expect(fake.state.setupIntents.get(a.verificationId)).toMatchObject({ usage: "off_session", metadata: { idempotency_key: key } })
  })

  it("reports a verification Stripe declines, or that needs the shopper's 3-D Secure", async () => {
    const { processor } = setup
    const failing = value(await processor.describeCard("pm_card_chargeCustomerFail"))
    expect(value(await processor.verifyCard({ cardRef: failing.cardRef, idempotencyKey: newKey("verify") }))).toMatchObject({ status: "failed", code: "card_declined", verificationId: expect.stringMatching(/^seti_/) })
    const threeDs = value(await processor.describeCard("pm_card_authenticationRequiredOnSetup"))
    expect(value(await processor.verifyCard({ cardRef: threeDs.cardRef, idempotencyKey: newKey("verify") }))).toMatchObject({ status: "failed", code: "authentication_required" })
  })

  it("approves every credit decision without calling Stripe", async () => {
    const { processor, fake } = setup
    const { cardRef } = value(await processor.describeCard("pm_card_fr"))
    const seen = fake.requests.length
    expect(value(await processor.creditDecision({ cardRef, amount: eur(30000), planCode: "p3x", idempotencyKey: "cd1" }))).toEqual({ decision: "approved", reference: "no_credit_decision:cd1" })
    expect(errorOf(await processor.creditDecision({ cardRef, amount: eur(30000), planCode: "p9x" as never, idempotencyKey: "cd2" })).code).toBe("invalid_request")
    expect(fake.requests.length).toBe(seen)
  })

  it("turns Stripe being down into a retryable error", async () => {
    const { processor, fake } = setup
    fake.failNext("server_error")
    expect(errorOf(await processor.describeCard("pm_card_fr"))).toEqual({ code: "processor_unavailable", retryable: true })
  })
})
