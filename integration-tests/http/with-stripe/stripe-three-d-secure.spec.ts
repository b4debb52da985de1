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
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { planSuite, schedule } from "../../helpers/plans"
import { SHOPPER, cartPaymentSessions, cartWith, emailsSent, planOfOrder, privateLeaks, startSession, storedPaymentData } from "../../helpers/shop"
import { useFakeStripe, WITH_STRIPE } from "../../helpers/stripe"

jest.setTimeout(240_000)

planSuite(new Date("2027-01-31T10:00:00Z"), (h, { api, getContainer }) => {
  const stripe = useFakeStripe()
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

    // Completing again before the shopper authenticated changes nothing: the same intent waits,
    // and so does the reconciler (nothing moved, the shopper may still act).
    await completeExpectingAuthentication(cartId)
    expect(intentsOf(sessionId)).toHaveLength(1)
    expect(await h.instalments().reconcile({ olderThanMs: 0 })).toMatchObject({ waiting: 1 })

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
    // Stripe's payment_intent.succeeded, delivered twice: confirmed from Stripe, nothing changes.
    const { self_service_url: _link, ...before } = await h.getPlan(plan.id)
    const event = stripe.fake.state.eventsOf("payment_intent.succeeded").find((e) => (e.data.object as { id: string }).id === intent.id)!
    for (let delivery = 0; delivery < 2; delivery++) {
      const signed = stripe.fake.signedWebhook(event, WITH_STRIPE.webhookSecret)
      const { data } = await api.post("/hooks/instalments/stripe", signed.payload, { headers: { "content-type": "application/json", "stripe-signature": signed.signature } })
      expect(data).toMatchObject({ handled: "confirmed", payment_intent: intent.id, status: "succeeded" })
    }
    const { self_service_url: _again, ...after } = await h.getPlan(plan.id)
    expect(after).toEqual(before)

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

  it("an instalment declined authentication_required is paid from self-service with 3-D Secure: settled by the webhook, then the shopper's return call changes nothing", async () => {
    // pm_card_authenticationRequired asks for 3-D Secure on every payment: at checkout (passed),
    // then the off-session second instalment is declined authentication_required.
    const { cartId, sessionId } = await cartPaidWith("pm_card_authenticationRequired")
    await completeExpectingAuthentication(cartId)
    const [first] = intentsOf(sessionId)
    stripe.fake.authenticate(first.id)
    const placed = await complete(cartId)
    const plan = await planOfOrder(api, h.shop, placed.data.order.id)
    const clock = await h.advance(28)
    expect(h.activity(clock)).toEqual([["2027-02-28", { charged: 0, declined: 84.96, serious_delays: 0, unfrozen: 0 }]])
    expect(schedule(await h.getPlan(plan.id))[1]).toEqual([2, "2027-02-28", 84.96, "failed"])
    const [email] = await emailsSent(getContainer(), plan.id, "instalments.paymentFailed")
    expect(email.data.text).toContain("votre banque vous demande de confirmer ce paiement vous-même (3-D Secure)")

    // The shopper pays it from their page (the Store JSON route), with their bank's confirmation.
    const token = new URL((await h.getPlan(plan.id)).self_service_url).searchParams.get("token") as string
    const pay = () =>
      api.post(`/store/instalment-plans/${plan.id}/pay-early`, { scope: "next", authenticate: true }, { headers: { ...h.storeHeaders, "x-instalments-token": token, "idempotency-key": "pay-2" } })
    const waiting = await pay()
    const customer = first.customer
    const byCustomer = () => [...stripe.fake.state.paymentIntents.values()].filter((pi) => pi.customer === customer)
    const onPage = byCustomer().find((pi) => pi.status === "requires_action")!
    expect(onPage).toMatchObject({ amount: 8496, metadata: { off_session: "false" } })
    expect(waiting.data.requires_action).toEqual({ type: "authenticate", intent: "payment", client_secret: onPage.client_secret })
    expect(waiting.data.message).toContain("3-D Secure")
    expect(waiting.data.instalment_plan.instalments[1]).toMatchObject({ number: 2, status: "failed" })
    expect((await pay()).data.requires_action).toEqual(waiting.data.requires_action)

    // The shopper authenticates; Stripe's webhook arrives first and settles the instalment, once.
    stripe.fake.authenticate(onPage.id)
    const event = stripe.fake.state.eventsOf("payment_intent.succeeded").find((e) => (e.data.object as { id: string }).id === onPage.id)!
    const deliver = async () => {
      const signed = stripe.fake.signedWebhook(event, WITH_STRIPE.webhookSecret)
      return (await api.post("/hooks/instalments/stripe", signed.payload, { headers: { "content-type": "application/json", "stripe-signature": signed.signature } })).data
    }
    expect(await deliver()).toMatchObject({ handled: "confirmed", status: "succeeded", settled: true })
    expect(schedule(await h.getPlan(plan.id))[1]).toEqual([2, "2027-02-28", 84.96, "paid"])
    const { self_service_url: _link, ...settled } = await h.getPlan(plan.id)
    expect(await deliver()).not.toHaveProperty("settled")
    // The shopper's return call: the same request answers the payment, and changes nothing.
    const back = await pay()
    expect(back.data.requires_action).toBeUndefined()
    const { self_service_url: _again, ...after } = await h.getPlan(plan.id)
    expect(after).toEqual(settled)

    // Ledger = the fake's charges: 84.98 at checkout, 84.96 on the page; the declined attempt took nothing.
    const paid = schedule(after).filter(([, , , status]) => status === "paid")
    const charged = succeededCharges(byCustomer().map((pi) => pi.id)).map((c) => c.amount)
    expect(charged).toEqual([8498, 8496])
    expect(paid.map(([, , amount]) => Math.round(Number(amount) * 100))).toEqual(charged)
  })

  it("the server-rendered page of that plan carries Stripe.js and its nonce'd script; its JSON route pays with 3-D Secure, charged once", async () => {
    const { cartId, sessionId } = await cartPaidWith("pm_card_authenticationRequired")
    await completeExpectingAuthentication(cartId)
    const [first] = intentsOf(sessionId)
    stripe.fake.authenticate(first.id)
    const plan = await planOfOrder(api, h.shop, (await complete(cartId)).data.order.id)
    await h.advance(28)
    expect(schedule(await h.getPlan(plan.id))[1]).toEqual([2, "2027-02-28", 84.96, "failed"])

    // The e-mail's link, opened as a browser does: the token for the cookie, then the page.
    const token = new URL((await h.getPlan(plan.id)).self_service_url).searchParams.get("token") as string
    const getPage = (url: string, headers: Record<string, string> = {}) => api.get(url, { headers, responseType: "text", maxRedirects: 0, validateStatus: () => true })
    const exchange = await getPage(`/instalments/plans/${plan.id}?token=${token}`)
    const cookie = ([] as string[]).concat(exchange.headers["set-cookie"] ?? [])[0].split(";")[0]
    const opened = await getPage(exchange.headers.location, { cookie })
    const html = opened.data as string
    const nonce = /<script nonce="([^"]+)">/.exec(html)?.[1] as string
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{24}$/)
    expect(opened.headers["content-security-policy"]).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; " +
        `script-src 'nonce-${nonce}' https://js.stripe.com; frame-src https://js.stripe.com https://hooks.stripe.com; connect-src 'self' https://api.stripe.com`,
    )
    expect(html).toContain('<script src="https://js.stripe.com/v3/"></script>')
    expect(html).toContain(`data-stripe-key="${WITH_STRIPE.publishableKey}"`)
    expect(html).toContain("Payer avec la confirmation de votre banque")
    expect(html).not.toMatch(/sk_test_|whsec_/)
    // Each answer draws its own nonce.
    const again = (await getPage(exchange.headers.location, { cookie })).headers["content-security-policy"] as string
    expect(again).not.toContain(nonce)

    // What the page's script posts: the JSON route beside the page, the form's token, its key.
    const version = /id="action-pay-next"[\s\S]*?name="version" value="(\d+)"/.exec(html)?.[1]
    const pay = (body: Record<string, unknown>) =>
      api.post(`/instalments/plans/${plan.id}/pay-early`, body, { headers: { "idempotency-key": `page-pay-next-v${version}-0` }, validateStatus: () => true })
    expect((await pay({ scope: "next", authenticate: true })).status).toBe(401)
    const waiting = await pay({ token, scope: "next", authenticate: true, locale: "fr" })
    expect(waiting.status).toBe(200)
    const onPage = waiting.data.requires_action.client_secret.split("_secret_")[0] as string
    expect(stripe.fake.state.paymentIntents.get(onPage)).toMatchObject({ status: "requires_action", amount: 8496, metadata: { off_session: "false" } })
    stripe.fake.authenticate(onPage)
    const paid = await pay({ token, scope: "next", authenticate: true, locale: "fr" })
    expect([paid.status, paid.data.requires_action, paid.data.message]).toEqual([200, undefined, expect.stringContaining("84,96")])

    // The page, reloaded, shows it paid. Ledger = the fake's charges: 84.98 at checkout, 84.96 on the page.
    expect((await getPage(exchange.headers.location, { cookie })).data).toMatch(/<th scope="row">2<\/th><td>[^<]+<\/td><td class="amount">84,96\s€<\/td><td>Payée<\/td>/u)
    const paidLines = schedule(await h.getPlan(plan.id)).filter(([, , , status]) => status === "paid")
    const customer = first.customer
    const charged = succeededCharges([...stripe.fake.state.paymentIntents.values()].filter((pi) => pi.customer === customer).map((pi) => pi.id)).map((c) => c.amount)
    expect(charged).toEqual([8498, 8496])
    expect(paidLines.map(([, , amount]) => Math.round(Number(amount) * 100))).toEqual(charged)
  })

  it("a payment the shopper never authenticates is given up after an hour: cancelled at Stripe, nothing placed or paid, the plan free again", async () => {
    /** An hour and more goes by (real time: the reconciler's clock) for the operations still running. */
    const anHourLater = () => (getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any).raw(`update instalment_operation set created_at = created_at - interval '61 minutes' where status = 'executing'`)

    // At checkout: the cart's payment waits, then is given up; completing again is refused, the cart stays payable.
    const { cartId, sessionId } = await cartPaidWith("pm_card_authenticationRequired")
    await completeExpectingAuthentication(cartId)
    const [intent] = intentsOf(sessionId)
    expect(await h.instalments().reconcile({ olderThanMs: 0 })).toMatchObject({ waiting: 1 })
    await anHourLater()
    expect(await h.instalments().reconcile({ olderThanMs: 0 })).toMatchObject({ settled: 1, waiting: 0 })
    expect(stripe.fake.state.paymentIntents.get(intent.id)).toMatchObject({ status: "canceled", cancellation_reason: "abandoned" })
    const refused = await complete(cartId)
    expect([refused.status, refused.data.message]).toEqual([400, expect.stringContaining("authentication_required")])
    expect(succeededCharges([intent.id])).toHaveLength(0)

    // On the self-service page: the plan is busy while the payment waits, free again once it is given up.
    const { data } = await startSession(api, shop(), cartId, { ...SHOPPER, plan: "p3x", card_token: "pm_card_authenticationRequired" })
    const second = data.payment_collection.payment_sessions[0].data.session_id as string
    await completeExpectingAuthentication(cartId)
    stripe.fake.authenticate(intentsOf(second)[0].id)
    const plan = await planOfOrder(api, h.shop, (await complete(cartId)).data.order.id)
    await h.advance(28)
    const token = new URL((await h.getPlan(plan.id)).self_service_url).searchParams.get("token") as string
    const headers = { ...h.storeHeaders, "x-instalments-token": token }
    const waiting = await api.post(`/store/instalment-plans/${plan.id}/pay-early`, { scope: "next", authenticate: true }, { headers: { ...headers, "idempotency-key": "pay-2" } })
    const onPage = waiting.data.requires_action.client_secret.split("_secret_")[0] as string
    await anHourLater()
    expect(await h.instalments().reconcile({ olderThanMs: 0 })).toMatchObject({ settled: 1, waiting: 0 })
    expect(stripe.fake.state.paymentIntents.get(onPage)).toMatchObject({ status: "canceled" })
    expect(schedule(await h.getPlan(plan.id))[1]).toEqual([2, "2027-02-28", 84.96, "failed"])
    // Free again: a new request (a new key) waits for the shopper again.
    const again = await api.post(`/store/instalment-plans/${plan.id}/pay-early`, { scope: "next", authenticate: true }, { headers: { ...headers, "idempotency-key": "pay-2-again" } })
    expect(again.data.requires_action.client_secret).not.toContain(onPage)
  })
})
