import { toLocalDate } from "../calendar"
import { LOCALES } from "../codes"
import { minorDigits } from "../money"
import {
  format,
  formatCountries,
  formatDate,
  formatMoney,
  formatNetworks,
  placeholders,
  todayIso,
} from "./format"
import { resolveLocale, toLocale } from "./locale"

/** What Intl itself produces, so the test never hard-codes invisible spaces. */
const intlMoney = (tag: string, value: number) =>
  new Intl.NumberFormat(tag, { style: "currency", currency: "EUR" }).format(value)
const NNBSP = "\u202f"
const NBSP = "\u00a0"

describe("resolveLocale", () => {
  it.each([
    ["fr", "fr"],
    ["fr-BE", "fr"],
    ["FR_fr", "fr"],
    ["fr_FR.UTF-8", "fr"],
    ["nl-BE", "nl"],
    ["de-AT", "de"],
    ["de-CH", "de"],
    ["es", "es"],
    ["it-IT", "it"],
    ["EN-gb", "en"],
    ["de-DE,de;q=0.9,en;q=0.8", "de"],
    ["pt-PT,pt;q=0.9,it;q=0.7,en;q=0.5", "it"],
    ["en;q=0.5, nl-BE;q=0.9", "nl"],
    ["fr;q=0, es;q=0.1", "es"],
    ["*", "en"],
    ["pt-BR", "en"],
    ["xx", "en"],
    ["", "en"],
    ["   ", "en"],
  ])("%j → %s", (input, expected) => {
    expect(resolveLocale(input)).toBe(expected)
  })

  it("defaults to English when nothing is given", () => {
    expect(resolveLocale()).toBe("en")
    expect(resolveLocale(null)).toBe("en")
    expect(resolveLocale(undefined)).toBe("en")
    expect(toLocale(undefined)).toBe("en")
  })

  it("keeps a locale as it is", () => {
    for (const locale of LOCALES) expect(resolveLocale(locale)).toBe(locale)
  })
})

describe("format and placeholders", () => {
  it("fills named placeholders, numbers included", () => {
    expect(format("Pay in {count} instalments", { count: 3 })).toBe("Pay in 3 instalments")
    expect(format("{amount} on {date}", { amount: "€1.00", date: "May 2, 2026" })).toBe("€1.00 on May 2, 2026")
    expect(format("{a}{a}", { a: "x" })).toBe("xx")
  })

  it("leaves a placeholder without value visible", () => {
    expect(format("{amount} on {date}", { amount: "€1.00" })).toBe("€1.00 on {date}")
    expect(format("{amount}")).toBe("{amount}")
  })

  it("does not take values from the prototype", () => {
    expect(format("{toString}", {})).toBe("{toString}")
  })

  it("lists placeholders sorted and once", () => {
    expect(placeholders("{date}: {amount} and {amount}")).toEqual(["amount", "date"])
    expect(placeholders("none")).toEqual([])
  })
})

describe("formatMoney", () => {
  it("formats in each locale's regional convention", () => {
    expect(formatMoney(8498, "EUR", "fr")).toBe(`84,98${NBSP}€`)
    expect(formatMoney(8498, "EUR", "de")).toBe(`84,98${NBSP}€`)
    expect(formatMoney(8498, "EUR", "es")).toBe(`84,98${NBSP}€`)
    expect(formatMoney(8498, "EUR", "it")).toBe(`84,98${NBSP}€`)
    expect(formatMoney(8498, "EUR", "nl")).toBe(`€${NBSP}84,98`)
    expect(formatMoney(8498, "EUR", "en")).toBe("€84.98")
    // The same as Intl gives for the regional default of each language.
    expect(formatMoney(8498, "EUR", "fr")).toBe(intlMoney("fr-FR", 84.98))
    expect(formatMoney(8498, "EUR", "nl")).toBe(intlMoney("nl-NL", 84.98))
  })

  it("groups thousands as Intl does: the French narrow no-break space", () => {
    const french = formatMoney(129900, "EUR", "fr")
    expect(french).toBe(intlMoney("fr-FR", 1299))
    expect(french).toBe(`1${NNBSP}299,00${NBSP}€`)
    expect(formatMoney(129900, "EUR", "de")).toBe(`1.299,00${NBSP}€`)
    expect(formatMoney(129900, "EUR", "en")).toBe("€1,299.00")
    expect(formatMoney(400000, "EUR", "nl")).toBe(`€${NBSP}4.000,00`)
  })

  it("accepts lower-case currency codes (as Medusa stores them)", () => {
    expect(formatMoney(8498, "eur", "fr")).toBe(formatMoney(8498, "EUR", "fr"))
  })

  it("resolves locale tags and headers", () => {
    expect(formatMoney(8498, "EUR", "fr-BE")).toBe(formatMoney(8498, "EUR", "fr"))
    expect(formatMoney(8498, "EUR", "xx")).toBe("€84.98")
  })

  it("never rounds: amounts that are not exact in binary come out exact", () => {
    // 0.1 + 0.2 style traps, and a value beyond double precision for cents/100.
    expect(formatMoney(30, "EUR", "en")).toBe("€0.30")
    expect(formatMoney(1005, "EUR", "en")).toBe("€10.05")
    expect(formatMoney(900719925474099, "EUR", "en")).toBe("€9,007,199,254,740.99")
    expect(formatMoney(-8498, "EUR", "fr")).toBe(intlMoney("fr-FR", -84.98))
  })

  it("follows the minor units of the currency", () => {
    expect(minorDigits("EUR")).toBe(2)
    expect(minorDigits("JPY")).toBe(0)
    expect(formatMoney(1299, "JPY", "en")).toBe("¥1,299")
  })

  it("refuses anything but integer cents", () => {
    expect(() => formatMoney(84.98, "EUR", "fr")).toThrow(RangeError)
    expect(() => formatMoney(Number.NaN, "EUR", "fr")).toThrow(RangeError)
    expect(() => formatMoney(Number.MAX_SAFE_INTEGER + 1, "EUR", "fr")).toThrow(RangeError)
  })
})

describe("formatDate", () => {
  it("writes the date of each language", () => {
    expect(formatDate("2026-11-22", "fr")).toBe("22 novembre 2026")
    expect(formatDate("2026-11-22", "de")).toBe("22. November 2026")
    expect(formatDate("2026-11-22", "es")).toBe("22 de noviembre de 2026")
    expect(formatDate("2026-11-22", "it")).toBe("22 novembre 2026")
    expect(formatDate("2026-11-22", "nl")).toBe("22 november 2026")
    expect(formatDate("2026-11-22", "en")).toBe("November 22, 2026")
  })

  it("writes the first of the month as an ordinal in French and Italian", () => {
    expect(formatDate("2026-12-01", "fr")).toBe("1er décembre 2026")
    expect(formatDate("2026-12-01", "it")).toBe("1º dicembre 2026")
    expect(formatDate("2026-12-01", "de")).toBe("1. Dezember 2026")
    expect(formatDate("2026-12-01", "es")).toBe("1 de diciembre de 2026")
  })

  it("never shifts the day, whatever the time zone of the process", () => {
    // The first and last days of the year are where a UTC/local mix-up shows.
    expect(formatDate("2027-01-01", "en")).toBe("January 1, 2027")
    expect(formatDate("2026-12-31", "en")).toBe("December 31, 2026")
    expect(formatDate("2028-02-29", "fr")).toBe("29 février 2028")
    expect(formatDate("2026-03-29T23:30:00Z", "fr")).toBe("29 mars 2026")
  })

  it("gives the same day in far-east and far-west process time zones", () => {
    const original = process.env.TZ
    try {
      for (const zone of ["Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Paris", "UTC"]) {
        process.env.TZ = zone
        expect(formatDate("2026-11-22", "fr")).toBe("22 novembre 2026")
        expect(formatDate("2027-01-01", "de")).toBe("1. Januar 2027")
      }
    } finally {
      if (original === undefined) delete process.env.TZ
      else process.env.TZ = original
    }
  })

  it("refuses malformed or impossible dates", () => {
    expect(() => formatDate("22/11/2026", "fr")).toThrow(RangeError)
    expect(() => formatDate("2026-02-30", "fr")).toThrow(RangeError)
    expect(() => formatDate("2026-13-01", "fr")).toThrow(RangeError)
  })

  it("takes the calendar date of an instant in Europe/Paris", () => {
    expect(todayIso(new Date("2026-11-21T23:30:00Z"))).toBe("2026-11-22")
    expect(todayIso(new Date("2026-07-01T21:59:00Z"))).toBe("2026-07-01")
    expect(todayIso(new Date("2026-07-01T22:00:00Z"))).toBe("2026-07-02")
    expect(toLocalDate(new Date("2026-07-01T22:00:00Z"), "UTC")).toBe("2026-07-01")
  })
})

describe("lists", () => {
  it("names countries in the shopper's language", () => {
    expect(formatCountries(["fr", "be", "es", "de", "it"], "fr")).toBe("France, Belgique, Espagne, Allemagne et Italie")
    expect(formatCountries(["fr", "be"], "de")).toBe("Frankreich und Belgien")
    expect(formatCountries(["DE"], "nl")).toBe("Duitsland")
  })

  it("names card networks, CB as the French know it", () => {
    expect(formatNetworks(["visa", "mastercard", "amex", "cb"], "fr")).toBe("Visa, Mastercard, American Express et CB")
    expect(formatNetworks(["visa", "cb", "other"], "de")).toBe("Visa und Carte Bancaire (CB)")
  })
})
