/**
 * The self-service pieces that need no database: the shopper's wording of refusals, the shopper
 * view and its actions, the page (escaping, language).
 * Plans are built through the engine's public path (quote → createPlan) and mapped to rows as the
 * module stores them.
 */
import { MedusaError } from "@medusajs/framework/utils"
import { defaultEngineConfig } from "../domain/config"
import { money } from "../domain/money"
import { applyChargeSucceeded } from "../domain/revisions/charges"
import { postpone } from "../domain/revisions"
import type { PlanRow } from "../modules/instalments/mapping"
import { chairPlan, rowOf } from "../../test-support/plan-rows"
import { esc } from "../domain/texts"
import { renderErrorPage, renderPlanPage } from "./page"
import { forShopper, shopperRefusalText, splitRefusal } from "./refusals"
import { shopperPlanView } from "./shopper-view"

const config = defaultEngineConfig()

/** The `action` of every form of the page but the "Ask for help" one. */
const actionFormsOf = (html: string) => [...html.matchAll(/name="action" value="([^"]+)"/g)].map((m) => m[1]).filter((a) => a !== "support-request")
const ctxOn = (today: string) => ({ config, today, now: `${today}T10:00:00.000Z` })

describe("refusals for the shopper", () => {
  it("keeps the engine's code and words the message in the shopper's language", () => {
    const error = new MedusaError(MedusaError.Types.NOT_ALLOWED, "postpone_days_out_of_range: A due date can be postponed by 1 to 15 days (got 16).", "postpone_days_out_of_range")
    const reworded = forShopper(error, "de", config) as MedusaError
    expect(reworded.type).toBe(MedusaError.Types.NOT_ALLOWED)
    expect(reworded.code).toBe("postpone_days_out_of_range")
    expect(reworded.message).toMatch(/^postpone_days_out_of_range: .*15/)
    expect(reworded.message).not.toContain("got 16")
    expect(shopperRefusalText("withdrawal_period_over", "en", config)).toContain("14-day")
    expect(shopperRefusalText("insufficient_funds", "fr", config)).toMatch(/^Votre banque a refusé le paiement/)
    expect(shopperRefusalText("plan_not_active", "en", config, "completed")).toBe("This payment plan is closed and can no longer be changed.")
    expect(shopperRefusalText("something_internal", "en", config)).toBe("Something went wrong. Please try again in a few minutes.")
  })

  it("leaves eligibility refusals (already translated) and other errors as they are", () => {
    const card = new MedusaError(MedusaError.Types.NOT_ALLOWED, "card_prepaid: Les cartes prépayées ne sont pas acceptées.", "card_prepaid")
    expect(forShopper(card, "fr", config)).toBe(card)
    const notFound = new MedusaError(MedusaError.Types.NOT_FOUND, "Instalment plan x was not found")
    expect(forShopper(notFound, "fr", config)).toBe(notFound)
  })

  it("reads the code from the error, never from its message", () => {
    const codeless = new MedusaError(MedusaError.Types.NOT_ALLOWED, "withdrawal_period_over: looks like a code, is not one")
    expect(forShopper(codeless, "fr", config)).toBe(codeless)
    const unavailable = new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "processor_unavailable: no answer", "processor_unavailable")
    const reworded = forShopper(unavailable, "it", config) as MedusaError
    expect([reworded.type, reworded.code]).toEqual([MedusaError.Types.UNEXPECTED_STATE, "processor_unavailable"])
    expect(reworded.message).toMatch(/^processor_unavailable: Il suo pagamento è in corso/)
  })

  it("drops the codes for the page, several reasons included", () => {
    expect(splitRefusal("card_prepaid: A. | card_virtual: B.")).toEqual({ code: "card_prepaid", message: "A. B." })
    expect(splitRefusal("no code here")).toEqual({ code: null, message: "no code here" })
  })
})

describe("the shopper's view", () => {
  it("shows the schedule in cents-exact major units and what the engine allows, without internal fields", () => {
    const view = shopperPlanView(rowOf(chairPlan()), { locale: "fr", ctx: ctxOn("2027-02-01") })
    expect(view.instalments.map((i) => [i.number, i.due_date, i.amount_due, i.status])).toEqual([
      [1, "2027-01-31", 84.98, "paid"],
      [2, "2027-02-28", 84.96, "scheduled"],
      [3, "2027-03-31", 84.96, "scheduled"],
    ])
    expect(view.actions).toEqual({
      pay_next: { amount: 84.96 },
      pay_all: { amount: 169.92 },
      postpone: { instalment_numbers: [2, 3], max_days: 15 },
      change_card: true,
      withdraw: { amount: 169.92, until: "2027-02-14" },
      pay_exchange: null,
    })
    expect(JSON.stringify(view)).not.toMatch(/card_secret_ref|credit_secret_ref|\+33612345678|lea@example\.com/)
  })

  it("offers nothing on a plan a lender manages: its own page does that", () => {
    const view = shopperPlanView(rowOf(chairPlan()), { locale: "en", ctx: ctxOn("2027-02-01"), managedHere: false })
    expect(view.actions).toEqual({ pay_next: null, pay_all: null, postpone: null, change_card: false, withdraw: null, pay_exchange: null })
    const html = renderPlanPage({ row: rowOf(chairPlan()), locale: "en", ctx: ctxOn("2027-02-01"), token: "t", managedHere: false })
    // No action form; help is still asked here (the lender does not handle the store's support).
    expect(actionFormsOf(html)).toEqual([])
    expect(html).toContain('name="action" value="support-request"')
    expect(html).toContain("managed by the lender that financed your order")
  })

  it("offers no withdrawal after 14 days and no postponement once the limit is used", () => {
    const plan = chairPlan()
    const postponed = postpone(plan, { instalmentNumber: 2, days: 3 }, ctxOn("2027-02-01"))
    if (!postponed.ok) throw new Error(postponed.error.message)
    const view = shopperPlanView(rowOf(postponed.value.plan), { locale: "en", ctx: ctxOn("2027-02-15") })
    expect(view.actions.withdraw).toBeNull()
    expect(view.actions.postpone).toBeNull()
    expect(view.actions.pay_next).toEqual({ amount: 84.96 })
  })
})

describe("the page", () => {
  it("escapes what it prints", () => {
    expect(esc(`<script>alert("x")</script> & 'y'`)).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;")
    const html = renderErrorPage("en", "<b>title</b>")
    expect(html).toContain("<h1>&lt;b&gt;title&lt;/b&gt;</h1>")
  })

  it("renders the plan in the asked language, every form carrying the token and the plan version it shows", () => {
    const row = rowOf(chairPlan(), { order_display_id: null, id: `iplan_"><img src=x>`, version: 7 } as Partial<PlanRow>)
    const html = renderPlanPage({ row, locale: "it", ctx: ctxOn("2027-02-01"), token: "v1.1.abc" })
    expect(html).toContain('<html lang="it">')
    expect(html).not.toContain("<img src=x>")
    // The version names the action (no random key): the same form sent twice acts once.
    const versions = [...html.matchAll(/name="version" value="([^"]+)"/g)].map((m) => m[1])
    expect(versions).toEqual(["7", "7", "7", "7", "7"])
    expect(html).not.toContain("idempotency_key")
    // Five action forms and the "Ask for help" form.
    expect(html.match(/name="token" value="v1\.1\.abc"/g)).toHaveLength(6)
  })

  it("offers to pay a dearer exchange's difference at once (docs/business-rules.md §6)", () => {
    const row = rowOf({ ...chairPlan(), exchangePending: 3000 })
    expect(shopperPlanView(row, { locale: "fr", ctx: ctxOn("2027-02-01") }).actions.pay_exchange).toEqual({ amount: 30 })
    const html = renderPlanPage({ row, locale: "fr", ctx: ctxOn("2027-02-01"), token: "t" })
    expect(html).toMatch(/Votre échange coûte 30,00\s€ de plus\./u)
    expect(html).toContain('name="action" value="pay-exchange"')
  })

  it("shows only the action forms the engine allows: none for a completed plan (help can still be asked)", () => {
    let plan = chairPlan()
    const paid = applyChargeSucceeded(plan, { instalments: [2, 3], amount: money(16992, "eur"), at: "2027-02-01T10:00:00.000Z" }, ctxOn("2027-02-01"))
    if (!paid.ok) throw new Error(paid.error.message)
    plan = paid.value.plan
    expect(plan.status).toBe("completed")
    const html = renderPlanPage({ row: rowOf(plan), locale: "fr", ctx: ctxOn("2027-02-20"), token: "t" })
    expect(actionFormsOf(html)).toEqual([])
    expect(html.split("<form ")).toHaveLength(2)
    expect(html).toContain('name="action" value="support-request"')
    expect(html).toContain("Entièrement payé")
  })
})
