/**
 * A logged-in customer's plans (docs/business-rules.md §5): the plans of their own checkouts are
 * theirs, a guest's plan is nobody's, whatever e-mail the guest typed. Apart from self-service.spec,
 * whose tests all start with a guest's order placed before them: here who has ordered what, and when,
 * is what is tested. Orders are placed through the Store API on 31 January 2027 with the sandbox
 * processor: the office chair and its shipping, 254.90 € in 3.
 */
import { shopRunner } from "../../helpers/shared-app"
import { registeredCustomer } from "../../helpers/customers"
import { cents, laterCharges, placeOrder, planById, planOfOrder, useShop } from "../../helpers/shop"

jest.setTimeout(240_000)

const CHECKOUT_DAY = new Date("2027-01-31T10:00:00Z")

shopRunner({
  testSuite: ({ api, getContainer }) => {
    const shop = useShop(api, getContainer, CHECKOUT_DAY)

    /** A p3x office chair ordered as a guest who types `email`; its plan as the admin sees it. */
    async function chairInThree(email?: string) {
      const { order } = await placeOrder(api, shop, "office-chair", { plan: "p3x", card_token: "tok_visa", locale: "fr" }, email)
      return { plan: await planOfOrder(api, shop, order.id) }
    }

    const store = (planId: string, action = "") => `/store/instalment-plans/${planId}${action ? `/${action}` : ""}`

    function post(url: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
      return api.post(url, body, { headers: { ...shop.storeHeaders, ...headers } }).catch((e: any) => e.response)
    }

    function get(url: string, headers: Record<string, string> = {}) {
      return api.get(url, { headers: { ...shop.storeHeaders, ...headers } }).catch((e: any) => e.response)
    }

    /** The customer's own checkout: the cart belongs to them (Medusa sets cart.customer_id from the session). */
    async function customerOrder(auth: Record<string, string>, email?: string) {
      const { order } = await placeOrder(api, { ...shop, storeHeaders: { ...shop.storeHeaders, ...auth } }, "office-chair", { plan: "p3x", card_token: "tok_visa" }, email)
      return planOfOrder(api, shop, order.id)
    }

    it("lets a logged-in customer see and change only their own plans", async () => {
      const lea = await registeredCustomer(api, shop.storeHeaders, "lea@example.com")
      const paul = await registeredCustomer(api, shop.storeHeaders, "paul@example.com")
      const plan = await customerOrder(lea)
      await chairInThree() // a guest's plan, nobody's account

      const mine = await get("/store/customers/me/instalment-plans", lea)
      expect(mine.status).toBe(200)
      expect(mine.data).toMatchObject({ count: 1, limit: 20, offset: 0 })
      expect(mine.data.instalment_plans.map((p: any) => [p.id, cents(p.total)])).toEqual([[plan.id, 25490]])
      const others = await get("/store/customers/me/instalment-plans", paul)
      expect(others.data).toMatchObject({ count: 0, instalment_plans: [] })
      expect((await get("/store/customers/me/instalment-plans")).status).toBe(401)

      expect((await get(store(plan.id), lea)).status).toBe(200)
      // Another customer's plan answers exactly as a plan that does not exist: no way to tell them apart.
      const unknownId = plan.id.replace(/.$/, (c: string) => (c === "0" ? "1" : "0"))
      for (const [id, path] of [
        [plan.id, store(plan.id)],
        [unknownId, store(unknownId)],
      ]) {
        const read = await get(path, paul)
        expect([read.status, read.data.message]).toEqual([404, `Instalment plan ${id} was not found`])
        const act = await post(`${path}/pay-early`, { scope: "next" }, paul)
        expect([act.status, act.data.message]).toEqual([404, `Instalment plan ${id} was not found`])
      }
      expect(await laterCharges(getContainer(), plan.id)).toEqual([])

      const postponed = await post(store(plan.id, "postpone"), { instalment_number: 2, days: 3 }, lea)
      expect(postponed.status).toBe(200)
      expect(postponed.data.instalment_plan.instalments[1].due_date).toBe("2027-03-03")
      const events = (await planById(api, shop, plan.id)).events
      expect(events.find((e: any) => e.type === "plan.postponed").actor).toMatch(/^customer:cus_/)
    })

    it("does not give a guest's plan to the registered customer whose e-mail the guest typed", async () => {
      // Medusa attaches a guest cart to the registered customer with the e-mail typed at checkout.
      // An address no cart of the store had: the app's ready carts (helpers/shop.ts) are guest carts
      // of SHOPPER_EMAIL, whose guest customer Medusa would give the cart instead.
      const email = "lea.dupont@example.com"
      const lea = await registeredCustomer(api, shop.storeHeaders, email)
      // Ordered after she registered: Medusa then gives the guest cart her customer.
      const { plan } = await chairInThree(email)
      // Medusa's customer of the cart (what the admin's customer page shows) is hers; the plan's owner is nobody.
      expect(plan.customer_id).toMatch(/^cus_/)
      expect(plan.owner_customer_id).toBeNull()
      expect((await get("/store/customers/me/instalment-plans", lea)).data).toMatchObject({ count: 0, instalment_plans: [] })
      const read = await get(store(plan.id), lea)
      expect([read.status, read.data.message]).toEqual([404, `Instalment plan ${plan.id} was not found`])
      // Her own checkout, logged in, is hers.
      const own = await customerOrder(lea, email)
      expect(own.owner_customer_id).toBe(plan.customer_id)
      expect((await get("/store/customers/me/instalment-plans", lea)).data.instalment_plans.map((p: any) => p.id)).toEqual([own.id])
    })
  },
})
