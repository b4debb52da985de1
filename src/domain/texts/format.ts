/**
 * Formatting of templates, money, dates and lists, with Node's built-in `Intl` only.
 */
import type { CardNetwork } from "../codes"
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

/** Number of minor-unit digits of a currency, as Intl knows it (EUR 2, JPY 0, KWD 3). */
export function currencyDigits(currency: string): number {
  return currencyFormat("en", currency.toUpperCase()).resolvedOptions().maximumFractionDigits ?? 2
}

/**
 * Integer minor units as an exact decimal string: (8498, 2) → "84.98", (-5, 2) → "-0.05",
 * (1299, 0) → "1299". No floating-point arithmetic.
 */
export function minorUnitsToDecimal(minor: number, digits: number): string {
  const negative = minor < 0
  const magnitude = String(Math.abs(minor))
  if (digits <= 0) return (negative ? "-" : "") + magnitude
  const padded = magnitude.padStart(digits + 1, "0")
  const decimal = `${padded.slice(0, -digits)}.${padded.slice(-digits)}`
  return (negative ? "-" : "") + decimal
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
  const decimal = minorUnitsToDecimal(cents, currencyDigits(code))
  // Intl.NumberFormat.format reads a decimal string exactly (ES2023 Intl.NumberFormat v3, Node ≥ 19);
  // older engines convert it to the nearest double, which still formats to the same 2 decimals.
  return (nf.format as (value: number | bigint | string) => string)(decimal)
}

// ---- Dates ---------------------------------------------------------------------------------

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/

/** Parses "YYYY-MM-DD" (a longer ISO string keeps its date part as written). Throws on an impossible date. */
export function parseIsoDate(iso: string): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(iso)
  if (!match) throw new RangeError(`Expected a date as YYYY-MM-DD, got ${JSON.stringify(iso)}`)
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  const check = new Date(Date.UTC(year, month - 1, day))
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`Not a calendar date: ${JSON.stringify(iso)}`)
  }
  return { year, month, day }
}

const dateFormats = new Map<string, Intl.DateTimeFormat>()

/**
 * A calendar date in the shopper's language, with no time-zone shift (the date is the one
 * written): fr "22 novembre 2026" ("1er décembre 2026"), de "22. November 2026",
 * es "22 de noviembre de 2026", it "22 novembre 2026" ("1º dicembre 2026"),
 * nl "22 november 2026", en "November 22, 2026".
 */
export function formatDate(isoLocalDate: string, locale?: LocaleInput): string {
  const lang = toLocale(locale)
  const { year, month, day } = parseIsoDate(isoLocalDate)
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

/** The calendar date of an instant in a time zone, as "YYYY-MM-DD". Default zone: Europe/Paris (CET, the zone of every country served). */
export function toIsoLocalDate(instant: Date, timeZone = "Europe/Paris"): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(instant)
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? ""
  return `${get("year")}-${get("month")}-${get("day")}`
}

/** Today in Europe/Paris, as "YYYY-MM-DD". */
export function todayIso(now: Date = new Date()): string {
  return toIsoLocalDate(now)
}

// ---- Lists, countries, card networks -------------------------------------------------------

/** "a, b and c" in the shopper's language (`or` for "a, b or c"). */
export function formatList(items: readonly string[], locale?: LocaleInput, kind: "and" | "or" = "and"): string {
  const tag = INTL_LOCALES[toLocale(locale)]
  return new Intl.ListFormat(tag, { style: "long", type: kind === "and" ? "conjunction" : "disjunction" }).format(items)
}

/** Country names for ISO 3166-1 alpha-2 codes (any case), joined: fr "France, Belgique, Espagne, Allemagne et Italie". */
export function formatCountries(codes: readonly string[], locale?: LocaleInput): string {
  const tag = INTL_LOCALES[toLocale(locale)]
  const names = new Intl.DisplayNames([tag], { type: "region", fallback: "code" })
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
