/**
 * The components rendered to HTML (react-dom/server), checked for what a screen reader and a
 * keyboard get: roles, labels, descriptions, nothing pre-selected, refusals with their reasons.
 * The fixtures are the quote route's answer shape (see ../client.test.ts).
 */
import { createElement as h } from "react"
import { renderToStaticMarkup } from "react-dom/server"
import type { Quote, QuotedPlan } from "../types"
import { QUOTE } from "../__fixtures__/quote"
import { InstalmentsBadgeView, lineTotal } from "./badge"
import { InstalmentsConfirmation } from "./confirmation"
import { SandboxCardForm } from "./card-form"
import { StripeCardForm } from "./stripe-card-form"
import { PlanPicker } from "./plan-picker"

const noop = () => undefined

function inputs(html: string): string[] {
  return html.match(/<input[^>]*>/g) ?? []
}

function ids(html: string): Set<string> {
  return new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]))
}

describe("PlanPicker", () => {
  const picker = (props: Partial<Parameters<typeof PlanPicker>[0]> = {}) =>
    renderToStaticMarkup(h(PlanPicker, { quote: QUOTE, locale: "fr", value: null, onChange: noop, name: "pick", ...props }))

  it("is a radiogroup labelled by its legend, with one radio per plan and nothing pre-selected", () => {
    const html = picker()
    expect(html).toMatch(/<fieldset class="mi-picker" role="radiogroup" aria-labelledby="pick-legend" lang="fr"><legend id="pick-legend">Comment souhaitez-vous payer \?<\/legend>/)
    expect(inputs(html)).toHaveLength(2)
    expect(inputs(html).every((input) => input.includes('type="radio"') && input.includes('name="pick"'))).toBe(true)
    expect(html).not.toMatch(/ checked=""/)
  })

  it("labels each radio with the plan's label and describes it by its dated schedule and the credit warning", () => {
    const html = picker()
    expect(html).toContain('<label for="pick-p3x" class="mi-plan-label">Payer en 3 fois</label>')
    expect(html).toContain("84,96 € le 28 février 2027")
    expect(html).toContain("Un crédit vous engage et doit être remboursé.")
    expect(html).toMatch(/Sans frais · Total : 254,90\s€/)
    const present = ids(html)
    for (const input of inputs(html)) {
      const described = /aria-describedby="([^"]+)"/.exec(input)?.[1].split(" ") ?? []
      expect(described.length).toBe(2)
      for (const id of described) expect(present.has(id)).toBe(true)
    }
  })

  it("keeps a refused plan visible but disabled, with its reason, and names the plans still possible", () => {
    const html = picker()
    const p4x = inputs(html).find((input) => input.includes('value="p4x"')) as string
    expect(p4x).toContain("disabled")
    expect(html).toContain("Le montant minimum est de 300,00 €.")
    expect(html).toContain("Encore possible : Payer en 3 fois")
  })

  it("checks the shopper's choice only, and announces a session refusal", () => {
    const html = picker({ value: "p3x", refusal: "Les cartes prépayées ne sont pas acceptées." })
    expect(inputs(html).filter((input) => input.includes(' checked=""'))).toEqual([expect.stringContaining('value="p3x"')])
    expect(html).toContain('<p class="mi-refusal" role="alert">Les cartes prépayées ne sont pas acceptées.</p>')
  })

  it("says so when no plan is possible", () => {
    const none: Quote = { ...QUOTE, plans: QUOTE.plans.map((plan): QuotedPlan => ({ ...plan, eligible: false, reasons: [{ code: "amount_above_maximum", message: "Trop cher." }] })) }
    expect(renderToStaticMarkup(h(PlanPicker, { quote: none, locale: "de", value: null, onChange: noop }))).toContain(
      "Für diesen Betrag ist keine Ratenzahlung möglich.",
    )
  })
})

describe("the instalments badge", () => {
  it("says 'or 3 × <largest instalment>' in the shopper's language", () => {
    // Intl writes a narrow no-break space before the euro sign in French.
    expect(renderToStaticMarkup(h(InstalmentsBadgeView, { quote: QUOTE, locale: "fr" }))).toMatch(/^<p class="mi-badge" lang="fr" aria-live="polite">ou 3 × 84,98\s€<\/p>$/)
    expect(renderToStaticMarkup(h(InstalmentsBadgeView, { quote: QUOTE, locale: "en" }))).toContain("or 3 × €84.98")
  })

  it("renders nothing outside the bounds (no eligible plan)", () => {
    const none: Quote = { ...QUOTE, plans: QUOTE.plans.map((plan) => ({ ...plan, eligible: false })) }
    expect(renderToStaticMarkup(h(InstalmentsBadgeView, { quote: none, locale: "fr" }))).toBe("")
  })

  it("falls back to a pay-later plan's label when no split plan is possible", () => {
    const later: Quote = { ...QUOTE, plans: [{ ...QUOTE.plans[0], code: "d30", label: "Payer dans 30 jours" }] }
    expect(renderToStaticMarkup(h(InstalmentsBadgeView, { quote: later, locale: "fr" }))).toContain("ou Payer dans 30 jours")
  })

  it("quotes price × quantity, computed in cents", () => {
    expect(lineTotal(83.3, 3)).toBe("249.90")
    expect(lineTotal(0.1, 3)).toBe("0.30")
    expect(lineTotal(249, 1)).toBe("249.00")
  })
})

describe("SandboxCardForm", () => {
  it("labels the test-card choice and the phone field, whose number is required", () => {
    const html = renderToStaticMarkup(h(SandboxCardForm, { locale: "it", onSubmit: noop, submitLabel: "Paga in 3 rate" }))
    const present = ids(html)
    const labelled = [...html.matchAll(/<label for="([^"]+)">([^<]+)<\/label>/g)].map((m) => [present.has(m[1]), m[2]])
    expect(labelled).toEqual([
      [true, "Carta di prova (sandbox)"],
      [true, "Cellulare"],
    ])
    expect(html).toMatch(/<input[^>]*type="tel"[^>]*required/)
    expect(html).toContain('<option value="tok_visa" selected="">')
    expect(html).toContain('<button type="submit">Paga in 3 rate</button>')
    expect(html).not.toMatch(/card.?number|cvc/i)
  })
})

describe("InstalmentsConfirmation", () => {
  it("shows the schedule under a heading, the card, and the self-service link", () => {
    const plan = QUOTE.plans[0]
    const html = renderToStaticMarkup(
      h(InstalmentsConfirmation, { schedule: plan, currencyCode: "eur", locale: "nl", card: { brand: "Visa", last4: "5556" }, selfServiceUrl: "https://shop.example/instalments/plans/iplan_1?token=t" }),
    )
    expect(html).toMatch(/<section class="mi-confirmation" aria-labelledby="mi-confirmation-title" lang="nl"><h2 id="mi-confirmation-title">Uw betaalschema<\/h2>/)
    expect((html.match(/<li>/g) ?? []).length).toBe(3)
    expect(html).toContain("Visa •••• 5556")
    expect(html).toContain('<a class="mi-manage" href="https://shop.example/instalments/plans/iplan_1?token=t">Uw termijnen beheren</a>')
  })
})

describe("StripeCardForm", () => {
  const stripe = {
    elements: () => ({ create: () => ({ mount: noop, destroy: noop, on: noop }) }),
    createPaymentMethod: async () => ({}),
    handleNextAction: async () => ({}),
  }
  const html = renderToStaticMarkup(h(StripeCardForm, { stripe, locale: "de", onSubmit: noop, submitLabel: "In 3 Raten zahlen" }))

  it("gives Stripe's card field a group labelled in the shopper's language, with its errors announced", () => {
    const group = /<div[^>]*class="mi-card-field"[^>]*>/.exec(html)?.[0] as string
    expect(group).toContain('role="group"')
    const labelId = /aria-labelledby="([^"]+)"/.exec(group)?.[1]
    const errorId = /aria-describedby="([^"]+)"/.exec(group)?.[1]
    expect(html).toContain(`<label id="${labelId}">Kartennummer, Ablaufdatum und Prüfnummer</label>`)
    expect(html).toContain(`<p id="${errorId}" class="mi-card-error" role="alert"></p>`)
  })

  it("has no input of its own for card data: only the phone", () => {
    expect(inputs(html)).toHaveLength(1)
    expect(inputs(html)[0]).toContain('type="tel"')
  })

  it("keeps the button disabled until Stripe says the card is complete", () => {
    expect(html).toMatch(/<button type="submit" disabled="">In 3 Raten zahlen<\/button>/)
  })
})
