/** The e-mails, rendered without a database: wording, language, the schedule and the link. */
import { esc } from "../domain/texts"
import type { PlanRow } from "../modules/instalments/mapping"
import { chairPlan, ORDER_DAY, rowOf } from "../../test-support/plan-rows"
import { renderPlanEmail } from "./emails"

describe("the e-mails", () => {
  const link = "https://shop.example/instalments/plans/iplan_1?token=v1.2.x"
  const ctx = { locale: "fr" as const, link, linkExpiresAt: new Date("2027-03-17T10:00:00Z"), today: ORDER_DAY, timeZone: "Europe/Paris" }

  it("confirms the plan with its schedule, the terms accepted and the legal warning, in text and HTML", () => {
    const email = renderPlanEmail("planConfirmed", rowOf(chairPlan()), ctx)
    expect(email.subject).toBe("Votre paiement en plusieurs fois pour la commande 42 est confirmé")
    expect(email.text).toMatch(/Votre prochaine échéance de 84,96\s€ sera débitée sur votre carte le 28 février 2027/u)
    expect(email.text).toMatch(/^1\. 31 janvier 2027\u00a0?: 84,98\s€ \(Payée\)$/mu)
    expect(email.text).toMatch(/Total\s?: 254,90\s€/u)
    expect(email.text).toContain("Conditions acceptées\u00a0: version 2026-11, le 31 janvier 2027.")
    expect(email.text).toContain("Un crédit vous engage et doit être remboursé.")
    expect(email.html).toContain(`<a href="${esc(link)}">${esc(link)}</a>`)
  })

  it("speaks of the instalments a reminder or a failure is about, and of the link's expiry", () => {
    const row = rowOf(chairPlan())
    expect(renderPlanEmail("reminder", row, { ...ctx, instalmentNumbers: [3] }).subject).toMatch(/^Rappel\u00a0: votre échéance de 84,96\s€ le 31 mars 2027 pour la commande 42$/u)
    expect(renderPlanEmail("selfServiceLink", row, ctx).text).toContain("ce lien est valable jusqu'au 17 mars 2027")
    const german = renderPlanEmail("paymentFailed", { ...row, locale: "de" } as PlanRow, { ...ctx, locale: "de", instalmentNumbers: [2] })
    expect(german.subject).toBe("Bestellung 42: Ihre Rate konnte nicht eingezogen werden")
  })

  it("a payment failed for 3-D Secure asks the shopper to pay on their page with their bank's confirmation, in their language", () => {
    const row = rowOf(chairPlan())
    const french = renderPlanEmail("paymentFailed", row, { ...ctx, instalmentNumbers: [2], failureReason: "authentication_required" })
    expect(french.subject).toBe(renderPlanEmail("paymentFailed", row, { ...ctx, instalmentNumbers: [2] }).subject)
    expect(french.text).toMatch(/votre banque vous demande de confirmer ce paiement vous-même \(3-D Secure\)/u)
    expect(french.text).toContain(`la confirmation de votre banque\u00a0: ${link}`)
    expect(french.text).not.toContain("Nous effectuerons une nouvelle tentative")
    for (const locale of ["en", "es", "de", "it", "nl"] as const) {
      const email = renderPlanEmail("paymentFailed", { ...row, locale } as PlanRow, { ...ctx, locale, instalmentNumbers: [2], failureReason: "authentication_required" })
      expect(email.text).toContain("3-D Secure")
      expect(email.text).toContain(link)
    }
    // Any other reason: the usual e-mail (the card is retried).
    expect(renderPlanEmail("paymentFailed", row, { ...ctx, instalmentNumbers: [2], failureReason: "insufficient_funds" }).text).not.toContain("3-D Secure")
  })

  it("quotes the merchant's reply to a support request, escaped in HTML, in the plan's language", () => {
    const row = rowOf(chairPlan())
    const reply = "Votre colis est parti hier.\n<b>Suivi</b> : 123"
    const french = renderPlanEmail("supportReply", row, { ...ctx, reply })
    expect(french.subject).toBe("Commande 42\u00a0: réponse à votre demande")
    expect(french.text).toContain("La boutique a répondu à votre demande concernant l'échéancier de votre commande 42\u00a0:\n\n> Votre colis est parti hier.\n> <b>Suivi</b> : 123")
    expect(french.html).toContain("Votre colis est parti hier.\n&lt;b&gt;Suivi&lt;/b&gt; : 123</blockquote>")
    expect(french.html).not.toContain("<b>Suivi")
    const dutch = renderPlanEmail("supportReply", { ...row, locale: "nl" } as PlanRow, { ...ctx, locale: "nl", reply: "Ja." })
    expect(dutch.subject).toBe("Bestelling 42: antwoord op uw vraag")
    expect(dutch.text).toContain("> Ja.")
  })
})
