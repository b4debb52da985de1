import { LOCALES, type Locale } from "../codes"

/** Anything a caller may hold as a language: a `Locale`, a BCP 47 tag, a POSIX name, an Accept-Language header. */
export type LocaleInput = Locale | string | null | undefined

/** The fallback language. */
export const DEFAULT_LOCALE: Locale = "en"

/**
 * The regional convention used to format numbers, money and dates in each language (the
 * language's default region). Change `en` to "en-IE" for "22 November 2026" instead of
 * "November 22, 2026"; money is "€84.98" either way.
 */
export const INTL_LOCALES: Readonly<Record<Locale, string>> = {
  fr: "fr-FR",
  es: "es-ES",
  de: "de-DE",
  it: "it-IT",
  nl: "nl-NL",
  en: "en-US",
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value)
}

/**
 * The shopper's language, from whatever the caller has: "fr", "fr-BE", "FR_fr", "nl-BE",
 * "de-AT", "fr_FR.UTF-8", or an Accept-Language header ("de-DE,de;q=0.9,en;q=0.8"; entries are
 * tried by decreasing quality, ties in header order, `q=0` entries are ignored). Only the language
 * part counts: the region never changes the language. Unknown, empty or missing → "en".
 */
export function resolveLocale(input?: string | null): Locale {
  if (typeof input !== "string" || input.trim() === "") return DEFAULT_LOCALE
  const candidates = input
    .split(",")
    .map((part, index) => {
      const [rawTag = "", ...parameters] = part.split(";")
      let quality = 1
      for (const parameter of parameters) {
        const match = /^\s*q\s*=\s*([0-9]+(?:\.[0-9]*)?)\s*$/i.exec(parameter)
        if (match) quality = Number(match[1])
      }
      return { tag: rawTag.trim(), quality, index }
    })
    .filter((candidate) => candidate.tag !== "" && candidate.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
  for (const candidate of candidates) {
    const language = candidate.tag.split(/[-_.@\s]/)[0]!.toLowerCase()
    if (isLocale(language)) return language
  }
  return DEFAULT_LOCALE
}

/** `resolveLocale` for values that may already be a `Locale` (the fast path). */
export function toLocale(input: LocaleInput): Locale {
  return isLocale(input) ? input : resolveLocale(input)
}
