import { defaultEngineConfig } from "../../domain/config"
import { money } from "../../domain/money"
import { quoteWithViews } from "./quotes"

// The French warning gains the CCD2 sentence on 20 November 2026 (docs/business-rules.md §7).
const CCD2_FR = "Attention ! Un crédit coûte de l'argent et doit être remboursé."

describe("quoteWithViews", () => {
  const quote = (today: string) =>
    quoteWithViews(defaultEngineConfig(), { amount: money(25490, "eur"), country: "fr", locale: "fr" }, today).find((q) => q.quote.plan === "p3x")!

  it("words the credit warning for the day of the quote, not the machine's", () => {
    expect(quote("2026-11-19").view.credit_warning).not.toContain(CCD2_FR)
    expect(quote("2026-11-20").view.credit_warning).toContain(CCD2_FR)
  })

  it("reads the first instalment as due today on the day of the quote", () => {
    expect(quote("2026-11-19").view.lines[0]).toMatch(/aujourd'hui/)
    expect(quote("2026-11-19").view.instalments[0].due_date).toBe("2026-11-19")
  })
})
