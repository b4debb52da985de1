/**
 * Support requests from the merchant's side (issue 19 part 1, docs/business-rules.md §9): the
 * admin's list (oldest reply clock first, overdue flagged), the reply (kept with the request, shown
 * to the shopper, e-mailed in the plan's language, in the history), closing and reopening. Orders
 * are placed on Sunday 31 January 2027 with the sandbox processor (the office chair in 3).
 */
import { shopRunner } from "../../helpers/shared-app"
import { emailsSent, instalmentsOf, placeOrder, planById, planOfOrder, useShop } from "../../helpers/shop"

jest.setTimeout(240_000)

const CHECKOUT_DAY = new Date("2027-01-31T10:00:00Z")
const HOUR = 3_600_000

shopRunner({
  testSuite: ({ api, getContainer }) => {
    const shop = useShop(api, getContainer, CHECKOUT_DAY)
    const clock = () => instalmentsOf(getContainer()).clock

    async function chairInThree(locale: string) {
      const { order } = await placeOrder(api, shop, "office-chair", { plan: "p3x", card_token: "tok_visa", locale })
      const plan = await planOfOrder(api, shop, order.id)
      return { order, plan, token: new URL(plan.self_service_url).searchParams.get("token") as string }
    }

    async function open(planId: string, token: string, category: string, message: string) {
      const res = await api.post(`/store/instalment-plans/${planId}/support-requests`, { category, message }, { headers: { ...shop.storeHeaders, "x-instalments-token": token } })
      return res.data.support_request
    }

    const admin = (path: string, body?: Record<string, unknown>, headers: Record<string, string> = {}) =>
      (body === undefined ? api.get(path, { headers: shop.adminHeaders }) : api.post(path, body, { headers: { ...shop.adminHeaders, ...headers } })).catch((e: any) => e.response)
    const list = async (status = "") => (await admin(`/admin/instalment-support-requests${status ? `?status=${status}` : ""}`)).data

    it("lists open requests oldest reply clock first, overdue ones flagged, with their plan's order", async () => {
      const { order, plan, token } = await chairInThree("fr")
      clock().set(new Date("2027-02-05T18:00:00Z")) // Friday evening
      const complaint = await open(plan.id, token, "formal_complaint", "Je conteste.") // due Tuesday
      const question = await open(plan.id, token, "schedule_question", "Quand ?") // due Saturday
      clock().set(new Date("2027-02-08T09:00:00Z")) // Monday: the question is overdue, the complaint is not
      const later = await open(plan.id, token, "postpone", "Reporter ?") // due Tuesday 09:00, before the complaint

      const { support_requests: open_, now } = await list()
      expect(Date.parse(now)).toBeGreaterThanOrEqual(Date.parse("2027-02-08T09:00:00Z"))
      expect(open_.map((r: any) => [r.id, r.overdue])).toEqual([
        [question.id, true],
        [later.id, false],
        [complaint.id, false],
      ])
      expect(open_[0]).toMatchObject({ plan_id: plan.id, order_id: order.id, order_display_id: order.display_id, category: "schedule_question", locale: "fr", status: "open" })
      expect(open_[0].messages).toEqual([expect.objectContaining({ author: "shopper", body: "Quand ?" })])

      const bad = await admin("/admin/instalment-support-requests?status=pending")
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/status.*must be one of open, closed, all/)
    })

    it("e-mails the reply in the shopper's language, shows it on their side, keeps it in the history; close and reopen", async () => {
      const { plan, token } = await chairInThree("de")
      const request = await open(plan.id, token, "order_not_received", "Wo ist mein Paket?")

      const replied = await admin(`/admin/instalment-support-requests/${request.id}/reply`, { message: "Ihr Paket ist unterwegs.\nSendungsnummer 123." })
      expect(replied.status).toBe(200)
      expect(replied.data.email_sent).toBe(true)
      expect(replied.data.support_request.messages.map((m: any) => [m.author, m.body])).toEqual([
        ["shopper", "Wo ist mein Paket?"],
        ["merchant", "Ihr Paket ist unterwegs.\nSendungsnummer 123."],
      ])
      const [email] = await emailsSent(getContainer(), plan.id, "instalments.supportReply")
      expect(email.data.locale).toBe("de")
      expect(email.data.subject).toMatch(/^Bestellung .+: Antwort auf Ihre Anfrage$/)
      expect(email.data.text).toContain("> Ihr Paket ist unterwegs.\n> Sendungsnummer 123.")

      const shopperSide = await api.get(`/store/instalment-plans/${plan.id}/support-requests`, { headers: { ...shop.storeHeaders, "x-instalments-token": token } })
      expect(shopperSide.data.support_requests[0].messages.map((m: any) => m.author)).toEqual(["shopper", "merchant"])

      const closed = await admin(`/admin/instalment-support-requests/${request.id}/close`, {})
      expect(closed.data.support_request.status).toBe("closed")
      expect((await list()).support_requests.map((r: any) => r.id)).not.toContain(request.id)
      expect((await list("closed")).support_requests.map((r: any) => r.id)).toContain(request.id)
      // One plan's requests, whatever their status (the order page's widget).
      const other = await chairInThree("fr")
      await open(other.plan.id, other.token, "page_access", "Lien expiré")
      expect((await list(`all&plan_id=${plan.id}`)).support_requests.map((r: any) => [r.id, r.status])).toEqual([[request.id, "closed"]])
      expect((await list("all&plan_id=iplan_none")).support_requests).toEqual([])
      const again = await admin(`/admin/instalment-support-requests/${request.id}/close`, {})
      expect(again.status).toBe(400)
      expect(again.data.message).toMatch(/support_request_already_closed/)
      const toClosed = await admin(`/admin/instalment-support-requests/${request.id}/reply`, { message: "Noch etwas" })
      expect(toClosed.status).toBe(400)
      expect(toClosed.data.message).toMatch(/support_request_closed: .*reopen it/)

      clock().set(new Date("2027-02-10T12:00:00Z"))
      const reopened = await admin(`/admin/instalment-support-requests/${request.id}/reopen`, {})
      expect(reopened.data.support_request.status).toBe("open")
      // A new reply clock from the reopening: 24 hours.
      expect(Date.parse(reopened.data.support_request.reply_due_at) - Date.parse("2027-02-10T12:00:00Z")).toBeGreaterThanOrEqual(24 * HOUR)
      expect(Date.parse(reopened.data.support_request.reply_due_at) - Date.parse("2027-02-10T12:00:00Z")).toBeLessThan(24 * HOUR + 60_000)
      expect((await admin(`/admin/instalment-support-requests/${request.id}/reopen`, {})).data.message).toMatch(/support_request_already_open/)

      const history = (await planById(api, shop, plan.id)).events.filter((e: any) => e.type.startsWith("support."))
      expect(history.map((e: any) => [e.type, e.actor.replace(/user_\w+/, "user")])).toEqual([
        ["support.request_opened", "shopper"],
        ["support.reply_sent", "admin:user"],
        ["support.request_closed", "admin:user"],
        ["support.request_reopened", "admin:user"],
      ])
      expect(history[1].data).toMatchObject({ requestId: request.id, message: "Ihr Paket ist unterwegs.\nSendungsnummer 123." })
    })

    it("sends a reply once for a repeated Idempotency-Key, and refuses an empty reply or an unknown request", async () => {
      const { plan, token } = await chairInThree("it")
      const request = await open(plan.id, token, "payment_refused", "Carta rifiutata")
      const path = `/admin/instalment-support-requests/${request.id}/reply`
      const first = await admin(path, { message: "Riprovi domani." }, { "idempotency-key": "r1" })
      const second = await admin(path, { message: "Riprovi domani." }, { "idempotency-key": "r1" })
      expect(second.data.support_request).toEqual(first.data.support_request)
      expect(first.data.support_request.messages).toHaveLength(2)
      const emails = await emailsSent(getContainer(), plan.id, "instalments.supportReply")
      expect(emails).toHaveLength(1)
      expect(emails[0].data.subject).toMatch(/^Ordine .+: risposta alla sua richiesta$/)

      const empty = await admin(path, { message: "  " })
      expect(empty.status).toBe(400)
      expect(empty.data.message).toMatch(/message must be text/)
      const unknown = await admin("/admin/instalment-support-requests/isup_nope/reply", { message: "Hi" })
      expect(unknown.status).toBe(404)
      expect(unknown.data.message).toMatch(/Support request isup_nope was not found/)
    })
  },
})
