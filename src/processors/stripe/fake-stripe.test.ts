/**
 * The fake Stripe (test-support/fake-stripe) driven through the official SDK: the documented
 * behaviours the adapter's tests rely on (test cards, intents, 3-D Secure, refunds, idempotency,
 * signed webhooks, errors).
 */
import Stripe from "stripe"
import { type FakeStripe, startFakeStripe } from "../../../test-support/fake-stripe"

const KEY = "sk_test_fake_unit"
let fake: FakeStripe
let stripe: Stripe

beforeAll(async () => {
  fake = await startFakeStripe({ apiKey: KEY })
  stripe = new Stripe(KEY, fake.clientOptions)
})
afterAll(() => fake.close())

async function customerWith(magicId: string) {
  const customer = await stripe.customers.create({ email: "ada@example.com" })
  const pm = await stripe.paymentMethods.attach(magicId, { customer: customer.id })
  return { customer: customer.id, pm: pm.id }
}

async function thrown(call: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await call
  } catch (error) {
    return error as Stripe.errors.StripeError
  }
  throw new Error("expected the call to fail")
}

describe("fake Stripe: customers and PaymentMethods", () => {
  it("makes a new pm_… from a magic test id, with Stripe's card facts", async () => {
    const a = await stripe.paymentMethods.retrieve("pm_card_cartesBancaires")
    const b = await stripe.paymentMethods.retrieve("pm_card_cartesBancaires")
    expect(a.id).toMatch(/^pm_[A-Za-z0-9]{24}$/)
    expect(b.id).not.toBe(a.id)
    expect(a.card).toMatchObject({ brand: "visa", funding: "debit", country: "FR", last4: "1001", networks: { available: ["cartes_bancaires", "visa"] } })
    expect(a.card!.exp_year).toBeGreaterThan(new Date().getUTCFullYear())
    expect((await thrown(stripe.paymentMethods.retrieve("pm_nope"))).code).toBe("resource_missing")
  })

  it("attaches to one customer only; the decline cards fail when attached, chargeCustomerFail attaches", async () => {
    const { customer, pm } = await customerWith("pm_card_visa")
    expect((await stripe.paymentMethods.retrieve(pm)).customer).toBe(customer)
    const other = await stripe.customers.create({})
    expect((await thrown(stripe.paymentMethods.attach(pm, { customer: other.id }))).type).toBe("StripeInvalidRequestError")
    const declined = await thrown(stripe.paymentMethods.attach("pm_card_chargeDeclinedInsufficientFunds", { customer }))
    expect(declined).toMatchObject({ type: "StripeCardError", code: "card_declined", decline_code: "insufficient_funds" })
    expect((await stripe.paymentMethods.attach("pm_card_chargeCustomerFail", { customer })).customer).toBe(customer)
  })

  it("lists customers by e-mail, newest first", async () => {
    const email = "list-customers@example.com"
    const first = await stripe.customers.create({ email })
    const second = await stripe.customers.create({ email })
    expect((await stripe.customers.list({ email, limit: 1 })).data.map((c) => c.id)).toEqual([second.id])
    expect((await stripe.customers.list({ email })).data.map((c) => c.id)).toEqual([second.id, first.id])
  })
})

describe("fake Stripe: PaymentIntents", () => {
  it("charges on-session saving the card, then off-session", async () => {
    const customer = (await stripe.customers.create({})).id
    const first = await stripe.paymentIntents.create({ amount: 3400, currency: "eur", customer, payment_method: "pm_card_visa", confirm: true, setup_future_usage: "off_session", metadata: { plan: "p1" } })
    expect(first).toMatchObject({ status: "succeeded", amount_received: 3400, latest_charge: expect.stringMatching(/^ch_/), metadata: { plan: "p1" } })
    const pm = first.payment_method as string
    expect((await stripe.paymentMethods.retrieve(pm)).customer).toBe(customer)
    const later = await stripe.paymentIntents.create({ amount: 3300, currency: "eur", customer, payment_method: pm, confirm: true, off_session: true }, { idempotencyKey: "later-1" })
    expect(later.status).toBe("succeeded")
    const withCharge = await stripe.paymentIntents.retrieve(later.id, { expand: ["latest_charge"] })
    expect(withCharge.latest_charge).toMatchObject({ object: "charge", amount: 3300, amount_refunded: 0, status: "succeeded" })
  })

  it("asks for 3-D Secure on-session and fails authentication_required off-session (authenticationRequired)", async () => {
    const { customer, pm } = await customerWith("pm_card_authenticationRequired")
    const onSession = await stripe.paymentIntents.create({ amount: 1000, currency: "eur", customer, payment_method: pm, confirm: true })
    expect(onSession).toMatchObject({ status: "requires_action", next_action: { type: "use_stripe_sdk" } })
    fake.authenticate(onSession.id, "succeed")
    expect((await stripe.paymentIntents.retrieve(onSession.id)).status).toBe("succeeded")
    expect((await thrown(stripe.paymentIntents.cancel(onSession.id))).code).toBe("payment_intent_unexpected_state")
    const abandoned = await stripe.paymentIntents.create({ amount: 1000, currency: "eur", customer, payment_method: pm, confirm: true })
    expect(await stripe.paymentIntents.cancel(abandoned.id, { cancellation_reason: "abandoned" })).toMatchObject({ status: "canceled", cancellation_reason: "abandoned" })
    const failedAuth = await stripe.paymentIntents.create({ amount: 1000, currency: "eur", customer, payment_method: pm, confirm: true })
    fake.authenticate(failedAuth.id, "fail")
    expect(await stripe.paymentIntents.retrieve(failedAuth.id)).toMatchObject({ status: "requires_payment_method", last_payment_error: { code: "payment_intent_authentication_failure" } })

    const offSession = await thrown(stripe.paymentIntents.create({ amount: 1000, currency: "eur", customer, payment_method: pm, confirm: true, off_session: true }))
    expect(offSession).toMatchObject({ type: "StripeCardError", code: "authentication_required", decline_code: "authentication_required" })
    expect(offSession.payment_intent).toMatchObject({ status: "requires_payment_method", last_payment_error: { code: "authentication_required" } })
  })

  it("authenticates once on setup, then charges off-session (authenticationRequiredOnSetup)", async () => {
    const { customer, pm } = await customerWith("pm_card_authenticationRequiredOnSetup")
    const before = await thrown(stripe.paymentIntents.create({ amount: 500, currency: "eur", customer, payment_method: pm, confirm: true, off_session: true }))
    expect(before.code).toBe("authentication_required")
    const setup = await stripe.setupIntents.create({ customer, payment_method: pm, confirm: true, usage: "off_session" })
    expect(setup.status).toBe("requires_action")
    fake.authenticate(setup.id)
    expect((await stripe.setupIntents.retrieve(setup.id)).status).toBe("succeeded")
    const after = await stripe.paymentIntents.create({ amount: 500, currency: "eur", customer, payment_method: pm, confirm: true, off_session: true })
    expect(after.status).toBe("succeeded")
  })

  it("declines with a 402 carrying the intent and a failed charge (chargeCustomerFail)", async () => {
    const { customer, pm } = await customerWith("pm_card_chargeCustomerFail")
    const declined = await thrown(stripe.paymentIntents.create({ amount: 700, currency: "eur", customer, payment_method: pm, confirm: true, off_session: true }))
    expect(declined).toMatchObject({ type: "StripeCardError", statusCode: 402, code: "card_declined", decline_code: "generic_decline" })
    const intent = declined.payment_intent!
    expect(intent.status).toBe("requires_payment_method")
    expect(fake.state.charges.get(intent.latest_charge as string)).toMatchObject({ status: "failed", failure_code: "card_declined" })
    const setup = await thrown(stripe.setupIntents.create({ customer, payment_method: pm, confirm: true, usage: "off_session" }))
    expect(setup).toMatchObject({ code: "card_declined", setup_intent: { status: "requires_payment_method" } })
  })

  it("finds intents by metadata with the Search API", async () => {
    const { customer, pm } = await customerWith("pm_card_fr")
    const key = "plan_42:inst_2:attempt_1"
    const made = await stripe.paymentIntents.create({ amount: 900, currency: "eur", customer, payment_method: pm, confirm: true, off_session: true, metadata: { idempotency_key: key } })
    const found = await stripe.paymentIntents.search({ query: `metadata['idempotency_key']:'${key}'` })
    expect(found.data.map((pi) => pi.id)).toEqual([made.id])
    expect((await stripe.paymentIntents.search({ query: "metadata['idempotency_key']:'none'" })).data).toEqual([])
  })
})

describe("fake Stripe: refunds", () => {
  async function paid(amount: number) {
    const { customer, pm } = await customerWith("pm_card_de")
    return stripe.paymentIntents.create({ amount, currency: "eur", customer, payment_method: pm, confirm: true, off_session: true })
  }

  it("refunds in parts, never more than the charge", async () => {
    const intent = await paid(10000)
    const first = await stripe.refunds.create({ payment_intent: intent.id, amount: 3000, metadata: { reason: "return" } })
    expect(first).toMatchObject({ object: "refund", amount: 3000, status: "succeeded", charge: intent.latest_charge, payment_intent: intent.id })
    const tooMuch = await thrown(stripe.refunds.create({ payment_intent: intent.id, amount: 7001 }))
    expect(tooMuch).toMatchObject({ type: "StripeInvalidRequestError", param: "amount" })
    await stripe.refunds.create({ charge: intent.latest_charge as string, amount: 7000 })
    expect(await stripe.charges.retrieve(intent.latest_charge as string)).toMatchObject({ amount_refunded: 10000, refunded: true })
    expect((await thrown(stripe.refunds.create({ payment_intent: intent.id, amount: 1 }))).code).toBe("charge_already_refunded")
    expect((await stripe.refunds.list({ payment_intent: intent.id })).data.map((r) => r.amount)).toEqual([7000, 3000])
  })

  it("refuses a refund on an intent that did not succeed", async () => {
    const { customer, pm } = await customerWith("pm_card_chargeCustomerFail")
    const declined = await thrown(stripe.paymentIntents.create({ amount: 700, currency: "eur", customer, payment_method: pm, confirm: true, off_session: true }))
    expect((await thrown(stripe.refunds.create({ payment_intent: declined.payment_intent!.id, amount: 100 }))).type).toBe("StripeInvalidRequestError")
  })
})

describe("fake Stripe: idempotency keys, as Stripe documents them", () => {
  it("replays the same answer for the same key and parameters; refuses other parameters", async () => {
    const { customer, pm } = await customerWith("pm_card_fr")
    const params = { amount: 1200, currency: "eur", customer, payment_method: pm, confirm: true, off_session: true }
    const before = fake.state.paymentIntents.size
    const a = await stripe.paymentIntents.create(params, { idempotencyKey: "idem-1" })
    const b = await stripe.paymentIntents.create(params, { idempotencyKey: "idem-1" })
    expect(b.id).toBe(a.id)
    expect(b.lastResponse.headers["idempotent-replayed"]).toBe("true")
    expect(fake.state.paymentIntents.size).toBe(before + 1)
    const other = await thrown(stripe.paymentIntents.create({ ...params, amount: 1300 }, { idempotencyKey: "idem-1" }))
    expect(other.type).toBe("StripeIdempotencyError")
    expect(other.statusCode).toBe(400)
  })

  it("replays a decline (402) too, and does not keep a request refused before it ran", async () => {
    const { customer, pm } = await customerWith("pm_card_chargeCustomerFail")
    const params = { amount: 100, currency: "eur", customer, payment_method: pm, confirm: true, off_session: true }
    const a = await thrown(stripe.paymentIntents.create(params, { idempotencyKey: "idem-402" }))
    const b = await thrown(stripe.paymentIntents.create(params, { idempotencyKey: "idem-402" }))
    expect(b.payment_intent!.id).toBe(a.payment_intent!.id)
    const invalid = await thrown(stripe.paymentIntents.create({ ...params, currency: "EURO" }, { idempotencyKey: "idem-400" }))
    expect(invalid.statusCode).toBe(400)
    // The key was not kept: the corrected request runs (and is declined, as this card is).
    expect(await thrown(stripe.paymentIntents.create(params, { idempotencyKey: "idem-400" }))).toMatchObject({ statusCode: 402, code: "card_declined" })
  })
})

describe("fake Stripe: keys, faults and webhooks", () => {
  it("refuses a wrong secret key", async () => {
    const wrong = new Stripe("sk_test_wrong", fake.clientOptions)
    expect((await thrown(wrong.customers.create({}))).type).toBe("StripeAuthenticationError")
  })

  it("fails the next requests on demand: server error, rate limit, lost connection", async () => {
    fake.failNext("server_error", "rate_limited")
    expect((await thrown(stripe.customers.create({}))).type).toBe("StripeAPIError")
    expect((await thrown(stripe.customers.create({}))).type).toBe("StripeRateLimitError")
    // The SDK retries a closed connection once even without retries, with the same idempotency key.
    const seen = fake.requests.length
    fake.failNext("disconnect", "disconnect")
    expect((await thrown(stripe.customers.create({}, { idempotencyKey: "lost" })))).toMatchObject({ type: "StripeConnectionError" })
    expect(fake.requests.slice(seen).map((r) => r.idempotencyKey)).toEqual(["lost", "lost"])
    expect((await stripe.customers.create({})).object).toBe("customer")
  })

  it("records events and signs them as Stripe does: constructEvent accepts them, and nothing else", async () => {
    const { customer, pm } = await customerWith("pm_card_fr")
    const intent = await stripe.paymentIntents.create({ amount: 900, currency: "eur", customer, payment_method: pm, confirm: true, off_session: true })
    const dispute = fake.openDispute(intent.latest_charge as string)
    const event = fake.state.eventsOf("charge.dispute.created").at(-1)!
    expect(event.data.object).toMatchObject({ id: dispute.id, charge: intent.latest_charge, payment_intent: intent.id, amount: 900 })
    expect((await stripe.events.retrieve(event.id)).type).toBe("charge.dispute.created")
    const secret = "whsec_fake_unit"
    const { payload, signature } = fake.signedWebhook(event, secret)
    expect(stripe.webhooks.constructEvent(payload, signature, secret).id).toBe(event.id)
    expect(() => stripe.webhooks.constructEvent(payload, signature, "whsec_other")).toThrow(Stripe.errors.StripeSignatureVerificationError)
    const old = fake.signedWebhook(event, secret, Math.floor(Date.now() / 1000) - 3600)
    expect(() => stripe.webhooks.constructEvent(old.payload, old.signature, secret)).toThrow(/Timestamp outside the tolerance zone/)
    expect(fake.state.eventsOf("payment_intent.succeeded").some((e) => (e.data.object as { id: string }).id === intent.id)).toBe(true)
  })
})
