/**
 * 3-D Secure with the shopper there (checkout): the adapter answers `requires_action` with the
 * intent's client_secret, nothing moves until the shopper authenticates (the fake's `authenticate`,
 * Stripe.js's part), and the same key then reads the same intent's outcome: one payment, never two.
 */
import { type StripeSetup, eur, newKey, startStripeSetup, value } from "./__tests__/support"

let setup: StripeSetup & { close: () => Promise<void> }
beforeAll(async () => void (setup = await startStripeSetup()))
afterAll(() => setup.close())

async function cardRefOf(token: string) {
  return value(await setup.processor.describeCard(token, { idempotencyKey: newKey("describe") })).cardRef
}

const succeededCharges = (intentId: string) => [...setup.fake.state.charges.values()].filter((c) => c.payment_intent === intentId && c.status === "succeeded")

describe("Stripe processor: 3-D Secure with the shopper there", () => {
  it("answers requires_action with the client_secret; once authenticated, the same key answers the one payment", async () => {
    const { processor, fake } = setup
    const request = { cardRef: await cardRefOf("pm_card_authenticationRequired"), amount: eur(8498), idempotencyKey: newKey("checkout"), description: "1/3", offSession: false, shopperCanAuthenticate: true }
    const waiting = value(await processor.charge(request))
    expect(waiting).toEqual({ status: "requires_action", chargeId: expect.stringMatching(/^pi_/), action: { type: "authenticate", intent: "payment", clientSecret: expect.any(String) } })
    if (waiting.status !== "requires_action") throw new Error("unreachable")
    expect(waiting.action.clientSecret).toBe(fake.state.paymentIntents.get(waiting.chargeId)!.client_secret)
    expect(succeededCharges(waiting.chargeId)).toHaveLength(0)
    // Asked again before the shopper acted: still waiting, the same intent.
    expect(value(await processor.charge(request))).toEqual(waiting)
    expect(value(await processor.findChargeByIdempotencyKey(request.idempotencyKey))).toMatchObject({ status: "requires_action", chargeId: waiting.chargeId, requestedAmount: eur(8498) })

    fake.authenticate(waiting.chargeId)
    const paid = value(await processor.charge(request))
    expect(paid).toEqual({ status: "succeeded", chargeId: waiting.chargeId, amount: eur(8498) })
    expect(value(await processor.charge(request))).toEqual(paid)
    expect(succeededCharges(waiting.chargeId)).toHaveLength(1)
    expect([...fake.state.paymentIntents.values()].filter((pi) => pi.metadata.idempotency_key === request.idempotencyKey)).toHaveLength(1)
  })

  it("a failed authentication is a failed charge (authentication_failed), and the payment is cancelled so that nothing can confirm it later", async () => {
    const { processor, fake } = setup
    const request = { cardRef: await cardRefOf("pm_card_authenticationRequired"), amount: eur(5000), idempotencyKey: newKey("checkout"), description: "1/3", offSession: false, shopperCanAuthenticate: true }
    const waiting = value(await processor.charge(request))
    fake.authenticate(waiting.chargeId, "fail")
    const failed = value(await processor.charge(request))
    expect(failed).toMatchObject({ status: "failed", chargeId: waiting.chargeId, code: "authentication_failed" })
    expect(fake.state.paymentIntents.get(waiting.chargeId)).toMatchObject({ status: "canceled" })
    expect(value(await processor.charge(request))).toEqual(failed)
    expect(value(await processor.getCharge(waiting.chargeId))).toMatchObject({ status: "failed", code: "authentication_failed" })
    expect(succeededCharges(waiting.chargeId)).toHaveLength(0)
  })

  it("a card declined once authenticated is a failed charge with the issuer's reason", async () => {
    const { processor, fake } = setup
    const request = { cardRef: await cardRefOf("pm_card_authenticationRequiredChargeDeclinedInsufficientFunds"), amount: eur(700), idempotencyKey: newKey("checkout"), description: "", offSession: false, shopperCanAuthenticate: true }
    const waiting = value(await processor.charge(request))
    fake.authenticate(waiting.chargeId)
    expect(value(await processor.charge(request))).toMatchObject({ status: "failed", chargeId: waiting.chargeId, code: "insufficient_funds" })
    expect(fake.state.paymentIntents.get(waiting.chargeId)).toMatchObject({ status: "canceled" })
  })

  it("without shopperCanAuthenticate nothing waits: the payment fails authentication_required and is cancelled (unchanged)", async () => {
    const { processor, fake } = setup
    const charged = value(await processor.charge({ cardRef: await cardRefOf("pm_card_authenticationRequired"), amount: eur(900), idempotencyKey: newKey("page"), description: "", offSession: false }))
    expect(charged).toMatchObject({ status: "failed", code: "authentication_required" })
    expect(fake.state.paymentIntents.get(charged.chargeId)).toMatchObject({ status: "canceled", cancellation_reason: "abandoned" })
  })

  it("a card verification (SetupIntent) waits for the shopper the same way; the same key reads it again", async () => {
    const { processor, fake } = setup
    const cardRef = await cardRefOf("pm_card_authenticationRequiredOnSetup")
    const request = { cardRef, idempotencyKey: newKey("verify"), shopperCanAuthenticate: true }
    const waiting = value(await processor.verifyCard(request))
    expect(waiting).toEqual({ status: "requires_action", verificationId: expect.stringMatching(/^seti_/), action: { type: "authenticate", intent: "setup", clientSecret: expect.any(String) } })
    expect(value(await processor.verifyCard(request))).toEqual(waiting)
    fake.authenticate(waiting.verificationId)
    expect(value(await processor.verifyCard(request))).toEqual({ status: "succeeded", verificationId: waiting.verificationId })
    // Authenticated once: the card now charges off-session.
    expect(value(await processor.charge({ cardRef, amount: eur(1000), idempotencyKey: newKey("later"), description: "", offSession: true }))).toMatchObject({ status: "succeeded" })

    const failing = { cardRef: await cardRefOf("pm_card_authenticationRequired"), idempotencyKey: newKey("verify"), shopperCanAuthenticate: true }
    const pending = value(await processor.verifyCard(failing))
    fake.authenticate(pending.verificationId, "fail")
    expect(value(await processor.verifyCard(failing))).toMatchObject({ status: "failed", verificationId: pending.verificationId, code: "authentication_failed" })
    expect(fake.state.setupIntents.get(pending.verificationId)).toMatchObject({ status: "requires_payment_method" })
  })

  it("gives up a payment: one still waiting, or whose challenge failed, is cancelled; a paid one is answered as it is", async () => {
    const { processor, fake } = setup
    const request = (key: string) => ({ cardRef: "", amount: eur(300), idempotencyKey: newKey(key), description: "", offSession: false, shopperCanAuthenticate: true })
    const cardRef = await cardRefOf("pm_card_authenticationRequired")
    const waiting = value(await processor.charge({ ...request("wait"), cardRef }))
    const given = value(await processor.abandonCharge(waiting.chargeId))
    expect(given).toMatchObject({ status: "failed", chargeId: waiting.chargeId, code: "authentication_required" })
    expect(fake.state.paymentIntents.get(waiting.chargeId)).toMatchObject({ status: "canceled", cancellation_reason: "abandoned" })
    expect(value(await processor.abandonCharge(waiting.chargeId))).toEqual(given)

    const failing = value(await processor.charge({ ...request("fail"), cardRef }))
    fake.authenticate(failing.chargeId, "fail")
    expect(value(await processor.abandonCharge(failing.chargeId))).toMatchObject({ status: "failed", code: "authentication_failed" })
    expect(fake.state.paymentIntents.get(failing.chargeId)).toMatchObject({ status: "canceled" })

    const paid = value(await processor.charge({ ...request("paid"), cardRef }))
    fake.authenticate(paid.chargeId)
    expect(value(await processor.abandonCharge(paid.chargeId))).toEqual({ status: "succeeded", chargeId: paid.chargeId, amount: eur(300) })
    expect(succeededCharges(paid.chargeId)).toHaveLength(1)
  })
})
