/**
 * The self-service pieces that need no database: card rules for a new card, the shopper's wording
 * of refusals, the shopper view and its actions, the page and the e-mails (escaping, language).
 * Plans are built through the engine's public path (quote → createPlan) and mapped to rows as the
 * module stores them.
 */
import { MedusaError } from "@medusajs/framework/utils"
import { defaultEngineConfig } from "../domain/config"
import { money } from "../domain/money"
import { createPlan, type PlanSnapshot } from "../domain/plan"
import { quotePlan } from "../domain/quote"
import { applyChargeSucceeded } from "../domain/revisions/charges"
import { postpone } from "../domain/revisions"
import { snapshotToInstalmentColumns, snapshotToPlanColumns, type PlanRow } from "../modules/instalments/mapping"
import type { CardSummary } from "../processors"
import { cardRefusalReasons, lastDueDate } from "./card-rules"
import { renderPlanEmail } from "./emails"
import { esc, renderErrorPage, renderPlanPage } from "./page"
import { forShopper, shopperRefusalText, splitRefusal } from "./refusals"
import { shopperPlanView } from "./shopper-view"

const config = defaultEngineConfig()
const ORDER_DAY = "2027-01-31"
const ctxOn = (today: string) => ({ config, today, now: `${today}T10:00:00.000Z` })

/** 254.90 € in 3 on 31 January 2027, the first instalment (84.98 €) paid at checkout. */
function chairPlan(): PlanSnapshot {
  const quote = quotePlan({ config, plan: "p3x", amount: money(25490, "eur"), country: "fr", today: ORDER_DAY })
  const created = createPlan(quote, { now: `${ORDER_DAY}T10:00:00.000Z`, firstChargePaid: true })
  if (!created.ok) throw new Error(created.error.message)
  return created.value.plan
}

function rowOf(plan: PlanSnapshot, extra: Partial<PlanRow> = {}): PlanRow {
  return {
    id: "iplan_1",
    ...snapshotToPlanColumns(plan),
    order_id: "order_1",
    order_display_id: 42,
    email: "lea@example.com",
    locale: "fr",
    phone: "+33612345678",
    card_reference: "card_secret_ref",
    credit_reference: "credit_secret_ref",
    card_brand: "Visa",
    card_last4: "5556",
    card_exp_month: 12,
    card_exp_year: 2030,
    terms_version: "2026-11",
    terms_accepted_at: new Date(`${ORDER_DAY}T10:00:00Z`),
    created_at: new Date(`${ORDER_DAY}T10:00:00Z`),
    instalments: plan.instalments.map((i) => ({ id: `inst_${i.number}`, ...snapshotToInstalmentColumns(i) })),
    ...extra,
  } as unknown as PlanRow
}

const card = (facts: Partial<CardSummary>): CardSummary => ({
  cardRef: "card_1",
  network: "visa",
  networks: ["visa"],
  brand: "Visa",
  funding: "debit",
  virtual: false,
  systematicAuthorisation: false,
  issuerCountry: "fr",
  expMonth: 12,
  expYear: 2030,
  last4: "5556",
  ...facts,
})

describe("a new card for a running plan", () => {
  const plan = { code: "p3x" as const, total: money(25490, "eur"), lastDueDate: "2027-03-31" }

  it("passes the checkout's card rules, and only those", () => {
    expect(cardRefusalReasons(config, plan, card({}))).toEqual([])
    // An order rule that changed since checkout (bounds) does not refuse a card change.
    const narrower = { ...config, plans: { ...config.plans, p3x: { ...config.plans.p3x, max: 10000 } } }
    expect(cardRefusalReasons(narrower, plan, card({}))).toEqual([])
  })

  it("refuses prepaid, virtual, non-EU and soon-expiring cards with the checkout's codes", () => {
    expect(cardRefusalReasons(config, plan, card({ funding: "prepaid" }))).toEqual(["card_prepaid"])
    expect(cardRefusalReasons({ ...config, cards: { ...config.cards, allowPrepaid: true } }, plan, card({ funding: "prepaid" }))).toEqual([])
    expect(cardRefusalReasons(config, plan, card({ virtual: true, issuerCountry: "us" }))).toEqual(["card_virtual", "card_issuer_country"])
    // The last due date is 31 March: valid through March is not enough, through April (30 April) is.
    expect(cardRefusalReasons(config, plan, card({ expMonth: 3, expYear: 2027 }))).toEqual(["card_expires_too_soon"])
    expect(cardRefusalReasons(config, plan, card({ expMonth: 4, expYear: 2027 }))).toEqual([])
  })

  it("measures the expiry from the last instalment still counted", () => {
    expect(lastDueDate([{ due_date: "2027-02-28", status: "paid" }, { due_date: "2027-04-30", status: "cancelled" }, { due_date: "2027-03-31", status: "scheduled" }])).toBe("2027-03-31")
    expect(lastDueDate([])).toBeUndefined()
  })
})

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
    expect(html).not.toContain("<form")
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
    expect(html.match(/name="token" value="v1\.1\.abc"/g)).toHaveLength(5)
  })

  it("offers to pay a dearer exchange's difference at once (docs/business-rules.md §6)", () => {
    const row = rowOf({ ...chairPlan(), exchangePending: 3000 })
    expect(shopperPlanView(row, { locale: "fr", ctx: ctxOn("2027-02-01") }).actions.pay_exchange).toEqual({ amount: 30 })
    const html = renderPlanPage({ row, locale: "fr", ctx: ctxOn("2027-02-01"), token: "t" })
    expect(html).toMatch(/Votre échange coûte 30,00\s€ de plus\./u)
    expect(html).toContain('name="action" value="pay-exchange"')
  })

  it("shows only the forms the engine allows: none for a completed plan", () => {
    let plan = chairPlan()
    const paid = applyChargeSucceeded(plan, { instalments: [2, 3], amount: money(16992, "eur"), at: "2027-02-01T10:00:00.000Z" }, ctxOn("2027-02-01"))
    if (!paid.ok) throw new Error(paid.error.message)
    plan = paid.value.plan
    expect(plan.status).toBe("completed")
    const html = renderPlanPage({ row: rowOf(plan), locale: "fr", ctx: ctxOn("2027-02-20"), token: "t" })
    expect(html).not.toContain("<form")
    expect(html).toContain("Entièrement payé")
  })
})

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
})
