import { type StripeSetup, errorOf, eur, newKey, startStripeSetup, value } from "./__tests__/support"

let setup: StripeSetup & { close: () => Promise<void> }
beforeAll(async () => void (setup = await startStripeSetup()))
afterAll(() => setup.close())

async function cardRefOf(token: string) {
  return value(await setup.processor.describeCard(token, { idempotencyKey: newKey("describe") })).cardRef
}

describe("Stripe processor: charges", () => {
  it("takes the first instalment on-session saving the card, later ones off-session; key in Idempotency-Key and metadata", async () => {
    const { processor, fake } = setup
    const cardRef = await cardRefOf("pm_card_authenticationRequiredOnSetup")
    // Off-session before the card was ever authenticated: the issuer wants 3-D Secure.
    const early = value(await processor.charge({ cardRef, amount: eur(100), idempotencyKey: newKey("early"), description: "", offSession: true }))
    expect(early).toMatchObject({ status: "failed", code: "authentication_required", chargeId: expect.stringMatching(/^pi_/) })
    // At checkout the shopper is there and Stripe asks for 3-D Secure, which the plugin cannot offer
    // yet (Medusa's "requires more", a later part): declined, and the payment cancelled at Stripe.
    const firstKey = newKey("first")
    const refused = value(await processor.charge({ cardRef, amount: eur(8498), idempotencyKey: firstKey, description: "1/3", offSession: false }))
    expect(refused).toMatchObject({ status: "failed", code: "authentication_required" })
    expect(fake.state.paymentIntents.get(refused.chargeId)).toMatchObject({ status: "canceled", cancellation_reason: "abandoned" })
    expect(value(await processor.charge({ cardRef, amount: eur(8498), idempotencyKey: firstKey, description: "1/3", offSession: false }))).toEqual(refused)
    expect(value(await processor.getCharge(refused.chargeId))).toMatchObject({ status: "failed", code: "authentication_required" })
    // The shopper authenticates on a payment the storefront confirms with Stripe.js (here, straight through the API).
    const checkout = await setup.stripe.paymentIntents.create({ amount: 8498, currency: "eur", customer: cardRef.split("/")[0], payment_method: cardRef.split("/")[1], confirm: true, setup_future_usage: "off_session" })
    expect(checkout.status).toBe("requires_action")
    fake.authenticate(checkout.id)
    expect(value(await processor.getCharge(checkout.id))).toMatchObject({ status: "succeeded", amount: eur(8498) })
    // Saved with setup_future_usage and authenticated once: later instalments go through off-session.
    const key = newKey("plan_1:inst_2")
    const later = value(await processor.charge({ cardRef, amount: eur(8496), idempotencyKey: key, description: "2/3", offSession: true, metadata: { plan: "pl_1" } }))
    expect(later).toEqual({ status: "succeeded", chargeId: expect.stringMatching(/^pi_/), amount: eur(8496) })
    expect(fake.state.paymentIntents.get(later.chargeId)).toMatchObject({ metadata: { plan: "pl_1", idempotency_key: key, off_session: "true" }, description: "2/3" })
    expect(fake.requests.find((r) => r.method === "POST" && r.idempotencyKey === `instalments:charge:${key}`)).toBeDefined()
  })

  it("is idempotent by key: the same request charges once; another request with that key is refused", async () => {
    const { processor, fake } = setup
    const cardRef = await cardRefOf("pm_card_fr")
    const request = { cardRef, amount: eur(12345), idempotencyKey: newKey("same"), description: "1/3", offSession: false }
    const before = fake.state.charges.size
    const results = await Promise.all([processor.charge(request), processor.charge(request)])
    const a = value(results[0])
    expect(value(results[1])).toEqual(a)
    expect(value(await processor.charge(request))).toEqual(a)
    expect(fake.state.charges.size).toBe(before + 1)
    expect(errorOf(await processor.charge({ ...request, amount: eur(1) }))).toEqual({ code: "idempotency_key_reused", retryable: false })
  })

  it("maps declines: off-session authentication_required, insufficient funds after 3-D Secure, a card that attaches then declines", async () => {
    const { processor } = setup
    const charge = async (token: string) =>
      value(await processor.charge({ cardRef: await cardRefOf(token), amount: eur(500), idempotencyKey: newKey("decline"), description: "", offSession: true }))
    expect(await charge("pm_card_authenticationRequired")).toMatchObject({ status: "failed", code: "authentication_required" })
    expect(await charge("pm_card_chargeCustomerFail")).toMatchObject({ status: "failed", code: "card_declined", message: expect.any(String) })
    const cardRef = await cardRefOf("pm_card_authenticationRequiredChargeDeclinedInsufficientFunds")
    const [customer, paymentMethod] = cardRef.split("/")
    const first = await setup.stripe.paymentIntents.create({ amount: 500, currency: "eur", customer, payment_method: paymentMethod, confirm: true })
    setup.fake.authenticate(first.id)
    expect(value(await processor.getCharge(first.id))).toMatchObject({ status: "failed", code: "insufficient_funds" })
  })

  it("a declined charge is replayed as declined; a retry needs a new key", async () => {
    const { processor } = setup
    const cardRef = await cardRefOf("pm_card_chargeCustomerFail")
    const request = { cardRef, amount: eur(100), idempotencyKey: newKey("d"), description: "", offSession: true }
    const a = value(await processor.charge(request))
    expect(value(await processor.charge(request))).toEqual(a)
    expect(value(await processor.charge({ ...request, idempotencyKey: newKey("d") })).chargeId).not.toBe(a.chargeId)
  })

  it("refuses malformed requests without calling Stripe, and reports Stripe being down as retryable", async () => {
    const { processor, fake } = setup
    const cardRef = await cardRefOf("pm_card_fr")
    const seen = fake.requests.length
    const base = { cardRef, amount: eur(100), idempotencyKey: "k", description: "", offSession: true }
    expect(errorOf(await processor.charge({ ...base, idempotencyKey: "" })).code).toBe("invalid_request")
    expect(errorOf(await processor.charge({ ...base, amount: eur(10.5) })).code).toBe("invalid_amount")
    expect(errorOf(await processor.charge({ ...base, amount: { cents: 100, currency: "EUR" } })).code).toBe("invalid_currency")
    expect(errorOf(await processor.charge({ ...base, cardRef: "card_x" })).code).toBe("unknown_card")
    expect(fake.requests.length).toBe(seen)
    fake.failNext("rate_limited", "key_in_use")
    expect(errorOf(await processor.charge({ ...base, idempotencyKey: newKey("busy") }))).toEqual({ code: "processor_unavailable", retryable: true })
    // The same key still running elsewhere: retry later, the key is not "reused".
    const running = { ...base, idempotencyKey: newKey("running") }
    expect(errorOf(await processor.charge(running))).toEqual({ code: "processor_unavailable", retryable: true })
    expect(value(await processor.charge(running)).status).toBe("succeeded")
  })
})

describe("Stripe processor: reconciliation", () => {
  it("finds a charge by its idempotency key (succeeded, failed, or none), with its refunds", async () => {
    const { processor } = setup
    const cardRef = await cardRefOf("pm_card_de")
    expect(value(await processor.findChargeByIdempotencyKey(newKey("never")))).toBeNull()
    const key = newKey("plan_9:inst_2")
    const outcome = value(await processor.charge({ cardRef, amount: eur(4200), idempotencyKey: key, description: "2/4", offSession: true, metadata: { plan: "pl_9" } }))
    // ... the plugin crashes here, before writing the result ...
    const found = value(await processor.findChargeByIdempotencyKey(key))
    expect(found).toEqual({
      ...outcome, cardRef, idempotencyKey: key, requestedAmount: eur(4200), refunded: eur(0), createdAt: expect.any(Date), description: "2/4", offSession: true, metadata: { plan: "pl_9" },
    })
    await processor.refund({ chargeId: outcome.chargeId, amount: eur(200), idempotencyKey: newKey("r") })
    expect(value(await processor.findChargeByIdempotencyKey(key))?.refunded).toEqual(eur(200))

    const declinedKey = newKey("declined")
    await processor.charge({ cardRef: await cardRefOf("pm_card_chargeCustomerFail"), amount: eur(100), idempotencyKey: declinedKey, description: "", offSession: true })
    expect(value(await processor.findChargeByIdempotencyKey(declinedKey))).toMatchObject({ status: "failed", code: "card_declined", refunded: eur(0) })
  })

  it("finds a charge Stripe's search does not see yet (it lags behind writes) by listing the last hour's", async () => {
    const { processor, fake } = setup
    const key = newKey("lagging")
    const outcome = value(await processor.charge({ cardRef: await cardRefOf("pm_card_fr"), amount: eur(300), idempotencyKey: key, description: "", offSession: true }))
    fake.state.searchDelaySeconds = 120
    try {
      expect(value(await processor.findChargeByIdempotencyKey(key))?.chargeId).toBe(outcome.chargeId)
    } finally {
      fake.state.searchDelaySeconds = 0
    }
  })

  it("does not invent a charge for a call refused before it reached Stripe; unknown ids are unknown", async () => {
    const { processor } = setup
    const key = newKey("refused")
    await processor.charge({ cardRef: "card_nope", amount: eur(100), idempotencyKey: key, description: "", offSession: true })
    expect(value(await processor.findChargeByIdempotencyKey(key))).toBeNull()
    expect(errorOf(await processor.getCharge("pi_unknown")).code).toBe("unknown_charge")
    expect(errorOf(await processor.getCharge("ch_x")).code).toBe("unknown_charge")
  })
})
