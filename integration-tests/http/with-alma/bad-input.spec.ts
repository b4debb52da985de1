/**
 * Whatever a caller sends, the plugin answers a 4xx that says what is wrong and how to fix it, and
 * writes nothing: wrongly typed fields (arrays, objects, numbers where text is expected), huge
 * texts, unknown keys, on the payment sessions of both providers, the Store routes and the admin
 * routes. A real Medusa app on Postgres; Alma is the plugin's fake behind msw.
 */
import { ALMA_PROVIDER, useFakeAlma, WITH_ALMA } from "../../helpers/alma"
import { registeredCustomer } from "../../helpers/customers"
import { cartPaymentSessions, cartWith, INSTALMENTS_PROVIDER, placeOrder, planOfOrder, SHOPPER, useShop } from "../../helpers/shop"
import { shopRunner } from "../../helpers/shared-app"

jest.setTimeout(240_000)

const CHECKOUT_DAY = new Date("2027-01-31T10:00:00Z")
const HUGE = "x".repeat(20_000)
/** Long, but under Node's 16 kB limit for a request line (above it Node answers 431 itself). */
const LONG_QUERY = "x".repeat(5_000)

shopRunner({
  testSuite: ({ api, getContainer }) => {
    const alma = useFakeAlma(WITH_ALMA)
    const shop = useShop(api, getContainer, CHECKOUT_DAY)

    function send(method: "get" | "post", url: string, body?: unknown, headers: Record<string, string> = {}) {
      const config = { headers: { ...shop.storeHeaders, ...headers } }
      const call = method === "get" ? api.get(url, config) : api.post(url, body, config)
      return call.catch((e: any) => e.response)
    }

    /** Sends every case; each must answer 400 with a message that contains its expected text. */
    async function expectAll400(cases: [string, () => Promise<any>, string | RegExp][]) {
      const answers = []
      for (const [name, call, expected] of cases) {
        const res = await call()
        answers.push([name, res.status, typeof expected === "string" ? String(res.data?.message).includes(expected) : expected.test(String(res.data?.message)), res.data?.message])
      }
      expect(answers.filter(([, status, named]) => status !== 400 || !named)).toEqual([])
    }

    describe("payment sessions", () => {
      async function collectionOf(cartId: string): Promise<string> {
        const { data } = await api.post("/store/payment-collections", { cart_id: cartId }, { headers: shop.storeHeaders })
        return data.payment_collection.id
      }

      it("answers 400 naming the field for every wrongly typed or oversized part of a session request, and starts no session", async () => {
        const cartId = await cartWith(api, shop, "office-chair")
        const collection = await collectionOf(cartId)
        const url = `/store/payment-collections/${collection}/payment-sessions`
        const instalments = (data: unknown) => () => send("post", url, { provider_id: INSTALMENTS_PROVIDER, data })
        const almaSession = (data: unknown) => () => send("post", url, { provider_id: ALMA_PROVIDER, data })
        const good = { ...SHOPPER, plan: "p3x", card_token: "tok_visa" }
        const createdAtAlma = alma.state.payments.size

        await expectAll400([
          ["provider_id number", () => send("post", url, { provider_id: 42, data: good }), "provider_id"],
          ["provider_id array", () => send("post", url, { provider_id: [INSTALMENTS_PROVIDER], data: good }), "provider_id"],
          ["provider_id object", () => send("post", url, { provider_id: { startsWith: 1 }, data: good }), "provider_id"],
          ["data string", () => send("post", url, { provider_id: INSTALMENTS_PROVIDER, data: "p3x" }), "data"],
          ["data array", () => send("post", url, { provider_id: INSTALMENTS_PROVIDER, data: [good] }), "data"],
          ["phone array", instalments({ ...good, phone: ["+33612345678"] }), "data.phone"],
          ["phone nested array", instalments({ ...good, phone: [["+33612345678"]] }), "data.phone"],
          ["phone object", instalments({ ...good, phone: { number: "+33612345678" } }), "data.phone"],
          ["phone number", instalments({ ...good, phone: 33612345678 }), "data.phone"],
          ["phone huge", instalments({ ...good, phone: HUGE }), "data.phone"],
          ["plan array", instalments({ ...good, plan: ["p3x"] }), "data.plan"],
          ["plan object without toString", instalments({ ...good, plan: { toString: "p3x" } }), "data.plan"],
          ["plan number", instalments({ ...good, plan: 3 }), "data.plan"],
          ["card_token array", instalments({ ...good, card_token: ["tok_visa"] }), "data.card_token"],
          ["card_token object", instalments({ ...good, card_token: { id: "tok_visa" } }), "data.card_token"],
          ["card_token huge", instalments({ ...good, card_token: HUGE }), "data.card_token"],
          ["locale array", instalments({ ...good, locale: ["fr"] }), "data.locale"],
          ["locale number", instalments({ ...good, locale: 33 }), "data.locale"],
          ["locale huge", instalments({ ...good, locale: HUGE }), "data.locale"],
          ["deep nesting", instalments({ ...good, extra: JSON.parse("[".repeat(500) + "]".repeat(500)) }), "data"],
          ["alma plan array", almaSession({ plan: ["p3x"] }), "data.plan"],
          ["alma plan object without toString", almaSession({ plan: { toString: 1 } }), "data.plan"],
          ["alma locale object", almaSession({ plan: "p3x", locale: { fr: true } }), "data.locale"],
          ["alma return_url array", almaSession({ plan: "p3x", return_url: ["https://shop.test/back"] }), "data.return_url"],
          ["alma return_url huge", almaSession({ plan: "p3x", return_url: `https://shop.test/${HUGE}` }), "data.return_url"],
          // Security review L11: Alma sends the shopper back only to the store's own pages.
          ["alma return_url on another site", almaSession({ plan: "p3x", return_url: "https://evil.test/back" }), "data.return_url must be a page of the storefront, on https://shop.test"],
          ["alma data array", () => send("post", url, { provider_id: ALMA_PROVIDER, data: [{ plan: "p3x" }] }), "data"],
        ])
        expect(await cartPaymentSessions(api, shop, cartId)).toEqual([])
        expect(alma.state.payments.size).toBe(createdAtAlma)
      })
    })

    describe("store routes", () => {
      // (Not here: `locale` as a list or an object. Medusa 2.21's own applyLocale middleware, which
      // runs before any route of /store, throws on it and the request is never answered: Medusa's
      // bug, out of the plugin's reach.)
      it("answers 400 naming the parameter for wrongly typed quote and return queries, and asks Alma nothing", async () => {
        const cartId = await cartWith(api, shop, "office-chair")
        const requests = alma.state.requests.length
        const quote = (query: string) => () => send("get", `/store/instalments/quote?${query}`)
        const back = (query: string) => () => send("get", `/store/alma/return?${query}`)
        await expectAll400([
          ["amount twice", quote("amount=1&amount=2&currency_code=eur&country_code=fr"), "amount"],
          ["amount object", quote("amount[x]=1&currency_code=eur&country_code=fr"), "amount"],
          ["cart_id array", quote(`cart_id[]=${cartId}`), "cart_id"],
          ["cart_id huge", quote(`cart_id=${LONG_QUERY}`), "cart_id"],
          ["country_code array", quote("amount=10&currency_code=eur&country_code[]=fr"), "country_code"],
          ["provider unknown", quote(`cart_id=${cartId}&provider=klarna`), "provider"],
          ["provider array", quote(`cart_id=${cartId}&provider[]=alma`), "provider"],
          ["return pid array", back(`pid[]=payment_1&cart_id=${cartId}`), "pid"],
          ["return pid twice", back(`pid=payment_1&pid=payment_2&cart_id=${cartId}`), "pid"],
          ["return pid huge", back(`pid=${LONG_QUERY}&cart_id=${cartId}`), "pid"],
          ["return cart_id object", back("pid=payment_1&cart_id[a]=b"), "cart_id"],
          ["return cart_id missing", back("pid=payment_1"), "cart_id"],
        ])
        expect(alma.state.requests.length).toBe(requests)
      })

      it("answers 400 to a customer's list with a limit or offset that is not a plain whole number", async () => {
        const auth = await registeredCustomer(api, shop.storeHeaders, "paul.list@example.com")
        const list = (query: string) => () => send("get", `/store/customers/me/instalment-plans?${query}`, undefined, auth)
        await expectAll400([
          ["hex limit", list("limit=0x10"), "limit"],
          ["limit twice", list("limit=5&limit=6"), "limit"],
          ["limit array", list("limit[]=5"), "limit"],
          ["empty limit", list("limit="), "limit"],
          ["exponent offset", list("offset=1e1"), "offset"],
          ["negative offset", list("offset=-1"), "offset"],
        ])
        expect((await list("limit=5&offset=0")()).status).toBe(200)
      })

      it("answers 4xx, never 500, to wrongly typed self-service bodies", async () => {
        const { order } = await placeOrder(api, shop, "office-chair", { plan: "p3x", card_token: "tok_visa" })
        const plan = await planOfOrder(api, shop, order.id)
        const token = new URL(plan.self_service_url).searchParams.get("token") as string
        const act = (action: string, body: unknown) => () => send("post", `/store/instalment-plans/${plan.id}/${action}`, body)
        await expectAll400([
          ["postpone days text", act("postpone", { token, instalment_number: 2, days: "three" }), "days"],
          ["postpone days array", act("postpone", { token, instalment_number: 2, days: [3] }), "days"],
          ["postpone days huge", act("postpone", { token, instalment_number: 2, days: 1e300 }), "days"],
          ["postpone number object", act("postpone", { token, instalment_number: { n: 2 }, days: 3 }), "instalment_number"],
          ["pay-early scope array", act("pay-early", { token, scope: ["next"] }), "scope"],
          ["change-card token array", act("change-card", { token, card_token: ["tok_visa"] }), "card_token"],
          ["change-card token huge", act("change-card", { token, card_token: HUGE }), "card_token"],
        ])
        const unauthorised = await send("get", `/store/instalment-plans/${plan.id}?token[]=${token}`)
        expect(unauthorised.status).toBe(401)
        expect(unauthorised.data.message).toContain("token")
        expect((await planOfOrder(api, shop, order.id)).events).toHaveLength(plan.events.length)
      })
    })

    describe("admin routes", () => {
      it("answers 400 naming the parameter for wrongly typed admin queries and bodies, and changes no plan", async () => {
        const { order } = await placeOrder(api, shop, "office-chair", { plan: "p3x", card_token: "tok_visa" })
        const plan = await planOfOrder(api, shop, order.id)
        const admin = shop.adminHeaders
        const list = (query: string) => () => api.get(`/admin/instalment-plans?${query}`, { headers: admin }).catch((e: any) => e.response)
        const act = (action: string, body: unknown) => () =>
          api.post(`/admin/instalment-plans/${plan.id}/${action}`, body, { headers: admin }).catch((e: any) => e.response)
        const clock = (body: unknown) => () => api.post("/admin/instalments/sandbox/clock", body, { headers: admin }).catch((e: any) => e.response)
        await expectAll400([
          ["hex limit", list("limit=0x10"), "limit"],
          ["limit array", list("limit[]=5"), "limit"],
          ["exponent offset", list("offset=1e1"), "offset"],
          ["order_id twice", list("order_id=a&order_id=b"), "order_id"],
          ["q object", list("q[a]=b"), '"q"'],
          ["status array", list("status[]=active"), "status"],
          ["created_from array", list("created_from[]=2027-01-01"), "created_from"],
          ["late-fee note too long", act("late-fee", { percent: 5, note: "n".repeat(501) }), /note.*500/],
          ["late-fee percent array", act("late-fee", { percent: [5], note: "no answer" }), "percent"],
          ["late-fee percent huge", act("late-fee", { percent: 1e300, note: "no answer" }), "percent"],
          ["late-fee percent text", act("late-fee", { percent: "9".repeat(5000), note: "no answer" }), "percent"],
          ["preview-refund unknown key", act("preview-refund", { amount: 10, reason: "x" }), "reason"],
          ["preview-refund amount array", act("preview-refund", { amount: [10] }), "amount"],
          ["preview-refund amount huge", act("preview-refund", { amount: 1e308 }), "amount"],
          ["preview-refund amount negative", act("preview-refund", { amount: "-5" }), "amount"],
          ["preview-refund amount text", act("preview-refund", { amount: HUGE }), "amount"],
          ["postpone days 0", act("postpone", { instalment_number: 2, days: 0 }), "postpone_days_out_of_range"],
          ["postpone days huge", act("postpone", { instalment_number: 2, days: 1e6 }), "postpone_days_out_of_range"],
          ["postpone days text", act("postpone", { instalment_number: 2, days: "3" }), "days"],
          ["postpone instalment huge", act("postpone", { instalment_number: 1e20, days: 3 }), "instalment_number"],
          ["freeze days text", act("freeze", { days: "ten", reason: "check" }), "days"],
          ["freeze reason too long", act("freeze", { days: 10, reason: "r".repeat(501) }), "reason"],
          ["flag-fraud reason object", act("flag-fraud", { reason: { why: "x" } }), "reason"],
          ["terminate reason array", act("terminate", { reason: ["non-payment"] }), "reason"],
          ["clock advance text", clock({ advance_days: "1" }), "advance_days"],
          ["clock set array", clock({ set: ["2027-02-01"] }), "set"],
          ["clock set number", clock({ set: 1793000000000 }), "set"],
        ])
        expect((await planOfOrder(api, shop, order.id)).events).toHaveLength(plan.events.length)
      })

      it("answers the same postpone_days_out_of_range whatever the plan's state (the bounds are the request's, not the plan's)", async () => {
        const { order } = await placeOrder(api, shop, "office-chair", { plan: "p3x", card_token: "tok_visa" })
        const plan = await planOfOrder(api, shop, order.id)
        const admin = shop.adminHeaders
        await api.post(`/admin/instalment-plans/${plan.id}/freeze`, { days: 10, reason: "investigation" }, { headers: admin })
        const res = await api.post(`/admin/instalment-plans/${plan.id}/postpone`, { instalment_number: 2, days: 16 }, { headers: admin }).catch((e: any) => e.response)
        expect(res.status).toBe(400)
        expect(res.data.message).toBe("postpone_days_out_of_range: A due date can be postponed by 1 to 15 days (got 16).")
      })
    })
  },
})
