/**
 * The admin's Support page (run by ../dashboard.spec.ts, on its store and its signed-in page, after
 * the plans' part): a shopper orders, then opens two requests through the Store API on Friday
 * 5 February 2027 at 19:00 in Paris (sandbox test clock); the admin sees them oldest reply clock
 * first with the time left, replies to the complaint (the reply is e-mailed and shown to the
 * shopper), closes it and finds it under "Closed"; the order page's widget lists the plan's
 * requests. Then the shopper, on their self-service page (French, no script): the admin's reply in
 * their requests, the "Ask for help" form pointing a postponement to the page's own form first, the
 * request sent anyway, and the admin's reply to it seen on the page.
 */
import fs from "node:fs"
import path from "node:path"
import type { Browser, Page } from "playwright-core"
import { SHOTS } from "../support/chromium"
import type { Dashboard } from "../support/dashboard"
import type { DemoServer } from "../support/demo-server"
import { placeOrder, planOfOrder, storeApi } from "../support/storefront"

export function supportPages(dashboard: Dashboard) {
  let server: DemoServer
  let browser: Browser
  let page: Page
  let admin: Dashboard["admin"]
  let planId: string
  let orderId: string
  let token: string
  const requests: Record<"complaint" | "question", string> = {} as any
  const shot = (name: string) => dashboard.shot(name)

  describe("support requests", () => {
    // The plans' part ran on 31 January 2027: the order is placed on the test clock where it left it.
    beforeAll(async () => {
      ;({ server, browser, page, admin } = dashboard)
      const order = await placeOrder(server, { handle: "office-chair", plan: "p3x", cardToken: "tok_visa", email: "lea.martin@example.com" })
      orderId = order.id
      planId = (await planOfOrder(admin, order.id)).id
      const { instalment_plan } = await admin.get(`/admin/instalment-plans/${planId}`)
      token = new URL(instalment_plan.self_service_url).searchParams.get("token") as string
      await admin.post("/admin/instalments/sandbox/clock", { set: "2027-02-05T18:00:00Z" })
      const store = storeApi(server)
      const open = async (category: string, message: string) =>
        (await store.post(`/store/instalment-plans/${planId}/support-requests`, { token, category, message })).support_request.id as string
      requests.question = await open("schedule_question", "Quand est prélevée la 2e échéance ?")
      requests.complaint = await open("formal_complaint", "Je conteste les frais.")
    })

    describe("the Support page", () => {
      it("lists the open requests, oldest reply clock first, with the time left", async () => {
        await page.goto(`${server.base}/app/instalment-support`)
        const rows = page.getByTestId("support-request")
        await rows.first().waitFor({ timeout: 120_000 })
        const seen = await rows.evaluateAll((trs) =>
          trs.map((tr) => ({ id: tr.getAttribute("data-request-id"), text: tr.textContent, overdue: tr.querySelector("[data-testid=support-clock]")?.getAttribute("data-overdue") })),
        )
        // The question is due Saturday 19:00 (24 h), the complaint Tuesday 19:00 (48 working hours).
        expect(seen.map((r) => r.id)).toEqual([requests.question, requests.complaint])
        expect(seen[0].text).toMatch(/Question on the schedule.*2[34] h \d\d min left/)
        expect(seen[1].text).toMatch(/Formal complaint.*9[56] h \d\d min left/)
        expect(seen.map((r) => r.overdue)).toEqual(["false", "false"])
        await shot("support-page")
      })

      it("replies to a request (e-mailed, shown to the shopper), closes it and finds it under Closed", async () => {
        await page.locator(`[data-request-id="${requests.complaint}"]`).click()
        const conversation = page.getByTestId("support-conversation")
        await conversation.waitFor()
        await page.getByTestId("support-reply-input").fill("Les frais ont été annulés.")
        await conversation.getByRole("button", { name: "Send reply" }).click()
        await page.getByTestId("support-notice").waitFor()
        expect(await page.getByTestId("support-notice").textContent()).toBe("Reply sent by e-mail.")
        await conversation.locator('[data-author="merchant"]').waitFor()
        await shot("support-reply")

        const store = storeApi(server)
        const mine = await store.get(`/store/instalment-plans/${planId}/support-requests?token=${encodeURIComponent(token)}`)
        const complaint = mine.support_requests.find((r: any) => r.id === requests.complaint)
        expect(complaint.messages.map((m: any) => [m.author, m.body])).toEqual([
          ["shopper", "Je conteste les frais."],
          ["merchant", "Les frais ont été annulés."],
        ])

        await conversation.getByRole("button", { name: "Close" }).click()
        await page.locator(`[data-request-id="${requests.complaint}"]`).waitFor({ state: "detached" })
        await page.getByTestId("support-status-filter").click()
        await page.getByRole("option", { name: "Closed" }).click()
        await page.locator(`[data-request-id="${requests.complaint}"]`).waitFor()
        expect(await page.getByTestId("support-request").count()).toBe(1)
        await shot("support-closed")
      })
      it("lists the plan's requests on the order page, the closed one as closed", async () => {
        await page.goto(`${server.base}/app/orders/${orderId}`)
        const section = page.getByTestId("plan-support-requests")
        await section.waitFor({ timeout: 120_000 })
        await section.scrollIntoViewIfNeeded()
        const rows = await section.getByTestId("plan-support-request").evaluateAll((lis) => lis.map((li) => [li.getAttribute("data-status"), li.textContent]))
        expect(rows).toEqual([
          ["open", expect.stringMatching(/^Question on the schedule · .*2[34] h \d\d min left$/)],
          ["closed", expect.stringMatching(/^Formal complaint · .*Closed$/)],
        ])
        await shot("support-order-widget")
      })
    })

    describe("the shopper's page", () => {
      let shopper: Page

      async function shopperShot(name: string) {
        fs.mkdirSync(SHOTS, { recursive: true })
        await shopper.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true })
      }

      it("shows the store's reply, points a postponement to the page's own form, then sends the request anyway", async () => {
        const context = await browser.newContext({ viewport: { width: 800, height: 1000 }, locale: "fr-FR", timezoneId: "Europe/Paris", javaScriptEnabled: false })
        shopper = await context.newPage()
        await shopper.goto(`${server.base}/instalments/plans/${planId}?token=${token}&locale=fr`)
        const section = shopper.locator("section#support")
        await section.waitFor()
        // The complaint the admin answered and closed above, with the store's reply.
        const complaint = section.locator("ul.requests > li", { hasText: "Réclamation" })
        expect(await complaint.locator("p").first().textContent()).toMatch(/^Réclamation · Envoyée le 5 février 2027 · Close$/)
        expect(await complaint.locator(".message.merchant .body").textContent()).toBe("Les frais ont été annulés.")
        expect(await section.getByLabel("Référence de la commande").inputValue()).toMatch(/^\d+$/)

        await section.getByLabel("Votre demande concerne").selectOption("postpone")
        await section.getByLabel("Votre message").fill("Je serai payé le 5 mars, puis-je décaler ?")
        await section.getByRole("button", { name: "Envoyer ma demande" }).click()
        await shopper.locator("#support-remedy").waitFor()
        expect(new URL(shopper.url()).hash).toBe("#support")
        expect(await shopper.locator("#support-remedy").textContent()).toContain("Vous pouvez reporter une échéance vous-même, tout de suite, sur cette page")
        await shopperShot("shopper-support-remedy")
        await shopper.locator("#support-remedy").getByRole("link", { name: "Reporter une échéance" }).click()
        expect(new URL(shopper.url()).hash).toBe("#action-postpone")
        expect(await shopper.locator("form#action-postpone").isVisible()).toBe(true)

        // Not what they need: the request goes anyway, with what they typed.
        expect(await section.getByLabel("Votre message").inputValue()).toBe("Je serai payé le 5 mars, puis-je décaler ?")
        await section.getByRole("button", { name: "Envoyer quand même ma demande" }).click()
        await section.locator(".notice.success").waitFor()
        expect(await section.locator(".notice.success").textContent()).toMatch(/^Votre demande a bien été envoyée\. La boutique vous répondra sous 24\sheures/u)
        const sent = section.locator("ul.requests > li").first()
        expect(await sent.locator("p").first().textContent()).toBe("Reporter une échéance · Envoyée le 5 février 2027 · En cours")
        await shopperShot("shopper-support-sent")

        // The store replies from the admin; the shopper sees it on the page.
        const { support_requests } = await admin.get(`/admin/instalment-support-requests?status=open&plan_id=${planId}`)
        const postponement = support_requests.find((r: any) => r.category === "postpone")
        await admin.post(`/admin/instalment-support-requests/${postponement.id}/reply`, { message: "Oui : reportez la 2e échéance de 5 jours depuis cette page." })
        await shopper.goto(`${server.base}/instalments/plans/${planId}?locale=fr`)
        const answered = shopper.locator("section#support ul.requests > li").first()
        expect(await answered.locator(".message").evaluateAll((divs) => divs.map((d) => [d.className, d.querySelector(".body")?.textContent]))).toEqual([
          ["message shopper", "Je serai payé le 5 mars, puis-je décaler ?"],
          ["message merchant", "Oui : reportez la 2e échéance de 5 jours depuis cette page."],
        ])
        await answered.scrollIntoViewIfNeeded()
        await shopperShot("shopper-support-reply")
        await context.close()
      })
    })
  })
}
