import { shopperLocale, text } from "./texts"

const LOCALES = ["fr", "es", "de", "it", "nl", "en"]
const KEYS = ["badge", "badgeDeferred", "pickerLegend", "fees", "noFees", "total", "unavailable", "stillPossible", "nothingPossible", "cardLegend", "testCard", "phone", "pay", "confirmationTitle", "manage"] as const

describe("the kit's texts", () => {
  it("exist in the six shopper languages, each different from English where English is not the language", () => {
    for (const locale of LOCALES) for (const key of KEYS) expect(text(locale, key)).toEqual(expect.any(String))
    for (const locale of LOCALES.filter((l) => l !== "en")) expect(text(locale, "pickerLegend")).not.toBe(text("en", "pickerLegend"))
  })

  it("fill their placeholders and fall back to English for another language", () => {
    expect(text("fr-BE", "badge", { count: 3, amount: "83,30 €" })).toBe("ou 3 × 83,30 €")
    expect(text("pt", "badge", { count: 2, amount: "€10.00" })).toBe("or 2 × €10.00")
    expect(shopperLocale(undefined)).toBe("en")
  })
})
