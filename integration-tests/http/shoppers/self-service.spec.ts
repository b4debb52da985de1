/**
 * Shopper self-service (issue 6, docs/business-rules.md §5): the signed link from the e-mails, the
 * JSON routes a storefront uses, the logged-in customer's plans, and the plan's e-mails through
 * Medusa's notification module (local provider, which keeps every notification), and the
 * server-rendered page the link opens (GET /instalments/plans/:id?token=…, its forms POST back
 * to it).
 * Orders are placed through the Store API on 31 January 2027 with the sandbox processor: the office
 * chair and its shipping, 254.90 € in 3 = 84.98 (paid at checkout) + 84.96 on 28 February + 84.96
 * on 31 March.
 */
import { shopRunner } from "../../helpers/shared-app"
import { sendDueReminders } from "../../../src/notifications/reminders"
import { collectDueRevision } from "../../../src/domain/revisions/collect"
import { signPlanToken } from "../../../src/modules/instalments/shopper-links/signing"
import { cents, instalmentsOf, laterCharges as laterChargesOf, madeBeforeAll, placeOrder, planById, planEmails, planOfOrder, sandboxRecords, useShop } from "../../helpers/shop"

jest.setTimeout(240_000)

const CHECKOUT_DAY = new Date("2027-01-31T10:00:00Z")
const DAY = 24 * 60 * 60 * 1000
const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

/** The token with one bit of its signature flipped (every bit of the signature's first character counts). */
function forged(token: string): string {
  const parts = token.split(".")
  const signature = parts[parts.length - 1]
  parts[parts.length - 1] = BASE64URL[BASE64URL.indexOf(signature[0]) ^ 1] + signature.slice(1)
  return parts.join(".")
}

/** The same signature spelled another way: the last character's spare bits set (it decodes to the same bytes). */
function respelled(token: string): string {
  return token.slice(0, -1) + BASE64URL[BASE64URL.indexOf(token.at(-1) as string) | 1]
}

/** The headers a storefront sends a link's token in. */
const withToken = (token: string) => ({ "x-instalments-token": token })

shopRunner({
  testSuite: ({ api, getContainer }) => {
    const shop = useShop(api, getContainer, CHECKOUT_DAY)

    const service = () => instalmentsOf(getContainer())

    /** A token of the plan signed `days` ago (real time) with the store's key, as an old e-mail carried it. */
    async function tokenSignedDaysAgo(planId: string, days: number): Promise<string> {
      const row = await service().loadPlan(planId, { withInstalments: false })
      return signPlanToken(service().selfService, row!, new Date(Date.now() - days * DAY))
    }

    /** A p3x office chair ordered as a guest; its plan as the admin sees it and the link's token. */
    async function placeChairInThree(card = "tok_visa", locale = "fr") {
      const { order } = await placeOrder(api, shop, "office-chair", { plan: "p3x", card_token: card, locale })
      const plan = await planOfOrder(api, shop, order.id)
      const token = new URL(plan.self_service_url).searchParams.get("token") as string
      return { order, plan, token }
    }

    /** Such a chair, ordered before the tests: (nearly) every test starts with one. */
    const chairInThree = madeBeforeAll(getContainer, CHECKOUT_DAY, () => placeChairInThree())

    const store = (planId: string, action = "") => `/store/instalment-plans/${planId}${action ? `/${action}` : ""}`

    function post(url: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
      return api.post(url, body, { headers: { ...shop.storeHeaders, ...headers } }).catch((e: any) => e.response)
    }

    function get(url: string, headers: Record<string, string> = {}) {
      return api.get(url, { headers: { ...shop.storeHeaders, ...headers } }).catch((e: any) => e.response)
    }

    /** Amounts of the plan's instalments in cents, with their due dates and statuses. */
    const scheduleOf = (plan: any) => plan.instalments.map((i: any) => [i.number, i.due_date, cents(i.amount_due ?? i.amount), i.status])

    const laterCharges = (planId: string) => laterChargesOf(getContainer(), planId)

    it("shows the admin a signed link that opens the plan, with no internal field, in the plan's language", async () => {
      const { plan, token } = await chairInThree()
      expect(plan.self_service_url).toMatch(new RegExp(`^http://localhost:9000/instalments/plans/${plan.id}\\?token=v2\\.0\\.\\d+\\.[A-Za-z0-9_-]{43}$`))

      const res = await get(store(plan.id), withToken(token))
      expect(res.status).toBe(200)
      const view = res.data.instalment_plan
      expect(view).toMatchObject({ id: plan.id, plan_code: "p3x", label: "Payer en 3 fois", status: "active", status_label: "En cours", locale: "fr" })
      expect(scheduleOf(view)).toEqual([
        [1, "2027-01-31", 8498, "paid"],
        [2, "2027-02-28", 8496, "scheduled"],
        [3, "2027-03-31", 8496, "scheduled"],
      ])
      expect(cents(view.outstanding_total)).toBe(16992)
      expect(view.lines).toHaveLength(2)
      expect(view.lines[0]).toMatch(/^84,96\s€ le 28 février 2027$/u)
      expect(view.actions).toEqual({
        pay_next: { amount: 84.96 },
        pay_all: { amount: 169.92 },
        postpone: { instalment_numbers: [2, 3], max_days: 15 },
        change_card: true,
        withdraw: { amount: 169.92, until: "2027-02-14" },
        pay_exchange: null,
      })
      expect(view.card).toEqual({ brand: "Visa", last4: "5556", exp_month: expect.any(Number), exp_year: expect.any(Number) })
      for (const internal of ["card_reference", "credit_reference", "phone", "email", "events", "fraud_flagged", "processor", "payment_id"]) {
        expect(view).not.toHaveProperty(internal)
      }
      const stored = await service().loadPlan(plan.id)
      expect(JSON.stringify(res.data)).not.toContain(stored?.card_reference as string)

      const english = await get(`${store(plan.id)}?locale=en`, withToken(token))
      expect(english.data.instalment_plan.label).toBe("Pay in 3 instalments")
      // The query still carries it for a GET (the request log never shows it: safe-defaults.spec.ts).
      expect((await get(`${store(plan.id)}?token=${token}`)).status).toBe(200)
    })

    it("pays early: the next instalment (84.96 €), then everything (84.96 €), once per Idempotency-Key", async () => {
      const { plan, token } = await chairInThree()
      const next = await post(store(plan.id, "pay-early"), { scope: "next", token }, { "idempotency-key": "pay-1" })
      expect(next.status).toBe(200)
      expect(next.data.message).toMatch(/^Merci\. Votre paiement de 84,96\s€ a bien été reçu/u)
      expect(scheduleOf(next.data.instalment_plan).map((i: unknown[]) => i[3])).toEqual(["paid", "paid", "scheduled"])
      expect(cents(next.data.instalment_plan.paid_total)).toBe(16994)

      const replay = await post(store(plan.id, "pay-early"), { scope: "next", token }, { "idempotency-key": "pay-1" })
      expect(replay.status).toBe(200)
      expect(replay.data.message).toMatch(/84,96\s€/u)
      expect(await laterCharges(plan.id)).toEqual([8496])

      const all = await post(store(plan.id, "pay-early"), { scope: "all", token })
      expect(all.status).toBe(200)
      expect(all.data.instalment_plan).toMatchObject({ status: "completed", outstanding_total: 0 })
      expect(cents(all.data.instalment_plan.paid_total)).toBe(25490)
      expect(await laterCharges(plan.id)).toEqual([8496, 8496])
      const events = (await planById(api, shop, plan.id)).events
      expect(events.filter((e: any) => e.type === "plan.early_payment_requested").map((e: any) => [e.actor, e.data.amount])).toEqual([
        ["shopper", 8496],
        ["shopper", 8496],
      ])

      const nothing = await post(store(plan.id, "pay-early"), { scope: "next", token })
      expect(nothing.status).toBe(400)
      expect(nothing.data.message).toMatch(/^plan_not_active: Cet échéancier est clos et ne peut plus être modifié\.$/)
    })

    it("postpones once by 15 days at most: 16 days refused, 15 accepted, a second postponement refused", async () => {
      const { plan, token } = await chairInThree()
      const tooLong = await post(store(plan.id, "postpone"), { instalment_number: 2, days: 16, token })
      expect(tooLong.status).toBe(400)
      expect(tooLong.data.message).toBe("postpone_days_out_of_range: Une échéance peut être reportée de 15 jours au maximum. Veuillez choisir une date plus proche.")

      const ok = await post(store(plan.id, "postpone"), { instalment_number: 2, days: 15, token })
      expect(ok.status).toBe(200)
      expect(ok.data.message).toBe("C'est fait\u00a0: votre échéance est reportée au 15 mars 2027.")
      expect(ok.data.instalment_plan.instalments[1]).toMatchObject({ number: 2, due_date: "2027-03-15", original_due_date: "2027-02-28", amount: 84.96 })
      expect(ok.data.instalment_plan).toMatchObject({ postponements_used: 1, max_postponements: 1 })
      expect(ok.data.instalment_plan.actions.postpone).toBeNull()

      const second = await post(store(plan.id, "postpone"), { instalment_number: 3, days: 5, token })
      expect(second.status).toBe(400)
      expect(second.data.message).toMatch(/^postponement_limit_reached: Vous avez déjà utilisé tous les reports autorisés/)
      const bad = await post(store(plan.id, "postpone"), { instalment_number: "deux", days: 5, token })
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("instalment_number")
      const stored = await planById(api, shop, plan.id)
      expect(stored.instalments.map((i: any) => i.due_date)).toEqual(["2027-01-31", "2027-03-15", "2027-03-31"])
    })

    it("changes the card with the checkout's rules: a prepaid card refused, a Mastercard verified and charged next", async () => {
      const { plan, token } = await chairInThree()
      const prepaid = await post(store(plan.id, "change-card"), { card_token: "tok_prepaid", token })
      expect(prepaid.status).toBe(400)
      expect(prepaid.data.message).toMatch(/^card_prepaid: Les cartes prépayées ne sont pas acceptées/)
      const unknown = await post(store(plan.id, "change-card"), { card_token: "tok_nope", token })
      expect(unknown.status).toBe(400)
      expect(unknown.data.message).toContain("card_token")
      const declined = await post(store(plan.id, "change-card"), { card_token: "tok_declined", token })
      expect(declined.status).toBe(400)
      expect(declined.data.message).toMatch(/^card_declined: Votre banque a refusé/)
      expect((await planById(api, shop, plan.id)).card.last4).toBe("5556")

      const changed = await post(store(plan.id, "change-card"), { card_token: "tok_mastercard", token })
      expect(changed.status).toBe(200)
      expect(changed.data.message).toBe("Votre nouvelle carte a bien été enregistrée. Vos prochaines échéances seront débitées sur cette carte.")
      expect(changed.data.instalment_plan.card).toMatchObject({ brand: "Mastercard", last4: "4444" })
      const admin = await planById(api, shop, plan.id)
      expect(admin.card).toMatchObject({ brand: "Mastercard", last4: "4444", funding: "credit", country: "de" })
      const event = admin.events.find((e: any) => e.type === "plan.card_changed")
      expect(event).toMatchObject({ actor: "shopper", data: { from: { brand: "Visa", last4: "5556" }, to: { brand: "Mastercard", last4: "4444" } } })

      // The new card revoked every link sent before; the shopper who changed it gets a new token.
      const revoked = await get(store(plan.id), withToken(token))
      expect(revoked.status).toBe(401)
      expect(revoked.data.message).toMatch(/^link_revoked: /)
      const renewed = changed.headers["x-instalments-token"]
      expect(renewed).toMatch(/^v2\.1\.\d+\.[A-Za-z0-9_-]{43}$/)
      expect((await get(store(plan.id), withToken(renewed))).status).toBe(200)

      await post(store(plan.id, "pay-early"), { scope: "next" }, withToken(renewed))
      const [charge] = (await sandboxRecords(getContainer(), "charge:")).filter((c) => c.metadata?.plan_id === plan.id)
      expect(charge.amount.cents).toBe(8496)
      const card = await service().processor.getCard(charge.cardRef)
      expect(card.ok && card.value.last4).toBe("4444")
    })

    it("accepts a withdrawal on day 14 (169.92 € charged at once) and refuses it on day 15", async () => {
      const first = await chairInThree()
      const second = await placeChairInThree("tok_amex")
      service().clock.advanceDays(14) // 14 February 2027
      const ok = await post(store(first.plan.id, "withdraw"), { token: first.token })
      expect(ok.status).toBe(200)
      expect(ok.data.message).toMatch(/169,92\s€/u)
      expect(ok.data.instalment_plan).toMatchObject({ status: "withdrawn", outstanding_total: 0 })
      expect(cents(ok.data.instalment_plan.paid_total)).toBe(25490)
      expect(await laterCharges(first.plan.id)).toEqual([16992])

      service().clock.advanceDays(1) // 15 February 2027
      const late = await post(store(second.plan.id, "withdraw"), { token: second.token })
      expect(late.status).toBe(400)
      expect(late.data.message).toMatch(/^withdrawal_period_over: Le délai de rétractation de 14\s?jours est écoulé/u)
      expect(await laterCharges(second.plan.id)).toEqual([])
      expect((await planById(api, shop, second.plan.id)).status).toBe("active")
    })

    it("refuses a missing, forged, respelled, other plan's or expired token", async () => {
      const a = await chairInThree()
      const b = await placeChairInThree()
      const missing = await get(store(a.plan.id))
      expect(missing.status).toBe(401)
      expect(missing.data.message).toContain("x-instalments-token header")
      expect((await get(store(a.plan.id), withToken(forged(a.token)))).status).toBe(403)
      // One token, one spelling: the same signature with the spare bits set is not a token.
      expect((await get(store(a.plan.id), withToken(respelled(a.token)))).status).toBe(403)
      expect((await get(store(a.plan.id), withToken(b.token))).status).toBe(403)
      const stretched = a.token.replace(/^v2\.(\d+)\.(\d+)\./, (_m, version, exp) => `v2.${version}.${Number(exp) + 86_400}.`)
      expect((await get(store(a.plan.id), withToken(stretched))).status).toBe(403)
      const action = await post(store(a.plan.id, "pay-early"), { scope: "all", token: b.token })
      expect(action.status).toBe(403)
      expect((await post(store(a.plan.id, "pay-early"), { scope: "all" }, withToken(b.token))).status).toBe(403)
      expect(await laterCharges(a.plan.id)).toEqual([])

      const expired = await get(store(a.plan.id), withToken(await tokenSignedDaysAgo(a.plan.id, 46))) // links last 45 days
      expect(expired.status).toBe(401)
      expect(expired.data.message).toContain("link_expired")
      // The admin's link is always a fresh one.
      const fresh = new URL((await planById(api, shop, a.plan.id)).self_service_url).searchParams.get("token") as string
      expect((await get(store(a.plan.id), withToken(fresh))).status).toBe(200)
    })

    it("expires links by the real time: moving the test clock neither expires nor revives a link, nor mints one valid for years", async () => {
      const { plan, token } = await chairInThree()
      service().clock.advanceDays(46)
      expect((await get(store(plan.id), withToken(token))).status).toBe(200)

      const expiredYesterday = await tokenSignedDaysAgo(plan.id, 46)
      service().clock.set(new Date(Date.now() - 60 * DAY)) // a test clock behind its expiry
      expect((await get(store(plan.id), withToken(expiredYesterday))).status).toBe(401)

      service().clock.set(new Date(Date.now() + 4 * 365 * DAY))
      const minted = new URL((await planById(api, shop, plan.id)).self_service_url).searchParams.get("token") as string
      const expiry = Number(minted.split(".")[2]) * 1000
      expect(expiry).toBeLessThanOrEqual(Date.now() + 45 * DAY)
      expect(expiry).toBeGreaterThan(Date.now() + 44 * DAY)
    })

    it("revokes every link at once: the admin's revoke-links, a resent link, and only once per Idempotency-Key", async () => {
      const { plan, token } = await chairInThree()
      const other = new URL((await planById(api, shop, plan.id)).self_service_url).searchParams.get("token") as string
      const admin = (path: string, body: unknown = {}, headers: Record<string, string> = {}) =>
        api.post(`/admin/instalment-plans/${path}`, body, { headers: { ...shop.adminHeaders, ...headers } }).catch((e: any) => e.response)

      const revoked = await admin(`${plan.id}/revoke-links`, {}, { "idempotency-key": "revoke-1" })
      expect(revoked.status).toBe(200)
      for (const old of [token, other]) {
        const refused = await get(store(plan.id), withToken(old))
        expect(refused.status).toBe(401)
        expect(refused.data.message).toBe(
          "link_revoked: this self-service link was replaced by a newer one (a new link was sent, or the card was changed). Use the link of the most recent e-mail, or ask the store to send a new one.",
        )
      }
      const current = new URL(revoked.data.instalment_plan.self_service_url).searchParams.get("token") as string
      expect(current).toMatch(/^v2\.1\./)
      expect((await get(store(plan.id), withToken(current))).status).toBe(200)
      // A retried request revokes nothing more: the link shown after the first one keeps working.
      expect((await admin(`${plan.id}/revoke-links`, {}, { "idempotency-key": "revoke-1" })).status).toBe(200)
      expect((await get(store(plan.id), withToken(current))).status).toBe(200)
      expect((await admin(`${plan.id}/revoke-links`, { reason: "x" })).status).toBe(400)
      expect((await admin("iplan_missing/revoke-links")).status).toBe(404)

      const resent = await admin(`${plan.id}/resend-link`)
      expect(resent.status).toBe(200)
      expect((await get(store(plan.id), withToken(current))).status).toBe(401)
      const emailed = (await emailsOf(plan.id, 2)).find((n) => n.template === "instalments.selfServiceLink")
      const fromEmail = new URL(emailed!.data.self_service_url).searchParams.get("token") as string
      expect(fromEmail).toMatch(/^v2\.2\./)
      expect((await get(store(plan.id), withToken(fromEmail))).status).toBe(200)

      const history = (await planById(api, shop, plan.id)).events
      expect(history.filter((e: any) => e.type === "plan.links_revoked").map((e: any) => [e.actor.replace(/user_\w+/, "user"), e.data])).toEqual([
        ["admin:user", { reason: "admin_revoked" }],
        ["admin:user", { reason: "link_resent" }],
      ])
    })

    /** The plan's e-mails, oldest first, once `count` of them are sent (their data is what the template rendered). */
    function emailsOf(planId: string, count: number) {
      return planEmails(getContainer(), planId, (emails) => emails.length >= count)
    }

    it("e-mails the plan in French: confirmed, updated, a reminder 3 days before (once), completed, and the link again", async () => {
      const { order, plan, token } = await chairInThree()
      const [confirmed] = await emailsOf(plan.id, 1)
      expect(confirmed).toMatchObject({ to: "lea.martin@example.com", channel: "email", template: "instalments.planConfirmed", status: "success" })
      expect(confirmed.data.subject).toBe(`Votre paiement en plusieurs fois pour la commande ${order.display_id} est confirmé`)
      expect(confirmed.data.text).toMatch(/Votre prochaine échéance de 84,96\s€ sera débitée sur votre carte le 28 février 2027/u)
      expect(confirmed.data.text).toContain("Conditions acceptées\u00a0: version 2026-11, le 31 janvier 2027.")
      expect(confirmed.data.text).toContain("Un crédit vous engage et doit être remboursé.")
      expect(confirmed.data.html).toContain(`<html lang="fr">`)
      expect(confirmed.data.html).toMatch(/<td style="text-align:right">84,98\s€<\/td>/u)
      const link = confirmed.data.self_service_url as string
      expect(confirmed.data.html).toContain(`href="${link}"`)
      expect((await get(`${store(plan.id)}?token=${new URL(link).searchParams.get("token")}`)).status).toBe(200)

      await post(store(plan.id, "postpone"), { instalment_number: 2, days: 2, token })
      const updated = (await emailsOf(plan.id, 2))[1]
      expect(updated.template).toBe("instalments.planUpdated")
      expect(updated.data.text).toMatch(/Votre prochaine échéance de 84,96\s€ sera débitée le 2 mars 2027/u)

      service().clock.set(new Date("2027-02-27T08:00:00Z")) // 3 days before 2 March
      expect(await sendDueReminders(getContainer())).toMatchObject({ today: "2027-02-27", sent: 1 })
      expect(await sendDueReminders(getContainer())).toMatchObject({ sent: 0 })
      const reminder = (await emailsOf(plan.id, 3))[2]
      expect(reminder.template).toBe("instalments.reminder")
      expect(reminder.data.subject).toMatch(/^Rappel\u00a0: votre échéance de 84,96\s€ le 2 mars 2027 pour la commande \d+$/u)
      const history = (await planById(api, shop, plan.id)).events
      expect(history.filter((e: any) => e.type === "plan.reminder_sent").map((e: any) => e.data)).toEqual([
        { instalment: 2, dueDate: "2027-03-02", on: "2027-02-27" },
      ])

      const resent = await api.post(`/admin/instalment-plans/${plan.id}/resend-link`, {}, { headers: shop.adminHeaders })
      expect(resent.data.instalment_plan.self_service_url).toContain(`/instalments/plans/${plan.id}?token=`)
      await post(store(plan.id, "pay-early"), { scope: "all", token: new URL(resent.data.instalment_plan.self_service_url).searchParams.get("token") as string })
      const all = await emailsOf(plan.id, 5)
      expect(all.map((n) => n.template)).toEqual([
        "instalments.planConfirmed",
        "instalments.planUpdated",
        "instalments.reminder",
        "instalments.selfServiceLink",
        "instalments.planCompleted",
      ])
      expect(all[3].data.subject).toBe(`Commande ${order.display_id}\u00a0: votre lien vers votre échéancier`)
      expect(all[4].data.text).toMatch(/la commande \d+ est entièrement réglée, pour un total de 254,90\s€/u)
    })

    it("e-mails a failed payment in the plan's language (German) when the due instalment is declined", async () => {
      const { plan } = await placeChairInThree("tok_insufficient_later", "de")
      service().clock.set(new Date("2027-02-28T08:00:00Z"))
      // The collection's own revision, as the job applies it: a decline is recorded, not thrown.
      await service().revise(plan.id, (p, ctx) => collectDueRevision(p, {}, ctx), {
        actor: "system",
        idempotencyKey: `test:${plan.id}:collect`,
        request: { name: "collect" },
        declineIsError: false,
      })
      const failed = (await emailsOf(plan.id, 2)).find((n) => n.template === "instalments.paymentFailed")
      expect(failed?.data.subject).toMatch(/^Bestellung \d+: Ihre Rate konnte nicht eingezogen werden$/)
      expect(failed?.data.text).toMatch(/Wir konnten Ihre am 28\. Februar 2027 fällige Rate von 84,96\s€/u)
      expect(failed?.data.instalment_numbers).toEqual([2])
    })

    const page = (planId: string) => `/instalments/plans/${planId}`

    /** A page request as a browser sends it, without following redirects. */
    function getPage(url: string, headers: Record<string, string> = {}) {
      return api.get(url, { headers, responseType: "text", maxRedirects: 0, validateStatus: () => true })
    }

    function postForm(planId: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
      return api.post(`${page(planId)}?locale=fr`, new URLSearchParams(fields).toString(), {
        headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
        responseType: "text",
        maxRedirects: 0,
        validateStatus: () => true,
      })
    }

    /** The `name=value` of the link cookie a response sets, and its attributes. */
    function linkCookie(res: any): { pair: string; attributes: string[] } {
      const header = ([] as string[]).concat(res.headers["set-cookie"] ?? []).find((c) => c.startsWith("instalments_link="))
      const [pair, ...attributes] = (header ?? "").split(";").map((part) => part.trim())
      return { pair, attributes }
    }

    /** Opens the e-mail's link as a browser does: the token for a cookie, then the page with the cookie. */
    async function openPage(planId: string, token: string, query = "", headers: Record<string, string> = {}) {
      const exchange = await getPage(`${page(planId)}?token=${token}${query}`, headers)
      expect(exchange.status).toBe(303)
      const cookie = linkCookie(exchange).pair
      const res = await getPage(exchange.headers.location, { cookie, ...headers })
      return { exchange, cookie, res }
    }

    /** The hidden idempotency key of the page's form for `action` (+ `scope`). */
    /** The plan version a form carries (its action's key is derived from it). */
    function formVersion(html: string, action: string, scope?: string): string {
      const forms = html.split("<form ").slice(1)
      const form = forms.find((f) => f.includes(`name="action" value="${action}"`) && (!scope || f.includes(`name="scope" value="${scope}"`)))
      return /name="version" value="([^"]+)"/.exec(form ?? "")?.[1] as string
    }

    it("renders the page in French with the schedule and the allowed actions, and error pages for bad links", async () => {
      const { order, plan, token } = await chairInThree()
      const { res, cookie } = await openPage(plan.id, token)
      expect(res.status).toBe(200)
      expect(res.headers["content-type"]).toContain("text/html")
      expect(res.headers).toMatchObject({
        "cache-control": "no-store",
        "referrer-policy": "no-referrer",
        "x-frame-options": "DENY",
        "cross-origin-opener-policy": "same-origin",
      })
      expect(res.headers["content-security-policy"]).toContain("default-src 'none'")
      expect(res.headers["strict-transport-security"]).toBeUndefined() // plain http here
      const html = res.data as string
      expect(html).toContain('<html lang="fr">')
      expect(html).toContain("<h1>Votre échéancier</h1>")
      expect(html).toContain(`Commande ${order.display_id}`)
      expect(html).toMatch(/<th scope="row">2<\/th><td>28 février 2027<\/td><td class="amount">84,96\s€<\/td><td>À venir<\/td>/u)
      expect(html).toMatch(/Reste à payer\s?: 169,92\s€/u)
      for (const label of ["Payer la prochaine échéance maintenant", "Tout payer maintenant", "Reporter une échéance", "Changer de carte", "Me rétracter"]) {
        expect(html).toContain(`>${label}</button>`)
      }
      expect(html).toContain(`action="/instalments/plans/${plan.id}?locale=fr"`)
      expect(html).toContain(`<input type="hidden" name="token" value="${token}">`)
      expect(html).toContain('<label for="postpone-days">Nombre de jours</label>')
      expect(html).toContain("Un crédit vous engage et doit être remboursé.")
      // The token is in the forms' bodies only, never in a link.
      expect(html).toContain(`href="/instalments/plans/${plan.id}?locale=de"`)
      const occurrences = (text: string) => html.split(text).length - 1
      expect(occurrences(token)).toBe(occurrences('name="token"'))

      const german = await getPage(`${page(plan.id)}?locale=de`, { cookie })
      expect(german.data).toContain('<html lang="de">')
      expect(german.data).toContain("<h1>Ihr Zahlungsplan</h1>")
      const injected = await getPage(`${page(plan.id)}?locale=%3Cscript%3Ealert(1)%3C%2Fscript%3E`, { cookie })
      expect(injected.status).toBe(200)
      expect(injected.data).not.toContain("<script>")

      const bad = await getPage(`${page(plan.id)}?token=${forged(token)}`, { "accept-language": "fr-FR,fr;q=0.9" })
      expect(bad.status).toBe(403)
      expect(bad.data).toContain("Ce lien n&#39;est pas valide.")
      expect(bad.data).not.toContain("84,96")
      expect(bad.headers).toMatchObject({ "cache-control": "no-store", "x-frame-options": "DENY" })
      expect((await getPage(`${page(plan.id)}?token=${respelled(token)}`)).status).toBe(403)
      expect((await getPage(page(plan.id))).status).toBe(401)
      const expired = await getPage(`${page(plan.id)}?token=${await tokenSignedDaysAgo(plan.id, 46)}&locale=fr`)
      expect(expired.status).toBe(401)
      expect(expired.data).toContain("<h1>Ce lien a expiré</h1>")
    })

    it("exchanges the link's token for a session cookie scoped to the plan's page, and answers 303 to the page without it", async () => {
      const { plan, token } = await chairInThree()
      const { exchange, cookie, res } = await openPage(plan.id, token, "&locale=de")
      expect(exchange.headers.location).toBe(`/instalments/plans/${plan.id}?locale=de`)
      expect(exchange.headers).toMatchObject({ "cache-control": "no-store", "referrer-policy": "no-referrer" })
      expect(cookie).toBe(`instalments_link=${token}`)
      expect(linkCookie(exchange).attributes.sort()).toEqual([`Path=/instalments/plans/${plan.id}`, "HttpOnly", "SameSite=Strict"].sort())
      expect(res.status).toBe(200)
      expect(res.data).toContain('<html lang="de">')

      // Behind an https proxy: a Secure cookie, and browsers told to stay on https.
      const secure = await getPage(`${page(plan.id)}?token=${token}`, { "x-forwarded-proto": "https" })
      expect(linkCookie(secure).attributes).toContain("Secure")
      expect(secure.headers["strict-transport-security"]).toBe("max-age=31536000")

      // A revoked link's cookie opens nothing more, says why, and is removed.
      await api.post(`/admin/instalment-plans/${plan.id}/revoke-links`, {}, { headers: shop.adminHeaders })
      const replaced = await getPage(page(plan.id), { cookie, "accept-language": "fr" })
      expect(replaced.status).toBe(401)
      expect(replaced.data).toContain("<h1>Ce lien a été remplacé</h1>")
      expect(linkCookie(replaced).pair).toBe("instalments_link=")
    })

    it("answers an unexpected failure with the error page and its headers, never cached", async () => {
      // A plan id Postgres cannot even compare (a NUL byte), with a token correctly signed for it.
      const token = signPlanToken(service().selfService, { id: "iplan_\u0000", link_version: 0 }, new Date())
      const res = await getPage(`${page("iplan_%00")}?token=${token}`, { "accept-language": "fr" })
      expect(res.status).toBe(500)
      expect(res.headers["content-type"]).toContain("text/html")
      expect(res.headers).toMatchObject({ "cache-control": "no-store", "x-frame-options": "DENY", "referrer-policy": "no-referrer" })
      expect(res.data).toContain("Une erreur est survenue.")
    })

    it("keeps the shopper's page working after they change the card, with a new token; the old links stop", async () => {
      const { plan, token } = await chairInThree()
      const { res } = await openPage(plan.id, token)
      const changed = await postForm(plan.id, { token, action: "change-card", card_token: "tok_mastercard", version: formVersion(res.data, "change-card") })
      expect(changed.status).toBe(200)
      expect(changed.data).toContain("Votre nouvelle carte a bien été enregistrée.")
      const renewed = /name="token" value="([^"]+)"/.exec(changed.data)?.[1] as string
      expect(renewed).toMatch(/^v2\.1\./)
      expect(linkCookie(changed).pair).toBe(`instalments_link=${renewed}`)
      expect((await getPage(`${page(plan.id)}?token=${token}`)).status).toBe(401)
      const paid = await postForm(plan.id, { token: renewed, action: "pay-early", scope: "next", version: formVersion(changed.data, "pay-early", "next") })
      expect(paid.status).toBe(200)
      expect(await laterCharges(plan.id)).toEqual([8496])
    })

    it("acts from the page's forms: the next instalment paid once even when the form is sent twice, a refusal shown", async () => {
      const { plan, token } = await chairInThree()
      const html = (await openPage(plan.id, token)).res.data as string
      const version = formVersion(html, "pay-early", "next")
      expect(version).toMatch(/^\d+$/)
      const fields = { token, action: "pay-early", scope: "next", version }
      const paid = await postForm(plan.id, fields)
      expect(paid.status).toBe(200)
      expect(paid.data).toMatch(/<div class="notice success" role="status"><p>Merci\. Votre paiement de 84,96\s€ a bien été reçu\./u)
      expect(paid.data).toMatch(/<th scope="row">2<\/th><td>28 février 2027<\/td><td class="amount">84,96\s€<\/td><td>Payée<\/td>/u)
      const again = await postForm(plan.id, fields)
      expect(again.status).toBe(200)
      expect(await laterCharges(plan.id)).toEqual([8496])

      const refused = await postForm(plan.id, { token, action: "postpone", instalment_number: "3", days: "16", version: formVersion(paid.data, "postpone") })
      expect(refused.status).toBe(400)
      expect(refused.data).toContain('<div class="notice error" role="alert"><p>Une échéance peut être reportée de 15 jours au maximum.')
      const other = await placeChairInThree()
      const wrongPlan = await postForm(plan.id, { token: other.token, action: "pay-early", scope: "all", version: "0" })
      expect(wrongPlan.status).toBe(403)
      expect(await laterCharges(plan.id)).toEqual([8496])
    })
  },
})
