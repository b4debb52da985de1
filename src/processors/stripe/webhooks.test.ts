import { type StripeSetup, eur, newKey, startStripeSetup, value } from "./__tests__/support"
import { createStripeWebhooks } from "./webhooks"

const SECRET = "whsec_unitWebhooks"
let setup: StripeSetup & { close: () => Promise<void> }
beforeAll(async () => void (setup = await startStripeSetup()))
afterAll(() => setup.close())

async function disputedEvent() {
  const { processor, fake } = setup
  const { cardRef } = value(await processor.describeCard("pm_card_fr"))
  const charge = value(await processor.charge({ cardRef, amount: eur(2500), idempotencyKey: newKey("c"), description: "", offSession: true }))
  const intent = fake.state.paymentIntents.get(charge.chargeId)!
  const dispute = fake.openDispute(intent.latest_charge!)
  return { intent, dispute, event: fake.state.eventsOf("charge.dispute.created").at(-1)! }
}

describe("Stripe webhooks", () => {
  it("accepts an event signed with the endpoint's secret, and nothing else", async () => {
    const webhooks = createStripeWebhooks({ client: setup.stripe, secret: SECRET })
    const { event } = await disputedEvent()
    const { payload, signature } = setup.fake.signedWebhook(event, SECRET)
    expect(webhooks.verify(payload, signature)).toMatchObject({ ok: true, event: { id: event.id, type: "charge.dispute.created" } })
    expect(webhooks.verify(Buffer.from(payload), signature)).toMatchObject({ ok: true })

    const other = setup.fake.signedWebhook(event, "whsec_other")
    expect(webhooks.verify(other.payload, other.signature)).toEqual({ ok: false, message: expect.stringContaining("does not match") })
    expect(webhooks.verify(payload.replace('"fraudulent"', '"general"'), signature)).toMatchObject({ ok: false })
    expect(webhooks.verify(payload, "garbage")).toEqual({ ok: false, message: "the Stripe-Signature header is malformed" })
    const stale = setup.fake.signedWebhook(event, SECRET, Math.floor(Date.now() / 1000) - 301)
    expect(webhooks.verify(stale.payload, stale.signature)).toEqual({ ok: false, message: expect.stringContaining("too old") })
  })

  it("reads a dispute again from Stripe: the disputed PaymentIntent is the plugin's charge", async () => {
    const webhooks = createStripeWebhooks({ client: setup.stripe, secret: SECRET })
    const { intent, dispute } = await disputedEvent()
    expect(value(await webhooks.readDispute(dispute.id))).toEqual({
      disputeId: dispute.id, chargeId: intent.latest_charge, paymentIntentId: intent.id, amount: eur(2500), reason: "fraudulent", status: "needs_response",
    })
    expect(await webhooks.readDispute("dp_unknown")).toMatchObject({ ok: false, error: { code: "invalid_request" } })
    expect(await webhooks.readDispute("x")).toMatchObject({ ok: false, error: { code: "invalid_request" } })
    setup.fake.failNext("server_error")
    expect(await webhooks.readDispute(dispute.id)).toMatchObject({ ok: false, error: { code: "processor_unavailable", retryable: true } })
  })
})
