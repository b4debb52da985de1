/**
 * How the plugin recognises the same shopper across plans (docs/business-rules.md §8: linked
 * cards and shoppers): an e-mail compared without case or surrounding spaces, a phone in
 * international form once spaces, dots, dashes and brackets are gone ("00" read as "+").
 * Returns null for what cannot identify anyone (empty, malformed), so it never links plans.
 */

/** The e-mail as plans are linked by it: trimmed, lower case; null when it is not an address. */
export function normaliseEmail(raw: string | null | undefined): string | null {
  if (typeof raw !== "string") return null
  const email = raw.trim().toLowerCase()
  return /^[^\s@]+@[^\s@]+$/.test(email) ? email : null
}

/** A mobile number in international form (`+33612345678`); null when it is not one. */
export function normalisePhone(raw: string | null | undefined): string | null {
  if (typeof raw !== "string") return null
  const compact = raw.replace(/[\s().-]/g, "")
  const international = compact.startsWith("00") ? `+${compact.slice(2)}` : compact
  return /^\+[1-9]\d{7,14}$/.test(international) ? international : null
}
