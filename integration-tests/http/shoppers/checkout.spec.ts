/**
 * Checkout in instalments, end to end on a real Medusa app and Postgres, through the Store API as
 * a storefront would: cart → address → shipping → payment session with a plan → complete.
 * The sandbox card processor is the plugin's own offline adapter; its clock is set so that the
 * due dates are known (31 January: the next ones fall on 28 February and 31 March).
 */
import { shopRunner } from "../../helpers/shared-app"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  cartPaymentSessions,
  cartWith as shopCart,
  instalmentsOf,
  madeBeforeAll,
  privateLeaks,
  placeOrder as shopOrder,
  planOfOrder as shopPlanOfOrder,
  sandboxRecords,
  SHOPPER,
  startSession as shopSession,
  storedPaymentData,
  storedSessionData,
  useShop,
} from "../../helpers/shop"

jest.setTimeout(240_000)

const CHECKOUT_DAY = new Date("2027-01-31T10:00:00Z")

shopRunner({
  testSuite: ({ api, getContainer }) => {
    const shop = useShop(api, getContainer, CHECKOUT_DAY)
    let headers: Record<string, string>
    let adminHeaders: Record<string, string>

    beforeEach(() => {
      headers = shop.storeHeaders
      adminHeaders = shop.adminHeaders
    })

    const instalments = () => instalmentsOf(getContainer())
    const cartWith = (handle: string, country = "fr") => shopCart(api, shop, handle, country)
    /** A cart with the office chair, shipped to France, made before the tests: most of them check it out. */
    const chairCart = madeBeforeAll(getContainer, CHECKOUT_DAY, () => cartWith("office-chair"))
    const startSession = (cartId: string, data: Record<string, unknown>) => shopSession(api, shop, cartId, data)
    const shopper = SHOPPER
    const placeOrder = (handle: string, data: Record<string, unknown>) => shopOrder(api, shop, handle, data)
    const planOfOrder = (orderId: string) => shopPlanOfOrder(api, shop, orderId)

    async function sessionIdsOf(cartId: string): Promise<string[]> {
      const { data } = await api.get(`/store/carts/${cartId}?fields=*payment_collection.payment_sessions`, { headers })
      return data.cart.payment_collection.payment_sessions.map((s: { id: string }) => s.id)
    }

    /** The cart's successful charges in the sandbox processor's own records (as a processor dashboard lists them). */
    async function chargesInSandbox(cartId: string) {
      const sessionIds = await sessionIdsOf(cartId)
      return (await sandboxRecords(getContainer(), "charge:")).filter(
        (charge) => charge.status === "succeeded" && sessionIds.includes(charge.metadata?.payment_session_id)
      )
    }

    async function allPlans() {
      const { data } = await api.get("/admin/instalment-plans", { headers: adminHeaders })
      return data
    }

    async function expectRefusedAtSession(cartId: string, data: Record<string, unknown>, code: string) {
      const error = await startSession(cartId, { ...shopper, ...data }).catch((e: any) => e.response)
      expect(error.status).toBe(400)
      expect(error.data.message).toContain(code)
      return error.data.message as string
    }

    it("pays an office chair in 3: 254.90 € = 84.98 today + 84.96 on 28 Feb + 84.96 on 31 Mar", async () => {
      const cartId = await chairCart()
      const session = await startSession(cartId, { ...shopper, plan: "p3x", card_token: "tok_visa" })
      const sessionData = session.data.payment_collection.payment_sessions[0].data
      expect(sessionData.schedule.instalments).toEqual([
        { number: 1, due_date: "2027-01-31", amount: 84.98, customer_fee: 0 },
        { number: 2, due_date: "2027-02-28", amount: 84.96, customer_fee: 0 },
        { number: 3, due_date: "2027-03-31", amount: 84.96, customer_fee: 0 },
      ])
      expect(sessionData.schedule.label).toBe("Payer en 3 fois")
      expect(sessionData.schedule.credit_warning).toContain("Un crédit vous engage et doit être remboursé")
      expect(sessionData.card).toMatchObject({ brand: "Visa", last4: "5556", funding: "debit", country: "fr" })
      expect(JSON.stringify(sessionData)).not.toMatch(/\d{13,19}/)

      const res = await api.post(`/store/carts/${cartId}/complete`, {}, { headers })
      expect(res.data.type).toBe("order")
      const order = res.data.order
      const plan = await planOfOrder(order.id)
      expect(plan).toMatchObject({
        order_id: order.id,
        plan_code: "p3x",
        status: "active",
        currency_code: "eur",
        total: 254.9,
        paid_total: 84.98,
        refunded_total: 0,
        outstanding_total: 169.92,
        customer_fee_total: 0,
        email: "lea.martin@example.com",
        phone: "+33612345678",
        locale: "fr",
        card: { brand: "Visa", last4: "5556", funding: "debit", country: "fr", network: "visa" },
        terms_version: "2026-11",
      })
      expect(plan.instalments.map((i: any) => [i.number, i.due_date, i.amount, i.status])).toEqual([
        [1, "2027-01-31", 84.98, "paid"],
        [2, "2027-02-28", 84.96, "scheduled"],
        [3, "2027-03-31", 84.96, "scheduled"],
      ])
      expect(plan.events.map((e: any) => e.type)).toEqual(expect.arrayContaining(["plan.created", "plan.order_attached"]))
      // A redelivered order.placed attaches nothing and writes no second event.
      expect(await instalments().attachOrder({ planId: plan.id, orderId: order.id })).toEqual({ attached: false })
      const events = await instalments().listInstalmentPlanEvents({ plan_id: plan.id, type: "plan.order_attached" })
      expect(events.map((e) => [e.actor, e.data])).toEqual([["medusa", { orderId: order.id }]])

      // To Medusa the order is paid in full.
      const { data: adminOrder } = await api.get(`/admin/orders/${order.id}?fields=payment_status,*payment_collections.payments`, { headers: adminHeaders })
      expect(adminOrder.order.payment_status).toBe("captured")
      // query.graph reaches the plan through the module link.
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: linked } = await query.graph({ entity: "order", fields: ["id", "instalment_plan.id"], filters: { id: order.id } })
      expect(linked[0].instalment_plan?.id).toBe(plan.id)
    })

    /** What the Store API shows of the cart's sessions and what Postgres stores: nothing of the shopper's. */
    async function expectNothingPrivate(cartId: string, sessionId: string) {
      const shown = await cartPaymentSessions(api, shop, cartId)
      expect(shown.map((s: any) => s.id)).toEqual([sessionId])
      expect(privateLeaks(shown[0].data)).toEqual([])
      expect(privateLeaks(await storedSessionData(getContainer(), sessionId))).toEqual([])
    }

    it("keeps the shopper's phone, e-mail, card reference and card token out of the session Medusa stores and shows (initiate, update, authorise)", async () => {
      const cartId = await chairCart()
      const { data } = await startSession(cartId, { ...shopper, plan: "p3x", card_token: "tok_visa" })
      const session = data.payment_collection.payment_sessions[0]
      expect(privateLeaks(session.data)).toEqual([])
      await expectNothingPrivate(cartId, session.id)
      // What the storefront shows: the plan, its schedule and a card summary.
      expect(session.data).toMatchObject({ plan: "p3x", locale: "fr", amount_cents: 25490, currency_code: "eur" })
      expect(session.data.card).toEqual({ brand: "Visa", network: "visa", last4: "5556", funding: "debit", exp_month: expect.any(Number), exp_year: expect.any(Number), country: "fr" })

      // The cart's amount changes (Medusa's update, with the session's own data), then a new card and phone.
      const payments = getContainer().resolve(Modules.PAYMENT)
      await payments.updatePaymentSession({ id: session.id, amount: 300, currency_code: "eur", data: session.data })
      await expectNothingPrivate(cartId, session.id)
      const stored = (await storedSessionData(getContainer(), session.id)) as Record<string, unknown>
      await payments.updatePaymentSession({
        id: session.id,
        amount: 254.9,
        currency_code: "eur",
        data: { ...stored, card_token: "tok_mastercard", phone: "+33 6 98 76 54 32" },
      })
      await expectNothingPrivate(cartId, session.id)
      expect((await storedSessionData(getContainer(), session.id))?.card).toMatchObject({ brand: "Mastercard", last4: "4444" })

      const res = await api.post(`/store/carts/${cartId}/complete`, {}, { headers })
      expect(res.data.type).toBe("order")
      await expectNothingPrivate(cartId, session.id)
      expect(privateLeaks(await storedPaymentData(getContainer(), session.id))).toEqual([])
      // The plan has them: they were kept server-side, with the last card and phone the shopper gave.
      const plan = await planOfOrder(res.data.order.id)
      expect(plan).toMatchObject({ email: "lea.martin@example.com", phone: "+33698765432", card: { brand: "Mastercard", last4: "4444" } })
    })

    it("refuses card numbers and security codes anywhere in the session data, without repeating them, and names unknown keys", async () => {
      const cartId = await chairCart()
      const base = { ...shopper, plan: "p3x", card_token: "tok_visa" }
      for (const extra of [
        { card_number: "4111 1111 1111 1111" },
        { cvc: "987" },
        { CVV: 987 },
        { pan: "4111111111111111" },
        { note: "my card is 4111-1111-1111-1111" },
        { gift: { message: ["card", 4111111111111111] } },
        { card_token: "4000 0027 6000 3184" },
      ]) {
        const res = await startSession(cartId, { ...base, ...extra }).catch((e: any) => e.response)
        expect([JSON.stringify(extra), res.status]).toEqual([JSON.stringify(extra), 400])
        expect(res.data.message).toMatch(/card number|security code/)
        expect(res.data.message).not.toMatch(/4111|987|3184/)
      }
      // A phone number can have 13 digits: it is checked as a phone, and not repeated either.
      const phone = await startSession(cartId, { ...base, phone: "4111111111111111" }).catch((e: any) => e.response)
      expect([phone.status, phone.data.message]).toEqual([400, "data.phone is not a mobile number: write it in international form, e.g. +33 6 12 34 56 78"])
      const unknown = await startSession(cartId, { ...base, gift_wrap: true }).catch((e: any) => e.response)
      expect(unknown.status).toBe(400)
      expect(unknown.data.message).toContain('data.gift_wrap')
      expect(unknown.data.message).toContain("plan, card_token, phone, locale")
      // Nothing was kept: no session, and no token inside the processor's idempotency keys.
      expect(await sessionIdsOf(cartId)).toEqual([])
      await startSession(cartId, base)
      const store = (instalments().processor as any).store
      const keys = (await store.list("idem:")).map(([key]: [string]) => key)
      expect(keys.filter((key: string) => key.includes("tok_"))).toEqual([])
    })

    it("pays later in 30 days: the card is verified, nothing is charged, one payment on 2 March", async () => {
      const { order } = await placeOrder("office-chair", { plan: "d30", card_token: "tok_mastercard" })
      const plan = await planOfOrder(order.id)
      expect(plan).toMatchObject({ plan_code: "d30", status: "active", paid_total: 0, outstanding_total: 254.9 })
      expect(plan.instalments.map((i: any) => [i.number, i.due_date, i.amount, i.status])).toEqual([[1, "2027-03-02", 254.9, "scheduled"]])
    })

    it.each([
      ["tok_prepaid", "p3x", "card_prepaid"],
      ["tok_virtual", "p3x", "card_virtual"],
      ["tok_maestro", "p3x", "card_systematic_authorisation"],
      ["tok_non_eu", "p3x", "card_issuer_country"],
      ["tok_expires_soon", "p4x", "card_expires_too_soon"],
    ])("refuses %s for %s with %s before anything is charged", async (token, plan, code) => {
      const cartId = await chairCart()
      const message = await expectRefusedAtSession(cartId, { plan, card_token: token }, code)
      expect(message.length).toBeGreaterThan(code.length + 10)
      expect((await allPlans()).count).toBe(0)
    })

    it.each([
      ["tok_declined", "card_declined"],
      ["tok_credit_refused", "credit_refused"],
    ])("refuses %s at completion with %s: no order, no charge, no plan", async (token, code) => {
      const cartId = await chairCart()
      await startSession(cartId, { ...shopper, plan: "p3x", card_token: token })
      const error = await api.post(`/store/carts/${cartId}/complete`, {}, { headers }).catch((e: any) => e.response)
      expect(error.status).toBe(400)
      expect(error.data.message).toContain(code)
      const { data: cart } = await api.get(`/store/carts/${cartId}?fields=completed_at`, { headers })
      expect(cart.cart.completed_at).toBeNull()
      expect((await allPlans()).count).toBe(0)
      const [sessionId] = await sessionIdsOf(cartId)
      const charge = await instalments().processor.findChargeByIdempotencyKey(`${sessionId}:checkout`)
      expect(charge.ok && (charge.value === null || charge.value.status === "failed")).toBe(true)
      expect(await chargesInSandbox(cartId)).toHaveLength(0)
    })

    it("refuses a country outside the plugin's countries (NL) and amounts outside the bounds", async () => {
      const nl = await cartWith("office-chair", "nl")
      await expectRefusedAtSession(nl, { plan: "p3x", card_token: "tok_visa" }, "country_not_supported")
      const lamp = await cartWith("desk-lamp")
      await expectRefusedAtSession(lamp, { plan: "p3x", card_token: "tok_visa" }, "amount_below_minimum")
      const espresso = await cartWith("espresso-machine")
      await expectRefusedAtSession(espresso, { plan: "p3x", card_token: "tok_visa" }, "amount_above_maximum")
    })

    it("answers 400 with the reason for an unknown plan, a missing token or a malformed phone", async () => {
      const cartId = await chairCart()
      expect(await expectRefusedAtSession(cartId, { plan: "p5x", card_token: "tok_visa" }, "data.plan")).toContain("p2x, p3x, p4x, d15, d30")
      expect(await expectRefusedAtSession(cartId, { plan: "p3x" }, "data.card_token")).toBeTruthy()
      expect(await expectRefusedAtSession(cartId, { plan: "p3x", card_token: "tok_visa", phone: "12" }, "data.phone")).toContain("+33")
      expect(await expectRefusedAtSession(cartId, { plan: "p3x", card_token: "tok_unknown" }, "data.card_token")).toBeTruthy()
    })

    it("quotes the session again when the cart's amount changes, with the same plan and card", async () => {
      const cartId = await chairCart()
      const session = (await startSession(cartId, { ...shopper, plan: "p3x", card_token: "tok_visa" })).data.payment_collection.payment_sessions[0]
      const payments = getContainer().resolve(Modules.PAYMENT)
      const updated = await payments.updatePaymentSession({ id: session.id, amount: 300, currency_code: "eur", data: session.data })
      const data = updated.data as any
      expect(data.schedule.instalments.map((i: any) => i.amount)).toEqual([100, 100, 100])
      expect(data.card.last4).toBe("5556")
      const tooSmall = await payments
        .updatePaymentSession({ id: session.id, amount: 30, currency_code: "eur", data: session.data })
        .catch((e: Error) => e)
      expect((tooSmall as Error).message).toContain("amount_below_minimum")
    })

    it("gives two concurrent completions of one cart one order, one plan and one charge", async () => {
      const cartId = await cartWith("standing-desk")
      await startSession(cartId, { ...shopper, plan: "p4x", card_token: "tok_cb" })
      const [a, b] = await Promise.all([
        api.post(`/store/carts/${cartId}/complete`, {}, { headers }),
        api.post(`/store/carts/${cartId}/complete`, {}, { headers }),
      ])
      expect(a.data.order.id).toBe(b.data.order.id)
      const plan = await planOfOrder(a.data.order.id)
      expect((await allPlans()).count).toBe(1)
      // 1,304.90 € in 4: 326.24 + 3 × 326.22
      expect(plan.instalments.map((i: any) => i.amount)).toEqual([326.24, 326.22, 326.22, 326.22])
      expect(plan.paid_total).toBe(326.24)
      expect(await chargesInSandbox(cartId)).toHaveLength(1)
    })

    it("writes one plan and charges once when one session is authorised twice at once, then again", async () => {
      const cartId = await chairCart()
      const { data } = await startSession(cartId, { ...shopper, plan: "p3x", card_token: "tok_visa" })
      const sessionData = data.payment_collection.payment_sessions[0].data
      // The provider's authorisation, as Medusa calls it: two racing for the session, then a replay.
      const racing = await Promise.all([instalments().authorizeCheckout(sessionData), instalments().authorizeCheckout(sessionData)])
      const replay = await instalments().authorizeCheckout(sessionData)
      const planIdOf = (answer: Awaited<typeof replay>) => (answer.status === "placed" ? answer.plan.id : answer.status)
      const planId = planIdOf(racing[0])
      expect([planIdOf(racing[1]), planIdOf(replay)]).toEqual([planId, planId])
      expect(await instalments().listInstalmentPlans({ payment_session_id: sessionData.session_id })).toHaveLength(1)
      expect(await instalments().listInstalments({ plan_id: planId })).toHaveLength(3)
      const events = await instalments().listInstalmentPlanEvents({ plan_id: planId })
      expect(events.map((e) => e.type).sort()).toEqual(["plan.charge_succeeded", "plan.created"])
      const charges = await chargesInSandbox(cartId)
      expect(charges).toHaveLength(1)
      // The replays got the processor's first answer, the plan's own charge: nothing to give back.
      const [charge] = charges
      expect((await sandboxRecords(getContainer(), "refund:")).filter((r) => r.chargeId === charge.chargeId)).toEqual([])
    })

    it("quotes every plan for a product page and for a cart, in the shopper's language", async () => {
      const { data } = await api.get("/store/instalments/quote?amount=249.00&currency_code=eur&country_code=fr&locale=de", { headers })
      expect(data.currency_code).toBe("eur")
      expect(data.total).toBe(249)
      expect(data.plans.map((p: any) => p.code)).toEqual(["p2x", "p3x", "p4x", "d15", "d30"])
      const p3x = data.plans.find((p: any) => p.code === "p3x")
      expect(p3x).toMatchObject({ eligible: true, reasons: [], total: 249, customer_fee_total: 0 })
      expect(p3x.instalments.map((i: any) => i.amount)).toEqual([83, 83, 83])
      expect(p3x.label).toBe("In 3 Raten zahlen")

      const lamp = await api.get("/store/instalments/quote?amount=39.00&currency_code=eur&country_code=fr&locale=fr", { headers })
      expect(lamp.data.plans.every((p: any) => !p.eligible && p.reasons[0].code === "amount_below_minimum")).toBe(true)
      expect(lamp.data.plans[0].reasons[0].message).toMatch(/50,00\s€/)

      const cartId = await chairCart()
      const byCart = await api.get(`/store/instalments/quote?cart_id=${cartId}&locale=fr`, { headers })
      expect(byCart.data.total).toBe(254.9)
      expect(byCart.data.plans.find((p: any) => p.code === "p3x").label).toBe("Payer en 3 fois")
      const byHeader = await api.get("/store/instalments/quote?amount=249.00&currency_code=eur&country_code=fr", {
        headers: { ...headers, "x-medusa-locale": "it-IT" },
      })
      expect(byHeader.data.plans.find((p: any) => p.code === "p3x").label).toBe("Pagamento in 3 rate")
      expect(byCart.data.plans.find((p: any) => p.code === "p3x").instalments.map((i: any) => i.amount)).toEqual([84.98, 84.96, 84.96])
    })

    it("answers 400 naming the parameter for a bad quote request", async () => {
      for (const [query, expected] of [
        ["", "cart_id"],
        ["amount=abc&currency_code=eur&country_code=fr", "amount"],
        ["amount=10.001&currency_code=eur&country_code=fr", "amount"],
        ["amount=10&currency_code=euro&country_code=fr", "currency_code"],
        ["amount=10&currency_code=eur&country_code=fra", "country_code"],
      ]) {
        const res = await api.get(`/store/instalments/quote?${query}`, { headers }).catch((e: any) => e.response)
        expect(res.status).toBe(400)
        expect(res.data.message).toContain(expected)
      }
    })

    it("keeps the admin routes for admins, and filters and pages plans", async () => {
      const anonymous = await api.get("/admin/instalment-plans").catch((e: any) => e.response)
      expect(anonymous.status).toBe(401)

      const first = await placeOrder("office-chair", { plan: "p3x", card_token: "tok_visa" })
      const second = await placeOrder("standing-desk", { plan: "p2x", card_token: "tok_amex" })
      await planOfOrder(first.order.id)
      await planOfOrder(second.order.id)

      const page = await api.get("/admin/instalment-plans?limit=1&offset=0", { headers: adminHeaders })
      expect(page.data).toMatchObject({ count: 2, limit: 1, offset: 0 })
      expect(page.data.instalment_plans).toHaveLength(1)
      const byCode = await api.get("/admin/instalment-plans?plan_code=p2x", { headers: adminHeaders })
      expect(byCode.data.instalment_plans.map((p: any) => p.order_id)).toEqual([second.order.id])
      const byStatus = await api.get("/admin/instalment-plans?status=active,late", { headers: adminHeaders })
      expect(byStatus.data.count).toBe(2)
      const byDisplayId = await api.get(`/admin/instalment-plans?q=${first.order.display_id}`, { headers: adminHeaders })
      expect(byDisplayId.data.instalment_plans.map((p: any) => p.order_id)).toEqual([first.order.id])
      const byEmail = await api.get("/admin/instalment-plans?q=lea.martin", { headers: adminHeaders })
      expect(byEmail.data.count).toBe(2)
      const bad = await api.get("/admin/instalment-plans?status=paid", { headers: adminHeaders }).catch((e: any) => e.response)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("status")
      const missing = await api.get("/admin/instalment-plans/iplan_missing", { headers: adminHeaders }).catch((e: any) => e.response)
      expect(missing.status).toBe(404)
    })
  },
})
