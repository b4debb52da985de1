/**
 * The page's "Ask for help" section, rendered without a database: the form (categories in the
 * shopper's language, the order reference read-only, what was typed kept), the page's own action
 * offered first, and the plan's requests with the store's replies.
 */
import { defaultEngineConfig } from "../domain/config"
import { chairPlan, rowOf } from "../../test-support/plan-rows"
import type { SupportRequestView } from "../modules/instalments/support"
import { renderPlanPage } from "./page"
import { supportSection } from "./support-section"

const config = defaultEngineConfig()
const ctx = { config, today: "2027-02-01", now: "2027-02-01T10:00:00.000Z" }
const row = rowOf(chairPlan())

const request: SupportRequestView = {
  id: "isup_1",
  plan_id: "iplan_1",
  category: "schedule_question",
  status: "open",
  opened_at: "2027-02-01T22:30:00.000Z", // 23:30 in Paris: the 1st on the store's calendar
  reply_due_at: "2027-02-02T22:30:00.000Z",
  messages: [
    { id: "m1", author: "shopper", body: "Quand <b>?</b>", sent_at: "2027-02-01T22:30:00.000Z" },
    { id: "m2", author: "merchant", body: "Le 28 février.\nBonne journée.", sent_at: "2027-02-02T08:00:00.000Z" },
  ],
}

const section = (input: Partial<Parameters<typeof supportSection>[0]> = {}) =>
  supportSection({ row, locale: "fr", token: "tok", timeZone: "Europe/Paris", requests: [], ...input })

describe("the page's Ask for help section", () => {
  it("offers the eleven categories in the shopper's language, the order reference read-only, and posts the token to #support", () => {
    const html = section({ locale: "de" })
    expect(html).toContain("<h2 id=\"support-title\">Hilfe anfordern</h2>")
    const options = [...html.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1])
    expect(options).toEqual(["", "purchase_blocked", "payment_refused", "postpone", "schedule_question", "change_card", "difficulty_paying", "order_not_received", "order_not_as_ordered", "refund_confirmed", "page_access", "formal_complaint"])
    expect(html).toContain('<option value="order_not_received">Meine Bestellung ist nicht angekommen</option>')
    expect(html).toContain('<input id="support-order" type="text" value="42" readonly>')
    expect(html).toContain('action="/instalments/plans/iplan_1?locale=de#support"')
    expect(html).toContain('<input type="hidden" name="token" value="tok">')
    expect(html).toContain('<input type="hidden" name="requests_seen" value="0">')
    expect(html).toContain("Lieferungen und Produkte betreut der Shop selbst")
    expect(html).toContain('maxlength="4000"')
    expect(html).not.toContain("send_anyway")
    expect(html).not.toContain('class="requests"')
  })

  it("keeps what was typed (escaped) and offers the page's action first, then sends anyway", () => {
    const html = section({ form: { category: "postpone", message: "</textarea><script>x</script>", remedy: "postpone" } })
    expect(html).toContain('<option value="postpone" selected>Reporter une échéance</option>')
    expect(html).toContain("&lt;/textarea&gt;&lt;script&gt;x&lt;/script&gt;</textarea>")
    expect(html).not.toContain("<script>")
    expect(html).toContain('<a href="#action-postpone">Reporter une échéance</a>')
    expect(html).toContain('<input type="hidden" name="send_anyway" value="1">')
    expect(html).toContain(">Envoyer quand même ma demande</button>")
  })

  it("lists the plan's requests newest first, with the store's replies, on the store's calendar", () => {
    const closed: SupportRequestView = { ...request, id: "isup_2", category: "formal_complaint", status: "closed", opened_at: "2027-02-03T09:00:00.000Z", messages: [] }
    const html = section({ requests: [request, closed] })
    expect(html).toContain('<input type="hidden" name="requests_seen" value="2">')
    const items = html.split("<li>").slice(1)
    expect(items[0]).toContain("<strong>Réclamation</strong> · Envoyée le 3 février 2027 · Close")
    expect(items[1]).toContain("<strong>Une question sur mon échéancier</strong> · Envoyée le 1er février 2027 · En cours")
    expect(items[1]).toContain('<div class="message shopper"><p class="help">Vous · 1er février 2027</p><p class="body">Quand &lt;b&gt;?&lt;/b&gt;</p></div>')
    expect(items[1]).toContain('<div class="message merchant"><p class="help">La boutique · 2 février 2027</p><p class="body">Le 28 février.\nBonne journée.</p></div>')
  })

  it("is on the page, with ids on the action forms it points to", () => {
    const html = renderPlanPage({ row, locale: "en", ctx, token: "t", requests: [request], support: { notice: { kind: "success", text: "Sent." } } })
    expect(html).toContain('<section id="support" aria-labelledby="support-title">')
    expect(html).toContain('<div class="notice success" role="status"><p>Sent.</p></div>')
    for (const id of ["action-pay-next", "action-pay-all", "action-postpone", "action-change-card", "action-withdraw"]) expect(html).toContain(`<form id="${id}"`)
  })
})
