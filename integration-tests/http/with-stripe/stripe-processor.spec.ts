/**
 * Stripe as the card processor, end to end on a real Medusa app and Postgres. Stripe itself is the
 * stateful fake (test-support/fake-stripe) on loopback, which the official SDK calls; the store is
 * configured with processor "stripe" (medusa-config.ts, STRIPE_* variables set by with-stripe.spec.ts, shareFakeStripe).
 *
 * The office chair costs 249.00 € + 5.90 € shipping = 254.90 €; in 3: 84.98 € at checkout
 * (31 January 2027), 84.96 € on 28 February and 84.96 € on 31 March.
 */
import { planSuite, schedule } from "../../helpers/plans"
import { SHOPPER, cartWith, cents, medusaOrder, startSession } from "../../helpers/shop"
import { useFakeStripe, WITH_STRIPE } from "../../helpers/stripe"

jest.setTimeout(240_000)

const CHECKOUT_DAY = new Date("2027-01-31T10:00:00Z")

planSuite(CHECKOUT_DAY, (h, { api }) => {
  const stripe = useFakeStripe()
  const intentsOf = (customer: string) => [...stripe.fake.state.paymentIntents.values()].filter((pi) => pi.customer === customer)

  /** POSTs a body to the webhook route as Stripe would; answers the response, errors included. */
  const deliver = (payload: string, signature?: string) =>
    api
      .post("/hooks/instalments/stripe", payload, { headers: { "content-type": "application/json", ...(signature ? { "stripe-signature": signature } : {}) } })
      .catch((e) => e.response)

  /** The admin's view of a plan, without its self-service link (signed afresh on every read). */
  const planState = async (id: string) => {
    const { self_service_url: _link, ...plan } = await h.getPlan(id)
    return plan
  }

  /** A p3x order paid with pm_card_fr: the plan and the Stripe customer of its card. */
  async function stripeOrder() {
    const { plan } = await h.placeOrder("office-chair", "p3x", "pm_card_fr")
    const row = await h.instalments().loadPlan(plan.id, { withInstalments: false })
    return { plan, customer: row!.card_reference!.split("/")[0] }
  }

  it("checks out in 3 with a Stripe card and collects the second instalment off-session on its due date", async () => {
    // Stripe's pm_card_visa is issued in the US: refused by the default issuer-country rule.
    const cartId = await cartWith(api, h.shop, "office-chair")
    const refused = await startSession(api, h.shop, cartId, { ...SHOPPER, plan: "p3x", card_token: "pm_card_visa" }).catch((e) => e.response)
    expect(refused.status).toBe(400)
    expect(refused.data.message).toContain("card_issuer_country")

    const { plan, customer } = await stripeOrder()
    expect(plan.processor).toBe("stripe")
    expect(schedule(plan)).toEqual([
      [1, "2027-01-31", 84.98, "paid"],
      [2, "2027-02-28", 84.96, "scheduled"],
      [3, "2027-03-31", 84.96, "scheduled"],
    ])
    const [first] = intentsOf(customer)
    expect(first).toMatchObject({ amount: 8498, currency: "eur", status: "succeeded", setup_future_usage: "off_session", metadata: { off_session: "false" } })
    expect(first.metadata.idempotency_key).toEqual(expect.any(String))

    const clock = await h.advance(28)
    expect(h.activity(clock)).toEqual([["2027-02-28", { charged: 84.96, declined: 0, serious_delays: 0, unfrozen: 0 }]])
    const intents = intentsOf(customer)
    expect(intents).toHaveLength(2)
    expect(intents[1]).toMatchObject({ amount: 8496, status: "succeeded", setup_future_usage: null, metadata: { off_session: "true" } })
    expect(schedule(await h.getPlan(plan.id))[1]).toEqual([2, "2027-02-28", 84.96, "paid"])
  })

  it("refunds a cancelled order across both Stripe charges: 84.98 + 84.96 back to the card", async () => {
    const { plan, customer } = await stripeOrder()
    await h.advance(28)
    const intents = intentsOf(customer)
    expect(intents.map((pi) => [pi.amount, pi.status])).toEqual([[8498, "succeeded"], [8496, "succeeded"]])

    await api.post(`/admin/orders/${plan.order_id}/cancel`, {}, { headers: h.adminHeaders })
    const after = await h.getPlan(plan.id)
    expect(after).toMatchObject({ status: "cancelled", refunded_total: 169.94, outstanding_total: 0 })
    const refunds = [...stripe.fake.state.refunds.values()].filter((r) => intents.some((pi) => pi.id === r.payment_intent))
    expect(refunds.map((r) => [r.payment_intent, r.amount, r.status]).sort()).toEqual([[intents[0].id, 8498, "succeeded"], [intents[1].id, 8496, "succeeded"]].sort())
    for (const pi of intents) expect(stripe.fake.state.charges.get(pi.latest_charge!)).toMatchObject({ refunded: true })
  })

  it("refunds a partial return across both Stripe charges: 200.00 € returned, 84.96 € unpaid cancelled, 115.04 € back", async () => {
    const { plan, customer } = await stripeOrder()
    await h.advance(28)
    const intents = intentsOf(customer)
    expect(intents.map((pi) => pi.amount)).toEqual([8498, 8496])

    // The merchant refunds the returned goods in Medusa (its payment's refund), as after a return.
    const order = await medusaOrder(api, h.shop, plan.order_id)
    await api.post(`/admin/payments/${order.payment_collections[0].payments[0].id}/refund`, { amount: 200 }, { headers: h.adminHeaders })
    const after = await h.getPlan(plan.id)
    expect(after.instalments.map((i: any) => [i.number, i.status])).toEqual([[1, expect.stringMatching(/paid|refunded/)], [2, expect.stringMatching(/paid|refunded/)], [3, "cancelled"]])
    expect(cents(after.refunded_total)).toBe(11504)

    // Stripe's side: two refunds, one on each charge, none above its charge, 115.04 € in all.
    const refunds = [...stripe.fake.state.refunds.values()].filter((r) => intents.some((pi) => pi.id === r.payment_intent))
    expect(refunds).toHaveLength(2)
    expect(new Set(refunds.map((r) => r.payment_intent)).size).toBe(2)
    for (const r of refunds) expect(r.amount).toBeLessThanOrEqual(intents.find((pi) => pi.id === r.payment_intent)!.amount)
    expect(refunds.reduce((sum, r) => sum + r.amount, 0)).toBe(11504)
    const refundedAtStripe = intents.reduce((sum, pi) => sum + stripe.fake.state.charges.get(pi.latest_charge!)!.amount_refunded, 0)
    expect(refundedAtStripe).toBe(11504)
  })

  it("flags the plan once when a charge is disputed; a redelivered event changes nothing; payment events are only confirmed", async () => {
    const { plan, customer } = await stripeOrder()
    const [intent] = intentsOf(customer)
    stripe.fake.openDispute(intent.latest_charge!)
    const event = stripe.fake.state.eventsOf("charge.dispute.created").at(-1)!
    const signed = stripe.fake.signedWebhook(event, WITH_STRIPE.webhookSecret)

    const first = await deliver(signed.payload, signed.signature)
    expect(first.status).toBe(200)
    expect(first.data).toMatchObject({ handled: "dispute_recorded", plan_id: plan.id })
    const again = await deliver(signed.payload, signed.signature)
    expect(again.data).toMatchObject({ handled: "already_recorded", plan_id: plan.id })
    const disputes = (await h.getPlan(plan.id)).events.filter((e: any) => e.type === "stripe.dispute_opened")
    expect(disputes).toHaveLength(1)
    expect(disputes[0]).toMatchObject({ actor: "system", data: { disputeId: first.data.dispute, paymentIntentId: intent.id, amount: 8498, currency: "eur", reason: "fraudulent" } })

    const succeeded = stripe.fake.state.eventsOf("payment_intent.succeeded").find((e) => (e.data.object as { id: string }).id === intent.id)!
    const confirmed = stripe.fake.signedWebhook(succeeded, WITH_STRIPE.webhookSecret)
    const before = await planState(plan.id)
    expect((await deliver(confirmed.payload, confirmed.signature)).data).toMatchObject({ handled: "confirmed", payment_intent: intent.id, status: "succeeded" })
    expect(await planState(plan.id)).toEqual(before)
  })

  it("refuses a forged, unsigned, tampered or stale webhook with a 400, and changes nothing", async () => {
    const { plan, customer } = await stripeOrder()
    const [intent] = intentsOf(customer)
    stripe.fake.openDispute(intent.latest_charge!)
    const event = stripe.fake.state.eventsOf("charge.dispute.created").at(-1)!
    const before = await planState(plan.id)

    const forged = stripe.fake.signedWebhook(event, "whsec_someone_else")
    const answers = [
      await deliver(forged.payload, forged.signature),
      await deliver(forged.payload),
      await deliver(forged.payload.replace(intent.id, "pi_other"), stripe.fake.signedWebhook(event, WITH_STRIPE.webhookSecret).signature),
      await deliver(...(({ payload, signature }) => [payload, signature] as const)(stripe.fake.signedWebhook(event, WITH_STRIPE.webhookSecret, Math.floor(Date.now() / 1000) - 600))),
    ]
    expect(answers.map((a) => [a.status, a.data.type])).toEqual([
      [400, "invalid_signature"],
      [400, "invalid_signature"],
      [400, "invalid_signature"],
      [400, "invalid_signature"],
    ])
    expect(answers[1].data.message).toContain("Stripe-Signature is missing")
    expect(answers[3].data.message).toContain("too old")
    expect(await planState(plan.id)).toEqual(before)
  })
})
