/**
 * Support requests from the shopper's side (issue 19 part 1, docs/business-rules.md §9): the Store
 * routes a storefront uses with the plan's self-service link or the logged-in customer's session, the reply clock on known dates (the
 * module's test clock; the store's calendar is Europe/Paris with France's fixed-date holidays), each
 * request in the plan's history, and the refusals. Orders are placed on Sunday 31 January 2027 with
 * the sandbox processor (the office chair in 3).
 */
import { shopRunner } from "../../helpers/shared-app"
import { registeredCustomer } from "../../helpers/customers"
import { instalmentsOf, madeBeforeAll, placeOrder, planById, planOfOrder, useShop } from "../../helpers/shop"

jest.setTimeout(240_000)

const CHECKOUT_DAY = new Date("2027-01-31T10:00:00Z")
const CATEGORIES = [
  "purchase_blocked",
  "payment_refused",
  "postpone",
  "schedule_question",
  "change_card",
  "difficulty_paying",
  "order_not_received",
  "order_not_as_ordered",
  "refund_confirmed",
  "page_access",
  "formal_complaint",
]

const withToken = (token: string) => ({ "x-instalments-token": token })
const HOUR = 3_600_000

/**
 * The test clock runs on from where a test sets it, so a request is opened a few milliseconds
 * after that: its reply clock is checked from the instant it was opened.
 */
const clockHours = (request: { opened_at: string; reply_due_at: string }) => (Date.parse(request.reply_due_at) - Date.parse(request.opened_at)) / HOUR
const openedNear = (set: string) => expect.stringMatching(new RegExp(`^${set.slice(0, 17)}0\\d\\.\\d{3}Z$`))

shopRunner({
  testSuite: ({ api, getContainer }) => {
    const shop = useShop(api, getContainer, CHECKOUT_DAY)
    const clock = () => instalmentsOf(getContainer()).clock

    /** A p3x office chair ordered as a guest: its plan and the link's token. */
    async function placeChairInThree(locale = "fr") {
      const { order } = await placeOrder(api, shop, "office-chair", { plan: "p3x", card_token: "tok_visa", locale })
      const plan = await planOfOrder(api, shop, order.id)
      return { plan, token: new URL(plan.self_service_url).searchParams.get("token") as string }
    }

    /** Such a chair, ordered before the tests: (nearly) every test starts with one. */
    const chairInThree = madeBeforeAll(getContainer, CHECKOUT_DAY, () => placeChairInThree())

    const url = (planId: string) => `/store/instalment-plans/${planId}/support-requests`

    function post(planId: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
      return api.post(url(planId), body, { headers: { ...shop.storeHeaders, ...headers } }).catch((e: any) => e.response)
    }

    function get(planId: string, headers: Record<string, string> = {}, query = "") {
      return api.get(`${url(planId)}${query}`, { headers: { ...shop.storeHeaders, ...headers } }).catch((e: any) => e.response)
    }

    it("accepts every category, each with its reply clock: a Friday-evening complaint is due on Tuesday evening", async () => {
      const { plan, token } = await chairInThree()
      clock().set(new Date("2027-02-05T18:00:00Z")) // Friday 5 February 2027, 19:00 in Paris
      expect(plan.order_display_id).toEqual(expect.any(Number)) // each request carries its order's number
      for (const category of CATEGORIES) {
        const res = await post(plan.id, { category, message: `About ${category}` }, withToken(token))
        expect(res.status).toBe(200)
        const request = res.data.support_request
        expect(request).toEqual({
          id: expect.stringMatching(/^isup_/),
          plan_id: plan.id,
          order_display_id: plan.order_display_id,
          category,
          status: "open",
          opened_at: openedNear("2027-02-05T18:00:00"),
          reply_due_at: expect.any(String),
          messages: [{ id: expect.stringMatching(/^isupm_/), author: "shopper", body: `About ${category}`, sent_at: request.opened_at }],
        })
        // 24 hours, weekend or not; a formal complaint: Friday 5 h, Monday 24 h, Tuesday 19 h (Tuesday 9 February, 19:00 in Paris).
        expect(clockHours(request)).toBe(category === "formal_complaint" ? 96 : 24)
        if (category === "formal_complaint") expect(request.reply_due_at).toMatch(/^2027-02-09T18:00:0\d\.\d{3}Z$/)
      }
      const listed = await get(plan.id, withToken(token))
      expect(listed.status).toBe(200)
      expect(listed.data.support_requests.map((r: any) => r.category)).toEqual(CATEGORIES)
      expect(listed.data.support_requests.map((r: any) => r.order_display_id)).toEqual(CATEGORIES.map(() => plan.order_display_id))

      const history = (await planById(api, shop, plan.id)).events.filter((e: any) => e.type === "support.request_opened")
      expect(history).toHaveLength(CATEGORIES.length)
      expect(history.find((e: any) => e.data.category === "formal_complaint")).toMatchObject({
        actor: "shopper",
        data: { category: "formal_complaint", message: "About formal_complaint", replyDueAt: expect.stringMatching(/^2027-02-09T18:00:0/) },
      })
    })

    it("skips a public holiday: a complaint on Wednesday 10 November 2027 at 10:00 is due on Monday at 10:00", async () => {
      const { plan, token } = await chairInThree()
      clock().set(new Date("2027-11-10T09:00:00Z"))
      // Wednesday 14 h, Thursday 11 November (Armistice) skipped, Friday 24 h, the weekend skipped, Monday 10 h.
      const res = await post(plan.id, { category: "formal_complaint", message: "Je conteste les frais." }, withToken(token))
      expect(res.status).toBe(200)
      expect(res.data.support_request.opened_at).toEqual(openedNear("2027-11-10T09:00:00"))
      expect(clockHours(res.data.support_request)).toBe(5 * 24)
      expect(res.data.support_request.reply_due_at).toMatch(/^2027-11-15T09:00:0\d\.\d{3}Z$/)
    })

    it("takes the token from the body or the query too, and answers a repeated request with the same Idempotency-Key once", async () => {
      const { plan, token } = await chairInThree()
      const body = { token, category: "schedule_question", message: "Quand est prélevée la 2e échéance ?" }
      const first = await post(plan.id, body, { "idempotency-key": "ask-1" })
      const again = await post(plan.id, body, { "idempotency-key": "ask-1" })
      expect(first.status).toBe(200)
      expect(again.data.support_request).toEqual(first.data.support_request)
      const other = await post(plan.id, { ...body, message: "Autre chose" }, { "idempotency-key": "ask-1" })
      expect(other.status).toBe(422)
      const listed = await get(plan.id, {}, `?token=${encodeURIComponent(token)}`)
      expect(listed.data.support_requests).toHaveLength(1)
    })

    it("never shows or takes a request with another plan's token, nor without a token", async () => {
      const mine = await chairInThree()
      const theirs = await placeChairInThree()
      expect((await post(theirs.plan.id, { category: "postpone", message: "x" }, withToken(theirs.token))).status).toBe(200)

      const read = await get(theirs.plan.id, withToken(mine.token))
      expect(read.status).toBe(403)
      expect(JSON.stringify(read.data)).not.toContain("support_request")
      expect((await post(theirs.plan.id, { category: "postpone", message: "x" }, withToken(mine.token))).status).toBe(403)
      expect((await get(theirs.plan.id)).status).toBe(401)
      expect((await post(theirs.plan.id, { category: "postpone", message: "x" })).status).toBe(401)
      expect((await get(mine.plan.id, withToken(mine.token))).data.support_requests).toEqual([])
      expect((await get(theirs.plan.id, withToken(theirs.token))).data.support_requests).toHaveLength(1)
    })

    /** A p3x office chair ordered by a logged-in customer: the plan is theirs (owner_customer_id). */
    async function customerChair(auth: Record<string, string>) {
      const { order } = await placeOrder(api, { ...shop, storeHeaders: { ...shop.storeHeaders, ...auth } }, "office-chair", { plan: "p3x", card_token: "tok_visa", locale: "fr" })
      return planOfOrder(api, shop, order.id)
    }

    it("takes the logged-in customer's session instead of a token, for their own plans only", async () => {
      const lea = await registeredCustomer(api, shop.storeHeaders, "lea@example.com")
      const paul = await registeredCustomer(api, shop.storeHeaders, "paul@example.com")
      const plan = await customerChair(lea)
      expect(plan.owner_customer_id).toMatch(/^cus_/)

      const opened = await post(plan.id, { category: "schedule_question", message: "Quand ?" }, lea)
      expect(opened.status).toBe(200)
      expect(opened.data.support_request).toMatchObject({ plan_id: plan.id, order_display_id: plan.order_display_id, category: "schedule_question", status: "open" })
      const listed = await get(plan.id, lea)
      expect(listed.status).toBe(200)
      expect(listed.data.support_requests.map((r: any) => r.id)).toEqual([opened.data.support_request.id])
      const history = (await planById(api, shop, plan.id)).events.filter((e: any) => e.type === "support.request_opened")
      expect(history.map((e: any) => e.actor)).toEqual([`customer:${plan.owner_customer_id}`])
      // Medusa's cookie session (a storefront that logs in with POST /auth/session) opens it too.
      const login = await api.post("/auth/session", {}, { headers: lea })
      const session = { cookie: ([] as string[]).concat(login.headers["set-cookie"])[0].split(";")[0] }
      expect((await get(plan.id, session)).data.support_requests).toHaveLength(1)

      // Another customer's plan answers exactly as a plan that does not exist: 404, nothing revealed.
      const unknownId = plan.id.replace(/.$/, (c: string) => (c === "0" ? "1" : "0"))
      for (const id of [plan.id, unknownId]) {
        const read = await get(id, paul)
        expect([read.status, read.data.message]).toEqual([404, `Instalment plan ${id} was not found`])
        const write = await post(id, { category: "postpone", message: "x" }, paul)
        expect([write.status, write.data.message]).toEqual([404, `Instalment plan ${id} was not found`])
      }
      // A guest's plan is nobody's account, whatever e-mail the guest typed.
      const guest = await chairInThree()
      expect((await get(guest.plan.id, lea)).status).toBe(404)
      expect((await get(plan.id, lea)).data.support_requests).toHaveLength(1)

      // Neither a token nor a session: 401 that says what to send.
      for (const res of [await get(plan.id), await post(plan.id, { category: "postpone", message: "x" })]) {
        expect(res.status).toBe(401)
        expect(res.data.message).toMatch(/Pass the token of the plan's self-service link in the x-instalments-token header .*or log in as the customer who placed the order/)
      }
    })

    it("refuses an unknown category, an empty message and a message too long, saying what is wrong", async () => {
      const { plan, token } = await chairInThree()
      const unknown = await post(plan.id, { category: "complaint", message: "Hello" }, withToken(token))
      expect(unknown.status).toBe(400)
      expect(unknown.data.message).toMatch(/category must be one of purchase_blocked, .*formal_complaint \(got "complaint"\)/)
      const missing = await post(plan.id, { message: "Hello" }, withToken(token))
      expect(missing.status).toBe(400)
      expect(missing.data.message).toMatch(/category must be one of/)
      const empty = await post(plan.id, { category: "postpone", message: "   " }, withToken(token))
      expect(empty.status).toBe(400)
      expect(empty.data.message).toMatch(/message must be text that describes the request/)
      const long = await post(plan.id, { category: "postpone", message: "x".repeat(4001) }, withToken(token))
      expect(long.status).toBe(400)
      expect(long.data.message).toMatch(/message must be at most 4000 characters \(got 4001\)/)
      expect((await get(plan.id, withToken(token))).data.support_requests).toEqual([])
    })
  },
})
