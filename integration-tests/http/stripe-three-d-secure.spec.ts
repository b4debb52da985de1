/**
 * 3-D Secure at checkout with Stripe as the card processor, end to end on a real Medusa app and
 * Postgres; Stripe is the stateful fake (test-support/fake-stripe) on loopback. The shopper's part
 * (Stripe.js's handleNextAction in a browser) is the fake's `authenticate`.
 *
 * What the storefront sees: completing the cart does not place the order; the cart's payment
 * session has status `requires_more` and `data.shopper_action` (the intent's client_secret); once
 * the shopper authenticated, completing again places the order on the same PaymentIntent.
 *
 * The office chair: 254.90 € in 3, 84.98 € at checkout (31 January 2027), then 84.96 € twice.
 */
import { planSuite, schedule } from "../helpers/plans"
import { SHOPPER, cartPaymentSessions, cartWith, planOfOrder, privateLeaks, startSession, storedPaymentData } from "../helpers/shop"
import { useFakeStripe } from "../helpers/stripe"

const stripe = useFakeStripe({ apiKey: "sk_test_integrationThreeDs", webhookSecret: "whsec_integrationThreeDs" })

jest.setTimeout(240_000)

planSuite(new Date("2027-01-31T10:00:00Z"), (h, { api, getContainer }) => {
  const shop = () => h.shop
  const complete = (cartId: string) => api.post(`/store/carts/${cartId}/complete`, {}, { headers: h.storeHeaders }).catch((e) => e.response)
  /** The fake's PaymentIntents and SetupIntents made for a payment session (the plugin tags them with it). */
  const intentsOf = (sessionId: string) => [...stripe.fake.state.paymentIntents.values()].filter((pi) => pi.metadata.payment_session_id === sessionId)
  const succeededCharges = (intentIds: string[]) => [...stripe.fake.state.charges.values()].filter((c) => intentIds.includes(c.payment_intent) && c.status === "succeeded")

  /** A cart with the office chair and an instalments session paid with `card`: its id and the session. */
  async function cartPaidWith(card: string, plan = "p3x") {
    const cartId = await cartWith(api, shop(), "office-chair")
    const { data } = await startSession(api, shop(), cartId, { ...SHOPPER, plan, card_token: card })
    return { cartId, sessionId: data.payment_collection.payment_sessions[0].data.session_id as string }
  }

  /** Completes the cart and expects no order but a session waiting for the shopper: the session as the Store API shows it. */
  async function completeExpectingAuthentication(cartId: string) {
    const answer = await complete(cartId)
    expect(answer.data.type).not.toBe("order")
    const [session] = await cartPaymentSessions(api, shop(), cartId)
    expect(session.status).toBe("requires_more")
    return { answer, session }
  }

  it("p3x with 3-D Secure: requires more, then authenticated, then the order is placed on the same PaymentIntent, charged once", async () => {
    const { cartId, sessionId } = await cartPaidWith("pm_card_authenticationRequiredOnSetup")
    const { answer, session } = await completeExpectingAuthentication(cartId)
    // Medusa 2.21.2 answers a provider's requires_more with a 400 (its payment module refuses the
    // session before its own requires_more check); the session says what to do.
    expect([answer.status, answer.data.message]).toEqual([400, expect.stringContaining("was not authorized with the provider")])
    const [intent] = intentsOf(sessionId)
    expect(intent).toMatchObject({ status: "requires_action", amount: 8498, setup_future_usage: "off_session" })
    expect(session.data.shopper_action).toEqual({ type: "authenticate", intent: "payment", client_secret: intent.client_secret })
    expect(privateLeaks(session.data)).toEqual([])
    expect(succeededCharges([intent.id])).toHaveLength(0)

    // Completing again before the shopper authenticated changes nothing: the same intent waits.
    await completeExpectingAuthentication(cartId)
    expect(intentsOf(sessionId)).toHaveLength(1)

    stripe.fake.authenticate(intent.id)
    const placed = await complete(cartId)
    expect(placed.data.type).toBe("order")
    expect(intentsOf(sessionId)).toHaveLength(1)
    expect(succeededCharges([intent.id]).map((c) => c.amount)).toEqual([8498])
    // The client_secret was for the browser, while it had to authenticate: the payment keeps none of it.
    expect(JSON.stringify(await storedPaymentData(getContainer(), session.id))).not.toContain("secret")

    const plan = await planOfOrder(api, h.shop, placed.data.order.id)
    expect(schedule(plan)).toEqual([
      [1, "2027-01-31", 84.98, "paid"],
      [2, "2027-02-28", 84.96, "scheduled"],
      [3, "2027-03-31", 84.96, "scheduled"],
    ])
    // Authenticated once: the second instalment goes through off-session. Ledger = the fake's charges.
    await h.advance(28)
    const customer = intent.customer
    const all = [...stripe.fake.state.paymentIntents.values()].filter((pi) => pi.customer === customer)
    expect(all.map((pi) => [pi.amount, pi.status, pi.metadata.off_session])).toEqual([[8498, "succeeded", "false"], [8496, "succeeded", "true"]])
    const paid = schedule(await h.getPlan(plan.id)).filter(([, , , status]) => status === "paid")
    expect(paid.map(([, , amount]) => Math.round(Number(amount) * 100))).toEqual(succeededCharges(all.map((pi) => pi.id)).map((c) => c.amount))
  })

  it("a failed authentication places nothing, cancels the payment at Stripe, and leaves the cart payable with another card", async () => {
    const { cartId, sessionId } = await cartPaidWith("pm_card_authenticationRequired")
    await completeExpectingAuthentication(cartId)
    const [intent] = intentsOf(sessionId)
    stripe.fake.authenticate(intent.id, "fail")

    const refused = await complete(cartId)
    expect(refused.status).toBe(400)
    expect(refused.data.message).toContain("authentication_failed")
    expect(stripe.fake.state.paymentIntents.get(intent.id)).toMatchObject({ status: "canceled" })
    expect(succeededCharges([intent.id])).toHaveLength(0)
    const { data: cart } = await api.get(`/store/carts/${cartId}`, { headers: h.storeHeaders })
    expect(cart.cart.completed_at).toBeNull()

    // The shopper pays with another card: a new session, a new payment, the order placed.
    const { data } = await startSession(api, shop(), cartId, { ...SHOPPER, plan: "p3x", card_token: "pm_card_fr" })
    const second = data.payment_collection.payment_sessions[0].data.session_id as string
    const placed = await complete(cartId)
    expect(placed.data.type).toBe("order")
    const intents = [...intentsOf(sessionId), ...intentsOf(second)]
    expect(intents.map((pi) => [pi.amount, pi.status])).toEqual([[8498, "canceled"], [8498, "succeeded"]])
    expect(succeededCharges(intents.map((pi) => pi.id)).map((c) => c.amount)).toEqual([8498])
  })

  it("d30: the card's verification (a SetupIntent) asks for 3-D Secure the same way; nothing is charged", async () => {
    const { cartId, sessionId } = await cartPaidWith("pm_card_authenticationRequiredOnSetup", "d30")
    const { session } = await completeExpectingAuthentication(cartId)
    const setups = [...stripe.fake.state.setupIntents.values()].filter((si) => si.metadata?.idempotency_key === `${sessionId}:verify`)
    expect(setups.map((si) => si.status)).toEqual(["requires_action"])
    expect(session.data.shopper_action).toEqual({ type: "authenticate", intent: "setup", client_secret: setups[0].client_secret })

    stripe.fake.authenticate(setups[0].id)
    const placed = await complete(cartId)
    expect(placed.data.type).toBe("order")
    expect(setups[0].status).toBe("succeeded")
    expect(intentsOf(sessionId)).toHaveLength(0)
    const plan = await planOfOrder(api, h.shop, placed.data.order.id)
    expect(schedule(plan)).toEqual([[1, "2027-03-02", 254.9, "scheduled"]])
  })
})
