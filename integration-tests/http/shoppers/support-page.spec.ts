/**
 * The self-service page's "Ask for help" form (issue 19 part 1, docs/business-rules.md §9): a plain
 * form POST to the page with the link's token in its body, answered with the page. Every outcome:
 * the request opened (and the same form sent twice opening one), a category the page solves shown
 * its action first, an order matter said to go to the merchant, bad input shown in the shopper's
 * language with nothing written, and a form of another tab refused. Orders are placed on Sunday
 * 31 January 2027 with the sandbox processor (the office chair in 3, French).
 */
import { shopRunner } from "../../helpers/shared-app"
import { madeBeforeAll, placeOrder, planById, planOfOrder, useShop } from "../../helpers/shop"

jest.setTimeout(240_000)

const CHECKOUT_DAY = new Date("2027-01-31T10:00:00Z")

shopRunner({
  testSuite: ({ api, getContainer }) => {
    const shop = useShop(api, getContainer, CHECKOUT_DAY)

    async function placeChairInThree() {
      const { order } = await placeOrder(api, shop, "office-chair", { plan: "p3x", card_token: "tok_visa", locale: "fr" })
      const plan = await planOfOrder(api, shop, order.id)
      return { order, plan, token: new URL(plan.self_service_url).searchParams.get("token") as string }
    }

    /** Such a chair, ordered before the tests: (nearly) every test starts with one. */
    const chairInThree = madeBeforeAll(getContainer, CHECKOUT_DAY, () => placeChairInThree())

    /** The form as a browser posts it (no redirects followed: the page answers itself). */
    function postForm(planId: string, fields: Record<string, string>, locale = "fr") {
      return api.post(`/instalments/plans/${planId}?locale=${locale}`, new URLSearchParams(fields).toString(), {
        headers: { "content-type": "application/x-www-form-urlencoded" },
        responseType: "text",
        maxRedirects: 0,
        validateStatus: () => true,
      })
    }

    const ask = (token: string, category: string, message: string, extra: Record<string, string> = {}) => ({ token, action: "support-request", requests_seen: "0", category, message, ...extra })

    async function storedRequests(planId: string, token: string) {
      const res = await api.get(`/store/instalment-plans/${planId}/support-requests`, { headers: { ...shop.storeHeaders, "x-instalments-token": token } })
      return res.data.support_requests as any[]
    }

    /** The page's support notice (in the section the form's answer lands on). */
    const supportNotice = (html: string) => /<section id="support"[\s\S]*?<div class="notice (\w+)" role="(\w+)"><p>([^<]*)<\/p>/.exec(html)?.slice(1)

    it("opens the request from the form, shows it on the page, and opens it once when the form is sent twice", async () => {
      const { order, plan, token } = await chairInThree()
      const page = await api.get(`/instalments/plans/${plan.id}?token=${token}`, { maxRedirects: 0, validateStatus: () => true })
      const cookie = String(page.headers["set-cookie"]).split(";")[0]
      const html = (await api.get(`/instalments/plans/${plan.id}?locale=fr`, { headers: { cookie }, responseType: "text" })).data as string
      expect(html).toContain('<h2 id="support-title">Demander de l&#39;aide</h2>')
      expect(html).toContain(`<input id="support-order" type="text" value="${order.display_id}" readonly>`)
      expect(html).toContain(`action="/instalments/plans/${plan.id}?locale=fr#support"`)

      const fields = ask(token, "schedule_question", "Quand est prélevée la 2e échéance ?")
      const sent = await postForm(plan.id, fields)
      expect(sent.status).toBe(200)
      expect(supportNotice(sent.data)).toEqual(["success", "status", expect.stringMatching(/^Votre demande a bien été envoyée\. La boutique vous répondra sous 24\sheures/u)])
      expect(sent.data).toContain("<strong>Une question sur mon échéancier</strong> · Envoyée le 31 janvier 2027 · En cours")
      expect(sent.data).toContain('<p class="body">Quand est prélevée la 2e échéance ?</p>')
      expect(sent.data).toContain('<input type="hidden" name="requests_seen" value="1">')

      expect((await postForm(plan.id, fields)).status).toBe(200) // a reload of the answer
      const stored = await storedRequests(plan.id, token)
      expect(stored.map((r) => [r.category, r.status, r.messages.map((m: any) => m.body)])).toEqual([["schedule_question", "open", ["Quand est prélevée la 2e échéance ?"]]])
      const history = (await planById(api, shop, plan.id)).events.filter((e: any) => e.type === "support.request_opened")
      expect(history.map((e: any) => e.actor)).toEqual(["shopper"])

      const complaint = await postForm(plan.id, ask(token, "formal_complaint", "Je conteste les frais.", { requests_seen: "1" }))
      expect(supportNotice(complaint.data)?.[2]).toMatch(/^Votre réclamation a bien été envoyée\. La boutique vous répondra sous 48\sheures ouvrées/u)
      expect(await storedRequests(plan.id, token)).toHaveLength(2)
    })

    it("points a category the page solves to its action first, writing nothing, then sends it when asked to", async () => {
      const { plan, token } = await chairInThree()
      for (const [category, anchor, label] of [
        ["postpone", "action-postpone", "Reporter une échéance"],
        ["change_card", "action-change-card", "Changer de carte"],
        ["payment_refused", "action-pay-next", "Payer la prochaine échéance maintenant"],
        ["difficulty_paying", "action-pay-next", "Payer la prochaine échéance maintenant"],
      ]) {
        const res = await postForm(plan.id, ask(token, category, "Je voudrais décaler mon paiement."))
        expect(res.status).toBe(200)
        expect(res.data).toContain(`<a href="#${anchor}">${label}</a>`)
        expect(res.data).toContain(`<form id="${anchor}"`)
        expect(res.data).toContain("vous pouvez quand même envoyer votre demande à la boutique.")
        expect(res.data).toContain(`<option value="${category}" selected>`)
        expect(res.data).toContain(">Je voudrais décaler mon paiement.</textarea>")
        expect(res.data).toContain('<input type="hidden" name="send_anyway" value="1">')
      }
      expect(await storedRequests(plan.id, token)).toEqual([])

      const anyway = await postForm(plan.id, ask(token, "postpone", "Je voudrais décaler mon paiement.", { send_anyway: "1" }))
      expect(anyway.status).toBe(200)
      expect(supportNotice(anyway.data)?.[0]).toBe("success")
      expect((await storedRequests(plan.id, token)).map((r) => r.category)).toEqual(["postpone"])
    })

    it("says plainly that the store handles an order matter, and puts it in the store's Support inbox", async () => {
      const { plan, token } = await chairInThree()
      const res = await postForm(plan.id, ask(token, "order_not_received", "Le colis n'est jamais arrivé."))
      expect(res.status).toBe(200)
      expect(supportNotice(res.data)?.[2]).toMatch(/^Votre demande a bien été transmise à la boutique, qui gère elle-même les livraisons et les produits\./)
      const inbox = await api.get("/admin/instalment-support-requests?status=open", { headers: shop.adminHeaders })
      expect(inbox.data.support_requests.filter((r: any) => r.plan_id === plan.id).map((r: any) => r.category)).toEqual(["order_not_received"])
    })

    it("shows bad input in the shopper's language, keeps what they typed, and writes nothing", async () => {
      const { plan, token } = await chairInThree()
      const cases: [Record<string, string>, string, string][] = [
        [ask(token, "", "Bonjour"), "fr", "Veuillez choisir l'objet de votre demande."],
        [ask(token, "complaint", "Bonjour"), "fr", "Veuillez choisir l'objet de votre demande."],
        [ask(token, "schedule_question", "   "), "fr", "Veuillez décrire votre demande dans le champ message."],
        [ask(token, "schedule_question", "x".repeat(4001)), "fr", "Votre message est trop long\u00a0: 4000 caractères au maximum."],
        [ask(token, "schedule_question", ""), "de", "Bitte beschreiben Sie Ihr Anliegen im Nachrichtenfeld."],
        [ask(token, "refund", "Hola"), "es", "Elija el motivo de su solicitud."],
      ]
      for (const [fields, locale, text] of cases) {
        const res = await postForm(plan.id, fields, locale)
        expect(res.status).toBe(400)
        const [kind, role, shown] = supportNotice(res.data) ?? []
        expect([kind, role]).toEqual(["error", "alert"])
        expect(shown?.replace(/&#39;/g, "'")).toContain(text)
        expect(res.data).toContain(`<html lang="${locale}">`)
      }
      const long = await postForm(plan.id, ask(token, "schedule_question", "x".repeat(4001)))
      expect(long.data).toContain(`>${"x".repeat(4001)}</textarea>`)
      expect(await storedRequests(plan.id, token)).toEqual([])
      expect((await planById(api, shop, plan.id)).events.filter((e: any) => e.type.startsWith("support."))).toEqual([])
    })

    it("refuses a form with another plan's token, and a different text sent from a page that is out of date", async () => {
      const mine = await chairInThree()
      const theirs = await placeChairInThree()
      const forged = await postForm(theirs.plan.id, ask(mine.token, "schedule_question", "Bonjour"))
      expect(forged.status).toBe(403)
      expect(forged.data).not.toContain("support-title")
      expect(await storedRequests(theirs.plan.id, theirs.token)).toEqual([])

      // Two tabs opened on the same page: the second sends another text with the same form.
      expect((await postForm(mine.plan.id, ask(mine.token, "schedule_question", "Premier onglet"))).status).toBe(200)
      const second = await postForm(mine.plan.id, ask(mine.token, "schedule_question", "Second onglet"))
      expect(second.status).toBe(409)
      expect(supportNotice(second.data)?.[2]).toMatch(/^Cette page a changé entre-temps et rien n&#39;a été envoyé\./)
      expect(second.data).toContain('<p class="body">Premier onglet</p>')
      expect((await storedRequests(mine.plan.id, mine.token)).map((r) => r.messages[0].body)).toEqual(["Premier onglet"])
    })
  },
})
