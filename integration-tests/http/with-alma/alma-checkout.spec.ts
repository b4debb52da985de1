/**
 * Alma as the lender, end to end on a real Medusa app and Postgres. Alma itself is the plugin's
 * stateful fake (test-support/fake-alma) behind msw: the provider's HTTP calls reach it, the
 * tests play the shopper on Alma's page (accept / refuse) and Alma's IPN (signed like Alma's).
 *
 * The office chair costs 249.00 € + 5.90 € shipping = 254.90 € (25 490 cents); in 3 with Alma:
 * 84.98 € today (31 January 2027), 84.96 € on 28 February and 84.96 € on 31 March.
 */
import path from "node:path"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { syncAlmaPlans } from "../../../src/jobs/alma-sync-plans"
import { failNextWrites, installWriteFaults, stopWriteFaults } from "../../../test-support/db-faults"
import { ALMA_PROVIDER as PROVIDER, planLockedDuring, useFakeAlma, WITH_ALMA } from "../../helpers/alma"
import {
  cartPaymentSessions,
  cartWith,
  instalmentsOf,
  medusaOrder,
  planById,
  planOfOrder,
  privateLeaks,
  startSession,
  storedPaymentData,
  storedSessionData,
  useShop,
  waitFor,
} from "../../helpers/shop"
import { shopRunner } from "../../helpers/shared-app"

jest.setTimeout(240_000)

const CHECKOUT_DAY = new Date("2027-01-31T10:00:00Z")

shopRunner({
  testSuite: ({ api, getContainer }) => {
    const alma = useFakeAlma(WITH_ALMA, { day: CHECKOUT_DAY })
    const shop = useShop(api, getContainer, CHECKOUT_DAY)

    const headers = () => shop.storeHeaders

    /** A cart with the office chair (254.90 €) and an Alma session for `plan`; Alma's payment id. */
    async function almaCheckout(plan = "p3x", handle = "office-chair") {
      const cartId = await cartWith(api, shop, handle)
      const res = await startSession(api, shop, cartId, { plan, locale: "fr" }, PROVIDER)
      const session = res.data.payment_collection.payment_sessions.find((s: any) => s.provider_id === PROVIDER)
      return { cartId, session, pid: session.data.alma_payment_id as string }
    }

    /** Alma's IPN for a payment, signed with the API key (or a forged signature). */
    function ipn(pid: string, signature?: string | null) {
      const { headers: signed } = alma.state.ipnRequest(pid)
      const sent = signature === undefined ? signed : signature === null ? {} : { "X-Alma-Signature": signature }
      return api.get(`/hooks/alma/ipn?pid=${pid}`, { headers: sent }).catch((e: any) => e.response)
    }

    /** The storefront's return page, with the cart it kept (the shopper's own). */
    function shopperReturns(pid: string, cartId: string) {
      return api.get(`/store/alma/return?pid=${pid}&cart_id=${cartId}&locale=fr`, { headers: headers() }).catch((e: any) => e.response)
    }

    const paymentReads = (pid: string) => alma.state.requests.filter((r) => r.path === `/v1/payments/${pid}`).length

    async function ordersOfCart(cartId: string): Promise<string[]> {
      const query = getContainer().resolve("query")
      const { data } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
      return data.map((row: any) => row.order_id)
    }

    async function allPlans() {
      const { data } = await api.get("/admin/instalment-plans", { headers: shop.adminHeaders })
      return data
    }

    async function cartCompleted(cartId: string) {
      const { data } = await api.get(`/store/carts/${cartId}?fields=completed_at`, { headers: headers() })
      return data.cart.completed_at !== null
    }

    /** The potential-fraud flags Alma received for one payment (the fake's state outlives a test), once the first is in. */
    async function fraudFlagsOf(pid: string) {
      const flags = () => alma.state.fraudFlags.filter((flag) => flag.payment === pid)
      for (let attempt = 0; attempt < 50 && flags().length === 0; attempt++) await new Promise((r) => setTimeout(r, 100))
      return flags()
    }

    function almaProvider(): any {
      return (getContainer().resolve(Modules.PAYMENT) as any).paymentProviderService_.retrieveProvider(PROVIDER)
    }

    it("creates Alma's payment at the session: 25 490 cents in 3, the cart's shopper and our references, and its page for the storefront", async () => {
      const { cartId, session, pid } = await almaCheckout()
      expect(session.status).toBe("pending")
      expect(session.data).toMatchObject({ plan: "p3x", amount_cents: 25490, currency_code: "eur", cart_id: cartId, payment_url: `${WITH_ALMA.apiRoot}/pay/${pid}` })
      const payment = alma.state.payment(pid)
      expect(payment).toMatchObject({
        state: "not_started",
        purchase_amount: 25490,
        installments_count: 3,
        deferred_trigger: false,
        locale: "fr",
        return_url: "https://shop.test/checkout/alma-return",
        ipn_callback_url: "https://store.test/hooks/alma/ipn",
        custom_data: { session_id: session.id, cart_id: cartId },
        shipping_address: { country: "FR", first_name: "Léa", last_name: "Martin", city: "Paris", postal_code: "75002", line1: "1 rue de la Paix" },
      })
      expect(payment.payment_plan.map((i) => i.purchase_amount)).toEqual([8498, 8496, 8496])
      expect(JSON.stringify(session.data)).not.toContain(WITH_ALMA.apiKey)

      // Completing before the shopper accepted on Alma's page places nothing.
      const early = await api.post(`/store/carts/${cartId}/complete`, {}, { headers: headers() }).catch((e: any) => e.response)
      expect(early.status).toBe(400)
      expect(early.data.message).toContain("alma_payment_pending")
      expect(await cartCompleted(cartId)).toBe(false)
    })

    it("keeps the shopper's e-mail, phone and addresses out of the Alma session Medusa stores and shows; the plan has them", async () => {
      const cartId = await cartWith(api, shop, "office-chair")
      const address = { country_code: "fr", first_name: "Léa", last_name: "Martin", address_1: "1 rue de la Paix", city: "Paris", postal_code: "75002", phone: "+33 6 12 34 56 78" }
      await api.post(`/store/carts/${cartId}`, { shipping_address: address }, { headers: headers() })
      const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, { headers: headers() })
      const res = await api.post(
        `/store/payment-collections/${pc.payment_collection.id}/payment-sessions`,
        { provider_id: PROVIDER, data: { plan: "p3x", locale: "fr" } },
        { headers: headers() },
      )
      const session = res.data.payment_collection.payment_sessions[0]
      const pid = session.data.alma_payment_id
      // Alma got the shopper (it scores them); the session keeps what the storefront needs.
      expect(alma.state.payment(pid).shipping_address).toMatchObject({ line1: "1 rue de la Paix", phone: "+33 6 12 34 56 78", email: "lea.martin@example.com" })
      expect(session.data).toMatchObject({ plan: "p3x", locale: "fr", amount_cents: 25490, payment_url: `${WITH_ALMA.apiRoot}/pay/${pid}` })
      const expectNothingPrivate = async () => {
        expect(privateLeaks(session.data)).toEqual([])
        expect(privateLeaks((await cartPaymentSessions(api, shop, cartId))[0].data)).toEqual([])
        expect(privateLeaks(await storedSessionData(getContainer(), session.id))).toEqual([])
      }
      await expectNothingPrivate()

      alma.state.accept(pid)
      const back = await shopperReturns(pid, cartId)
      expect(back.data.type).toBe("order")
      await expectNothingPrivate()
      expect(privateLeaks(await storedPaymentData(getContainer(), session.id))).toEqual([])
      const plan = await planOfOrder(api, shop, back.data.order.id)
      expect(plan).toMatchObject({ email: "lea.martin@example.com", phone: "+33 6 12 34 56 78", customer_id: expect.stringMatching(/^cus_/), owner_customer_id: null })
    })

    it("refuses card numbers, security codes and unknown keys in an Alma session's data, without repeating them", async () => {
      const cartId = await cartWith(api, shop, "office-chair")
      const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, { headers: headers() })
      const created = alma.state.payments.size
      for (const [data, expected] of [
        [{ plan: "p3x", card_number: "4111 1111 1111 1111" }, /card number/],
        [{ plan: "p3x", cvv: "987" }, /security code/],
        [{ plan: "p3x", note: "4111111111111111" }, /card number/],
        [{ plan: "p3x", gift_wrap: true }, /data\.gift_wrap.*plan, locale, return_url/],
      ] as const) {
        const res = await api
          .post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: PROVIDER, data }, { headers: headers() })
          .catch((e: any) => e.response)
        expect([JSON.stringify(data), res.status]).toEqual([JSON.stringify(data), 400])
        expect(res.data.message).toMatch(expected)
        expect(res.data.message).not.toMatch(/4111|987/)
      }
      expect(alma.state.payments.size).toBe(created)
      expect(await cartPaymentSessions(api, shop, cartId)).toEqual([])
    })

    it("the return page needs the shopper's cart: without it, or with another cart, nothing is read from Alma nor placed, and the cart id is never echoed", async () => {
      const { cartId, pid } = await almaCheckout()
      const other = await cartWith(api, shop, "office-chair")
      alma.state.accept(pid)
      const reads = paymentReads(pid)

      const missing = await api.get(`/store/alma/return?pid=${pid}&locale=fr`, { headers: headers() }).catch((e: any) => e.response)
      expect(missing.status).toBe(400)
      expect(missing.data.message).toContain('query parameter "cart_id"')
      const wrongCart = await shopperReturns(pid, other)
      const unknownPid = await shopperReturns("payment_unknown", cartId)
      // Another cart's payment and a payment that does not exist answer alike.
      expect([wrongCart.status, wrongCart.data.message]).toEqual([404, `No Alma payment ${pid} on this cart`])
      expect([unknownPid.status, unknownPid.data.message]).toEqual([404, "No Alma payment payment_unknown on this cart"])
      expect(JSON.stringify([missing.data, wrongCart.data, unknownPid.data])).not.toContain(cartId)
      expect(paymentReads(pid)).toBe(reads)
      expect(await cartCompleted(cartId)).toBe(false)

      const back = await shopperReturns(pid, cartId)
      expect(back.data.type).toBe("order")
      expect(JSON.stringify(back.data)).not.toContain(cartId)
    })

    it("accepted, the shopper returns first: one order, captured, and the plan mirrored from Alma (84.98 + 84.96 + 84.96)", async () => {
      const { cartId, pid } = await almaCheckout()
      alma.state.accept(pid)
      const back = await shopperReturns(pid, cartId)
      expect(back.status).toBe(200)
      expect(back.data).toMatchObject({ type: "order" })
      expect(back.data).not.toHaveProperty("cart_id")
      const orderId = back.data.order.id

      const plan = await planOfOrder(api, shop, orderId)
      expect(plan).toMatchObject({
        order_id: orderId,
        processor: "alma",
        plan_code: "p3x",
        status: "active",
        total: 254.9,
        paid_total: 84.98,
        outstanding_total: 169.92,
        email: "lea.martin@example.com",
        terms_version: "alma",
        card: { brand: null, last4: null },
        lender: { name: "alma", payment_id: pid, url: `${WITH_ALMA.apiRoot}/pay/${pid}`, state: "in_progress" },
      })
      expect(plan.instalments.map((i: any) => [i.number, i.due_date, i.amount, i.status])).toEqual([
        [1, "2027-01-31", 84.98, "paid"],
        [2, "2027-02-28", 84.96, "scheduled"],
        [3, "2027-03-31", 84.96, "scheduled"],
      ])
      expect(plan.events.map((e: any) => e.type)).toEqual(expect.arrayContaining(["plan.created", "plan.order_attached"]))
      const order = await medusaOrder(api, shop, orderId)
      expect(order.payment_collections[0].payments).toHaveLength(1)
      expect(order.payment_collections[0].payments[0]).toMatchObject({ provider_id: PROVIDER, amount: 254.9 })
      expect(order.payment_collections[0].payments[0].captures.map((c: any) => c.amount)).toEqual([254.9])

      // Alma's IPN comes a minute later: the same order, nothing new.
      const notified = await ipn(pid)
      expect(notified.status).toBe(200)
      expect(notified.data).toMatchObject({ type: "order", order_id: orderId })
      expect(await ordersOfCart(cartId)).toEqual([orderId])
      expect((await allPlans()).count).toBe(1)
      expect((await planById(api, shop, plan.id)).events).toHaveLength(plan.events.length)
    })

    it("accepted, the IPN comes first: it places the order; the shopper's return finds it", async () => {
      const { cartId, pid } = await almaCheckout()
      alma.state.accept(pid)
      const notified = await ipn(pid)
      expect(notified.status).toBe(200)
      expect(notified.data.type).toBe("order")
      const back = await shopperReturns(pid, cartId)
      expect(back.data).toMatchObject({ type: "order", order: { id: notified.data.order_id } })
      expect(await ordersOfCart(cartId)).toEqual([notified.data.order_id])
      expect((await allPlans()).count).toBe(1)
      // The storefront completing the cart itself also gets that order.
      const completed = await api.post(`/store/carts/${cartId}/complete`, {}, { headers: headers() })
      expect(completed.data.order.id).toBe(notified.data.order_id)
    })

    it("the IPN and the return at the same moment: one order, one payment, one plan", async () => {
      const { cartId, pid } = await almaCheckout("p4x", "standing-desk")
      alma.state.accept(pid)
      const [notified, back] = await Promise.all([ipn(pid), shopperReturns(pid, cartId)])
      expect(notified.status).toBe(200)
      expect(back.status).toBe(200)
      expect(back.data.order.id).toBe(notified.data.order_id)
      expect(await ordersOfCart(cartId)).toHaveLength(1)
      const plan = await planOfOrder(api, shop, back.data.order.id)
      // 1,304.90 € in 4: 326.24 + 3 × 326.22, the first taken by Alma at acceptance.
      expect(plan.instalments.map((i: any) => [i.amount, i.status])).toEqual([
        [326.24, "paid"],
        [326.22, "scheduled"],
        [326.22, "scheduled"],
        [326.22, "scheduled"],
      ])
      expect((await allPlans()).count).toBe(1)
      const order = await medusaOrder(api, shop, back.data.order.id)
      expect(order.payment_collections[0].payments).toHaveLength(1)
    })

    it("refused by Alma: the shopper is told why in French, no order, no plan", async () => {
      const { cartId, pid } = await almaCheckout()
      alma.state.refuse(pid)
      const back = await shopperReturns(pid, cartId)
      expect(back.status).toBe(200)
      expect(back.data).toMatchObject({ type: "refused", alma_state: "scored_no" })
      expect(back.data).not.toHaveProperty("cart_id")
      expect(back.data.reasons[0].code).toBe("credit_refused")
      expect(back.data.reasons[0].message.length).toBeGreaterThan(20)
      const completed = await api.post(`/store/carts/${cartId}/complete`, {}, { headers: headers() }).catch((e: any) => e.response)
      expect(completed.status).toBe(400)
      expect(completed.data.message).toContain("credit_refused")
      expect((await ipn(pid)).data.type).toBe("refused")
      expect(await cartCompleted(cartId)).toBe(false)
      expect((await allPlans()).count).toBe(0)
    })

    it("an accepted Alma payment for another amount than the session's: refused (amount_mismatch), reported to Alma, no order, no plan", async () => {
      const { cartId, pid } = await almaCheckout()
      alma.state.accept(pid)
      // The amount changed between the cart and Alma's page (what every Alma plugin guards against).
      alma.state.payments.get(pid)!.purchase_amount = 10000
      const completed = await api.post(`/store/carts/${cartId}/complete`, {}, { headers: headers() }).catch((e: any) => e.response)
      expect(completed.status).toBe(400)
      expect(completed.data.message).toContain(`amount_mismatch: Alma's payment ${pid} is for 100.00 € but the payment session is for 254.90 €`)
      expect(await fraudFlagsOf(pid)).toEqual([{ payment: pid, reason: "amount_mismatch" }])
      expect(await cartCompleted(cartId)).toBe(false)
      expect((await allPlans()).count).toBe(0)
    })

    it("a replayed IPN changes nothing; a later one mirrors what Alma collected", async () => {
      const { pid } = await almaCheckout()
      alma.state.accept(pid)
      const first = await ipn(pid)
      const plan = await planOfOrder(api, shop, first.data.order_id)
      for (let i = 0; i < 3; i++) expect((await ipn(pid)).data).toMatchObject({ type: "order", order_id: first.data.order_id })
      expect((await planById(api, shop, plan.id)).events).toHaveLength(plan.events.length)

      // On 28 February Alma takes the second instalment, then notifies.
      alma.state.now = () => new Date("2027-02-28T09:00:00Z")
      alma.state.collectInstalment(pid, 2)
      expect((await ipn(pid)).status).toBe(200)
      const after = await planById(api, shop, plan.id)
      expect(after).toMatchObject({ paid_total: 169.94, outstanding_total: 84.96, status: "active" })
      expect(after.instalments.map((i: any) => i.status)).toEqual(["paid", "paid", "scheduled"])
      const synced = after.events.filter((e: any) => e.type === "alma.synced")
      expect(synced).toHaveLength(1)
      expect(synced[0].data.instalments).toEqual([
        { number: 2, from: { amount: 8496, status: "scheduled", dueDate: "2027-02-28" }, to: { amount: 8496, status: "paid", dueDate: "2027-02-28" } },
      ])
    })

    it("refuses an IPN with a forged or missing signature (401) before reading anything: nothing changes", async () => {
      const { cartId, pid } = await almaCheckout()
      alma.state.accept(pid)
      const readsBefore = alma.state.requests.filter((r) => r.path === `/v1/payments/${pid}`).length
      const forged = await ipn(pid, "0".repeat(64))
      expect(forged.status).toBe(401)
      expect(forged.data.message).toContain("X-Alma-Signature")
      // Alma's signature of another payment does not open this one.
      const other = alma.state.ipnRequest(pid).headers["X-Alma-Signature"].replace(/^./, (c) => (c === "a" ? "b" : "a"))
      expect((await ipn(pid, other)).status).toBe(401)
      expect((await ipn(pid, null)).status).toBe(401)
      expect(alma.state.requests.filter((r) => r.path === `/v1/payments/${pid}`).length).toBe(readsBefore)
      expect(await cartCompleted(cartId)).toBe(false)
      expect((await allPlans()).count).toBe(0)
      const noPid = await api.get("/hooks/alma/ipn").catch((e: any) => e.response)
      expect(noPid.status).toBe(400)
    })

    it("Alma down: a clear error, no order half-made; once Alma is back the IPN places the order", async () => {
      const { cartId, pid } = await almaCheckout()
      alma.state.accept(pid)
      alma.state.down = "http"
      const completed = await api.post(`/store/carts/${cartId}/complete`, {}, { headers: headers() }).catch((e: any) => e.response)
      expect(completed.status).toBe(500)
      expect(completed.data.message).toContain("alma_unavailable")
      expect(completed.data.message).toContain("HTTP 503")
      const back = await shopperReturns(pid, cartId)
      expect(back.status).toBe(502)
      expect(back.data.message).toContain("No order was placed")
      expect((await ipn(pid)).status).toBe(502)
      expect(await cartCompleted(cartId)).toBe(false)
      expect(await ordersOfCart(cartId)).toEqual([])
      expect((await allPlans()).count).toBe(0)

      // A new session while Alma is down fails clearly too.
      alma.state.down = "network"
      const other = await cartWith(api, shop, "office-chair")
      const { data: pc } = await api.post("/store/payment-collections", { cart_id: other }, { headers: headers() })
      const session = await api
        .post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: PROVIDER, data: { plan: "p3x" } }, { headers: headers() })
        .catch((e: any) => e.response)
      expect(session.status).toBe(500)
      expect(session.data.message).toMatch(/alma_unavailable: Alma could not create the payment: Alma is unreachable/)

      alma.state.down = false
      const notified = await ipn(pid)
      expect(notified.data.type).toBe("order")
      expect((await planOfOrder(api, shop, notified.data.order_id)).paid_total).toBe(84.98)
    })

    it("refunds part of an order at Alma: Alma lowers the unpaid instalments as our engine predicted; a replay changes nothing", async () => {
      const { pid } = await almaCheckout()
      alma.state.accept(pid)
      const orderId = (await ipn(pid)).data.order_id
      const plan = await planOfOrder(api, shop, orderId)
      const paymentId = plan.payment_id

      // 84.96 € back (a returned accessory): Alma takes it off the two unpaid instalments.
      const refund = await api.post(`/admin/payments/${paymentId}/refund`, { amount: 84.96 }, { headers: shop.adminHeaders })
      const refundId = refund.data.payment.refunds[0].id
      const payment = alma.state.payment(pid)
      expect(payment.refunds).toHaveLength(1)
      expect(payment.refunds[0]).toMatchObject({ amount: 8496, merchant_reference: refundId, rebate_amount: 8496, payment_refund_amount: 0 })
      const after = await planById(api, shop, plan.id)
      expect(after).toMatchObject({ status: "active", paid_total: 84.98, refunded_total: 0, outstanding_total: 84.96, order_total: 169.94 })
      expect(after.instalments.map((i: any) => [i.amount, i.status])).toEqual([
        [84.98, "paid"],
        [42.48, "scheduled"],
        [42.48, "scheduled"],
      ])
      const recorded = after.events.find((e: any) => e.type === "alma.refund")
      expect(recorded.data).toMatchObject({ refundId, amount: 8496, rebate: 8496, refundedToCard: 0, alreadyAtAlma: false, differences: [] })

      // Medusa calls the provider again with the same refund (a retry): Alma is not asked twice.
      const session = { ...(await medusaOrder(api, shop, orderId)).payment_collections[0].payments[0].data }
      await almaProvider().refundPayment({ amount: 84.96, data: session, context: { idempotency_key: refundId } })
      expect(alma.state.payment(pid).refunds).toHaveLength(1)
      expect((await planById(api, shop, plan.id)).events).toHaveLength(after.events.length)

      // A refund Alma made but our history missed (a crash after Alma's answer) is found by its reference, not made twice.
      alma.state.refund(pid, { amount: 1000, merchant_reference: "ref_lost" })
      await almaProvider().refundPayment({ amount: 10, data: session, context: { idempotency_key: "ref_lost" } })
      expect(alma.state.payment(pid).refunds.map((r) => r.merchant_reference)).toEqual([refundId, "ref_lost"])
      const healed = await planById(api, shop, plan.id)
      expect(healed.events.find((e: any) => e.type === "alma.refund" && e.data.refundId === "ref_lost").data.alreadyAtAlma).toBe(true)
      expect(healed.instalments.map((i: any) => i.amount)).toEqual([84.98, 37.48, 37.48])
    })

    /** The plugin's record of an operation, by its key (instalment_operation and its movement legs). */
    async function operationOf(key: string) {
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const { rows } = await pg.raw(`select id, status, decided from instalment_operation where idempotency_key = ?`, [key])
      if (!rows[0]) return null
      const legs = await pg.raw(`select kind, processor, processor_key, amount_cents, status, processor_reference from instalment_movement where operation_id = ?`, [rows[0].id])
      return { status: rows[0].status as string, decided: rows[0].decided, legs: legs.rows }
    }

    /** An order paid with Alma in 3 (84.98 taken), its plan and Medusa's payment. */
    async function almaOrder() {
      const { pid } = await almaCheckout()
      alma.state.accept(pid)
      const orderId = (await ipn(pid)).data.order_id as string
      const plan = await planOfOrder(api, shop, orderId)
      return { pid, orderId, plan, paymentId: plan.payment_id as string }
    }

    it("each refund reaches Alma with the plan's row unlocked, keyed by Medusa's refund id: two refunds of 10 € are two refunds", async () => {
      const { pid, plan, paymentId } = await almaOrder()
      const locked = planLockedDuring(alma, getContainer, plan.id, (call) => call.method === "POST" && call.path.endsWith("/refund"))
      const first = await api.post(`/admin/payments/${paymentId}/refund`, { amount: 10 }, { headers: shop.adminHeaders })
      const second = await api.post(`/admin/payments/${paymentId}/refund`, { amount: 10 }, { headers: shop.adminHeaders })
      const ids = second.data.payment.refunds.map((r: any) => r.id)
      expect(ids).toHaveLength(2)
      expect(first.data.payment.refunds.map((r: any) => r.id)).toEqual([ids[0]])
      expect(alma.state.payment(pid).refunds.map((r) => [r.amount, r.merchant_reference])).toEqual([
        [1000, ids[0]],
        [1000, ids[1]],
      ])
      // Alma was called while no transaction of ours held the plan's row.
      expect(locked).toEqual([false, false])
      const recorded = await operationOf(`alma-refund:${ids[1]}`)
      expect(recorded).toMatchObject({ status: "completed", decided: { kind: "lender", action: "refund", reference: ids[1] } })
      expect(recorded!.legs).toEqual([
        { kind: "refund", processor: "alma", processor_key: ids[1], amount_cents: 1000, status: "succeeded", processor_reference: alma.state.payment(pid).refunds[1].id },
      ])
    })

    it("a refund without Medusa's refund id is refused: nothing names it at Alma, so nothing is sent", async () => {
      const { pid, orderId } = await almaOrder()
      const session = { ...(await medusaOrder(api, shop, orderId)).payment_collections[0].payments[0].data }
      await expect(almaProvider().refundPayment({ amount: 10, data: session, context: {} })).rejects.toThrow(/idempotency_key/)
      await expect(almaProvider().refundPayment({ amount: 10, data: session })).rejects.toThrow(/idempotency_key/)
      expect(alma.state.payment(pid).refunds).toEqual([])
    })

    it("a refund Alma made whose record failed: Medusa's refund stands, a retry does not send it again, the hourly job records it from Alma's refunds", async () => {
      const { pid, orderId, plan, paymentId } = await almaOrder()
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await installWriteFaults(pg)
      // Alma answers, then the write of its answer fails (as a lost connection would).
      await failNextWrites(pg, "instalment_plan_event", 1, "%alma.refund%")
      const refund = await api.post(`/admin/payments/${paymentId}/refund`, { amount: 84.96 }, { headers: shop.adminHeaders }).catch((e: any) => e.response)
      await stopWriteFaults(pg)
      expect(refund.status).toBe(200)
      const refundId = refund.data.payment.refunds[0].id
      expect(alma.state.payment(pid).refunds.map((r) => r.merchant_reference)).toEqual([refundId])
      expect((await planById(api, shop, plan.id)).events.map((e: any) => e.type)).not.toContain("alma.refund")
      expect(await operationOf(`alma-refund:${refundId}`)).toMatchObject({ status: "executing", legs: [{ status: "pending" }] })

      // The card processor's reconciler leaves a lender's operation alone.
      expect(await instalmentsOf(getContainer()).reconcile({ olderThanMs: 0 })).toMatchObject({ examined: 0 })
      expect(await operationOf(`alma-refund:${refundId}`)).toMatchObject({ status: "executing" })

      // The job finds the refund at Alma by its merchant_reference and records it; nothing is sent.
      expect(await syncAlmaPlans(getContainer())).toMatchObject({ settled: 1, errors: 0 })
      expect(alma.state.payment(pid).refunds).toHaveLength(1)
      const healed = await planById(api, shop, plan.id)
      expect(healed.instalments.map((i: any) => [i.amount, i.status])).toEqual([
        [84.98, "paid"],
        [42.48, "scheduled"],
        [42.48, "scheduled"],
      ])
      expect(healed.events.filter((e: any) => e.type === "alma.refund").map((e: any) => e.data)).toEqual([
        expect.objectContaining({ refundId, amount: 8496, rebate: 8496, alreadyAtAlma: true }),
      ])
      expect(await operationOf(`alma-refund:${refundId}`)).toMatchObject({ status: "completed", legs: [{ status: "succeeded" }] })

      // Medusa asks again with the same refund: Alma is not asked twice, nothing new is written.
      const session = { ...(await medusaOrder(api, shop, orderId)).payment_collections[0].payments[0].data }
      await almaProvider().refundPayment({ amount: 84.96, data: session, context: { idempotency_key: refundId } })
      expect(alma.state.payment(pid).refunds).toHaveLength(1)
      expect((await planById(api, shop, plan.id)).events).toHaveLength(healed.events.length)
    })

    it("Alma unreachable as the refund is sent: Medusa's refund stands, the refund is owed; the job sends it once, when its driver is gone", async () => {
      const { pid, plan, paymentId } = await almaOrder()
      alma.state.beforeAnswer = (call) => {
        if (call.method === "POST" && call.path.endsWith("/refund")) alma.state.down = "network"
      }
      const refund = await api.post(`/admin/payments/${paymentId}/refund`, { amount: 20 }, { headers: shop.adminHeaders }).catch((e: any) => e.response)
      alma.state.beforeAnswer = null
      alma.state.down = false
      expect(refund.status).toBe(200)
      const refundId = refund.data.payment.refunds[0].id
      expect(alma.state.payment(pid).refunds).toEqual([])
      const key = `alma-refund:${refundId}`
      expect(await operationOf(key)).toMatchObject({ status: "executing" })

      // A call may still be on its way: the job waits until the operation is stale.
      expect(await syncAlmaPlans(getContainer())).toMatchObject({ settled: 0, waiting: 1 })
      expect(alma.state.payment(pid).refunds).toEqual([])
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await pg.raw(`update instalment_operation set updated_at = now() - interval '1 hour' where idempotency_key = ?`, [key])
      expect(await syncAlmaPlans(getContainer())).toMatchObject({ settled: 1, waiting: 0 })
      expect(alma.state.payment(pid).refunds.map((r) => [r.amount, r.merchant_reference])).toEqual([[2000, refundId]])
      expect(await operationOf(key)).toMatchObject({ status: "completed", legs: [{ status: "succeeded" }] })
      const after = await planById(api, shop, plan.id)
      expect(after.events.filter((e: any) => e.type === "alma.refund").map((e: any) => e.data.refundId)).toEqual([refundId])
      expect(await syncAlmaPlans(getContainer())).toMatchObject({ settled: 0, waiting: 0 })
      expect(alma.state.payment(pid).refunds).toHaveLength(1)
    })

    it("a refund Alma refuses moves nothing: the operation is declined with Alma's reason, and the same refund asked again gets the same answer without asking Alma", async () => {
      const { pid, orderId, plan } = await almaOrder()
      const session = { ...(await medusaOrder(api, shop, orderId)).payment_collections[0].payments[0].data }
      const refundCalls = () => alma.state.requests.filter((r) => r.method === "POST" && r.path === `/v1/payments/${pid}/refund`).length
      // More than the purchase: Alma answers 400 (validation_error on amount).
      const tooMuch = { amount: 300, data: session, context: { idempotency_key: "ref_too_much" } }
      await expect(almaProvider().refundPayment(tooMuch)).rejects.toThrow(/alma_refused: .*Impossible de rembourser plus que le montant de l'achat/)
      expect(refundCalls()).toBe(1)
      expect(await operationOf("alma-refund:ref_too_much")).toMatchObject({
        status: "declined",
        legs: [{ kind: "refund", processor: "alma", amount_cents: 30000, status: "failed", processor_reference: null }],
      })
      const refused = (await planById(api, shop, plan.id)).events.filter((e: any) => e.type === "alma.request_refused")
      expect(refused.map((e: any) => e.data)).toEqual([expect.objectContaining({ action: "refund", reference: "ref_too_much", amount: 30000, status: 400 })])
      await expect(almaProvider().refundPayment(tooMuch)).rejects.toThrow(/alma_refused/)
      expect(refundCalls()).toBe(1)
      expect(alma.state.payment(pid).refunds).toEqual([])
    })

    it("the hourly sync pages by plan id: a plan that leaves the running ones does not make it skip the next", async () => {
      const a = await almaOrder()
      const b = await almaOrder()
      expect(a.plan.id < b.plan.id).toBe(true)
      // Alma collects the rest of A (A completes, leaving the running plans) and B's second instalment.
      alma.state.now = () => new Date("2027-02-28T09:00:00Z")
      alma.state.collectInstalment(a.pid, 2)
      alma.state.collectInstalment(a.pid, 3)
      alma.state.collectInstalment(b.pid, 2)
      expect(await syncAlmaPlans(getContainer(), { pageSize: 1 })).toMatchObject({ examined: 2, changed: 2, errors: 0 })
      expect(await planById(api, shop, a.plan.id)).toMatchObject({ status: "completed" })
      expect((await planById(api, shop, b.plan.id)).instalments.map((i: any) => i.status)).toEqual(["paid", "paid", "scheduled"])
    })

    it("cancelling the order refunds it at Alma: the unpaid instalments written off, the 84.98 € paid back, the plan cancelled", async () => {
      const { pid } = await almaCheckout()
      alma.state.accept(pid)
      const orderId = (await ipn(pid)).data.order_id
      const plan = await planOfOrder(api, shop, orderId)
      await api.post(`/admin/orders/${orderId}/cancel`, {}, { headers: shop.adminHeaders })
      const payment = alma.state.payment(pid)
      expect(payment.refunds).toHaveLength(1)
      expect(payment.refunds[0]).toMatchObject({ amount: 25490, rebate_amount: 16992, payment_refund_amount: 8498 })
      const after = await planById(api, shop, plan.id)
      expect(after).toMatchObject({ status: "cancelled", refunded_total: 84.98, outstanding_total: 0, order_total: 0 })
      expect(after.instalments.map((i: any) => [i.amount, i.status])).toEqual([
        [84.98, "paid"],
        [0, "cancelled"],
        [0, "cancelled"],
      ])
      expect(after.events.map((e: any) => e.type)).toEqual(expect.arrayContaining(["alma.refund", "plan.status_changed"]))
    })

    it("reports an admin's fraud flag to Alma once; the hourly sync mirrors what Alma collected without an IPN", async () => {
      const { pid } = await almaCheckout()
      alma.state.accept(pid)
      const orderId = (await ipn(pid)).data.order_id
      const plan = await planOfOrder(api, shop, orderId)

      await api.post(`/admin/instalment-plans/${plan.id}/flag-fraud`, { reason: "stolen identity reported by the bank" }, { headers: shop.adminHeaders })
      expect(await fraudFlagsOf(pid)).toEqual([{ payment: pid, reason: "stolen identity reported by the bank" }])
      // The subscriber records the report once Alma has answered: read the history once it is there.
      const flagged = await waitFor(
        () => planById(api, shop, plan.id),
        (view) => view.events.some((e: any) => e.type === "alma.fraud_reported"),
      )
      expect(flagged.events.filter((e: any) => e.type === "alma.fraud_reported")).toHaveLength(1)

      // Alma takes the second instalment; no IPN reaches the store. The job asks Alma.
      alma.state.now = () => new Date("2027-02-28T09:00:00Z")
      alma.state.collectInstalment(pid, 2)
      expect(await syncAlmaPlans(getContainer())).toMatchObject({ examined: 1, changed: 1, errors: 0 })
      const synced = await planById(api, shop, plan.id)
      expect(synced).toMatchObject({ paid_total: 169.94, outstanding_total: 84.96, fraud_flagged: true })
      expect(synced.instalments.map((i: any) => i.status)).toEqual(["paid", "paid", "scheduled"])
      // Nothing new at Alma: the next run writes nothing.
      expect(await syncAlmaPlans(getContainer())).toMatchObject({ examined: 1, changed: 0 })
      expect(await fraudFlagsOf(pid)).toHaveLength(1)
    })

    it("asks Alma's quote for a cart only: without cart_id, a 400 and no call to Alma", async () => {
      const eligibilityCalls = () => alma.state.requests.filter((r) => r.path === "/v2/payments/eligibility").length
      const before = eligibilityCalls()
      const noCart = await api
        .get("/store/instalments/quote?amount=249.00&currency_code=eur&country_code=fr&provider=alma", { headers: headers() })
        .catch((e: any) => e.response)
      expect(noCart.status).toBe(400)
      expect(noCart.data.message).toContain('query parameter "cart_id" is required with provider=alma')
      expect(eligibilityCalls()).toBe(before)
    })

    it("quotes from Alma's eligibility endpoint for a cart (provider=alma): one call for every plan, the same view as the engine's, cached a few minutes, never retried", async () => {
      // A time no other test of this file quotes at: the cache starts empty for it.
      const noon = new Date("2027-01-31T12:00:00Z")
      instalmentsOf(getContainer()).clock.set(noon)
      const eligibilityCalls = () => alma.state.requests.filter((r) => r.path === "/v2/payments/eligibility").length
      const quote = (query: string) => api.get(`/store/instalments/quote?${query}`, { headers: headers() }).catch((e: any) => e.response)
      const before = eligibilityCalls()

      const chair = await cartWith(api, shop, "office-chair")
      const { data } = await quote(`cart_id=${chair}&locale=fr&provider=alma`)
      expect(eligibilityCalls()).toBe(before + 1)
      expect(data).toMatchObject({ currency_code: "eur", total: 254.9, country_code: "fr", provider: "alma" })
      expect(data.plans.map((p: any) => p.code)).toEqual(["p2x", "p3x", "p4x"])
      const p3x = data.plans.find((p: any) => p.code === "p3x")
      expect(p3x).toMatchObject({ eligible: true, reasons: [], label: "Payer en 3 fois", total: 254.9, customer_fee_total: 0 })
      expect(p3x.instalments.map((i: any) => [i.due_date, i.amount])).toEqual([
        ["2027-01-31", 84.98],
        ["2027-02-28", 84.96],
        ["2027-03-31", 84.96],
      ])

      // The same amount and country, from another cart and in another language: Alma's answer from the cache.
      const sameAmount = await cartWith(api, shop, "office-chair")
      const again = await quote(`cart_id=${sameAmount}&locale=de&provider=alma`)
      expect(again.data.plans.find((p: any) => p.code === "p3x")).toMatchObject({ eligible: true, label: "In 3 Raten zahlen" })
      expect(eligibilityCalls()).toBe(before + 1)

      const lamp = await quote(`cart_id=${await cartWith(api, shop, "desk-lamp")}&locale=fr&provider=alma`)
      expect(lamp.data.plans.every((p: any) => !p.eligible && p.reasons[0].code === "amount_below_minimum")).toBe(true)
      expect(lamp.data.plans[0].reasons[0].message).toMatch(/50,00\s€/)
      expect(eligibilityCalls()).toBe(before + 2)

      // Six minutes later the answer is asked again.
      instalmentsOf(getContainer()).clock.set(new Date(noon.getTime() + 6 * 60_000))
      expect((await quote(`cart_id=${chair}&provider=alma`)).status).toBe(200)
      expect(eligibilityCalls()).toBe(before + 3)

      // Alma failing: one attempt (no retries on behalf of an anonymous caller), a clear 502.
      alma.state.down = "http"
      const desk = await cartWith(api, shop, "standing-desk")
      const down = await quote(`cart_id=${desk}&provider=alma`)
      expect(down.status).toBe(502)
      expect(down.data.message).toContain("Alma could not check eligibility")
      expect(eligibilityCalls()).toBe(before + 4)
      // What is cached still answers, and the engine's own quote does not depend on Alma.
      expect((await quote(`cart_id=${chair}&provider=alma`)).status).toBe(200)
      expect((await quote("amount=249.00&currency_code=eur&country_code=fr")).status).toBe(200)
      expect(eligibilityCalls()).toBe(before + 4)
    })
  },
})
