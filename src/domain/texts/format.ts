/**
 * Formatting of templates, money, dates and lists, with Node's built-in `Intl` only.
 */
import { isLocalDate, toLocalDate } from "../calendar"
import type { CardNetwork } from "../codes"
import { formatScaledInteger } from "../decimal"
import { minorDigits } from "../money"
import type { MessageParams } from "./messages"
import { INTL_LOCALES, toLocale, type LocaleInput } from "./locale"

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g

/**
 * Fills the named placeholders of a template: `format("{amount} on {date}", { amount: "€1.00",
 * date: "May 2, 2026" })`. Numbers are written with `String()`. A placeholder without a value is
 * left as it is (visible, so a missing parameter is noticed, but nothing throws while a page or
 * an e-mail is being rendered).
 */
export function format(template: string, params?: MessageParams): string {
  if (!params) return template
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined
    return value === undefined || value === null ? whole : String(value)
  })
}

/** The placeholder names used in a template, sorted and without duplicates. */
export function placeholders(template: string): string[] {
  const names = new Set<string>()
  for (const match of template.matchAll(PLACEHOLDER)) names.add(match[1]!)
  return [...names].sort()
}

// ---- Money ---------------------------------------------------------------------------------

const numberFormats = new Map<string, Intl.NumberFormat>()

function currencyFormat(tag: string, currency: string): Intl.NumberFormat {
  const key = `${tag}|${currency}`
  let nf = numberFormats.get(key)
  if (!nf) {
    nf = new Intl.NumberFormat(tag, { style: "currency", currency })
    numberFormats.set(key, nf)
  }
  return nf
}

/**
 * An amount in integer cents (minor units of `currency`) in the shopper's convention:
 * fr "84,98 €", de "84,98 €", es "84,98 €", it "84,98 €", nl "€ 84,98", en "€84.98".
 * The amount reaches Intl as an exact decimal string, so no rounding ever happens.
 * Throws a RangeError on anything but a safe integer.
 */
export function formatMoney(cents: number, currency: string, locale?: LocaleInput): string {
  if (!Number.isSafeInteger(cents)) {
    throw new RangeError(`formatMoney expects an integer amount in minor units, got ${cents}`)
  }
  const code = currency.toUpperCase()
  const nf = currencyFormat(INTL_LOCALES[toLocale(locale)], code)
  const decimal = formatScaledInteger(cents, minorDigits(code))
  // Intl.NumberFormat.format reads a decimal string exactly (ES2023 Intl.NumberFormat v3, Node ≥ 19);
  // older engines convert it to the nearest double, which still formats to the same 2 decimals.
  return (nf.format as (value: number | bigint | string) => string)(decimal)
}

// ---- Dates ---------------------------------------------------------------------------------

const dateFormats = new Map<string, Intl.DateTimeFormat>()

/**
 * A calendar date in the shopper's language, with no time-zone shift (the date is the one
 * written): fr "22 novembre 2026" ("1er décembre 2026"), de "22. November 2026",
 * es "22 de noviembre de 2026", it "22 novembre 2026" ("1º dicembre 2026"),
 * nl "22 november 2026", en "November 22, 2026".
 */
export function formatDate(isoLocalDate: string, locale?: LocaleInput): string {
  const lang = toLocale(locale)
  // A longer ISO string ("2026-03-29T23:30:00Z") keeps its date part as written: no shift.
  const written = /^\d{4}-\d{2}-\d{2}T/.test(isoLocalDate) ? isoLocalDate.slice(0, 10) : isoLocalDate
  if (!isLocalDate(written)) throw new RangeError(`Expected a calendar day as YYYY-MM-DD, got ${JSON.stringify(isoLocalDate)}`)
  const [year, month, day] = written.split("-").map(Number)
  const tag = INTL_LOCALES[lang]
  let df = dateFormats.get(tag)
  if (!df) {
    df = new Intl.DateTimeFormat(tag, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })
    dateFormats.set(tag, df)
  }
  const parts = df.formatToParts(new Date(Date.UTC(year, month - 1, day)))
  return parts
    .map((part) => {
      if (part.type !== "day" || day !== 1) return part.value
      // The first of the month is an ordinal in French ("1er") and in careful Italian ("1º").
      if (lang === "fr") return "1er"
      if (lang === "it") return "1º"
      return part.value
    })
    .join("")
}

/** The day of `now` in Europe/Paris (the zone of every country served), as "YYYY-MM-DD". */
export function todayIso(now: Date): string {
  return toLocalDate(now)
}

// ---- Lists, countries, card networks -------------------------------------------------------

/** "a, b and c" in the shopper's language (`or` for "a, b or c"). */
const listFormats = new Map<string, Intl.ListFormat>()

export function formatList(items: readonly string[], locale?: LocaleInput, kind: "and" | "or" = "and"): string {
  const tag = INTL_LOCALES[toLocale(locale)]
  const key = `${tag}|${kind}`
  let lf = listFormats.get(key)
  if (!lf) {
    lf = new Intl.ListFormat(tag, { style: "long", type: kind === "and" ? "conjunction" : "disjunction" })
    listFormats.set(key, lf)
  }
  return lf.format(items)
}

const regionNames = new Map<string, Intl.DisplayNames>()

/** Country names for ISO 3166-1 alpha-2 codes (any case), joined: fr "France, Belgique, Espagne, Allemagne et Italie". */
export function formatCountries(codes: readonly string[], locale?: LocaleInput): string {
  const tag = INTL_LOCALES[toLocale(locale)]
  let names = regionNames.get(tag)
  if (!names) {
    names = new Intl.DisplayNames([tag], { type: "region", fallback: "code" })
    regionNames.set(tag, names)
  }
  const list = codes.map((code) => {
    const upper = code.trim().toUpperCase()
    try {
      return names.of(upper) ?? upper
    } catch {
      return upper
    }
  })
  return formatList(list, locale, "and")
}

const NETWORK_NAMES: Readonly<Record<CardNetwork, string>> = {
  visa: "Visa",
  mastercard: "Mastercard",
  amex: "American Express",
  cb: "Carte Bancaire (CB)",
  maestro: "Maestro",
  visa_electron: "Visa Electron",
  other: "",
}

/** Brand name of a card network; "CB" in French, where everybody knows it, "Carte Bancaire (CB)" elsewhere. */
export function networkName(network: CardNetwork | string, locale?: LocaleInput): string {
  if (network === "cb" && toLocale(locale) === "fr") return "CB"
  return (NETWORK_NAMES as Record<string, string | undefined>)[network] || network
}

/** Accepted networks joined: "Visa, Mastercard, American Express and Carte Bancaire (CB)". `other` is skipped. */
export function formatNetworks(networks: readonly (CardNetwork | string)[], locale?: LocaleInput): string {
  return formatList(
    networks.filter((network) => network !== "other").map((network) => networkName(network, locale)),
    locale,
    "and",
  )
}
