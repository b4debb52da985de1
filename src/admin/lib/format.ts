/**
 * Money and dates as the admin reads them, in their language. Amounts arrive in major units from
 * the API and are only formatted here (no arithmetic on them in the browser).
 */

export function formatMoney(amount: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() }).format(amount)
}

/** A calendar day "YYYY-MM-DD" (a due date): shown as that day, whatever the browser's zone. */
export function formatDay(day: string | null | undefined, locale: string): string {
  if (!day) return "—"
  const [y, m, d] = day.split("-").map(Number)
  return new Intl.DateTimeFormat(locale, { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  )
}

/** A short day label for a chart axis ("1 Feb"). */
export function formatShortDay(day: string, locale: string): string {
  const [y, m, d] = day.split("-").map(Number)
  return new Intl.DateTimeFormat(locale, { timeZone: "UTC", day: "numeric", month: "short" }).format(new Date(Date.UTC(y, m - 1, d)))
}

/** An instant (ISO text): date and time in the admin's own zone. */
export function formatInstant(iso: string | null | undefined, locale: string): string {
  if (!iso) return "—"
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso))
}

/**
 * Parses an amount typed by the admin ("84.96", "84,96") into the string the API expects, or
 * undefined when it is not a positive amount with at most 2 decimals.
 */
export function parseAmountInput(text: string): string | undefined {
  const normalised = text.trim().replace(/\s/g, "").replace(",", ".")
  if (!/^\d+(\.\d{1,2})?$/.test(normalised)) return undefined
  if (/^0+(\.0+)?$/.test(normalised)) return undefined
  return normalised
}

/** Compares two amount strings of at most 2 decimals exactly (in cents, as integers). */
export function amountCents(text: string): number {
  const [units, decimals = ""] = text.split(".")
  return Number(units) * 100 + Number(decimals.padEnd(2, "0"))
}

/**
 * The time between now and a reply's due time, in whole hours and minutes, and whether it is past:
 * `{ overdue: false, hours: 3, minutes: 5 }` for 3 h 05 left.
 */
export function timeLeft(dueIso: string, nowIso: string): { overdue: boolean; hours: number; minutes: number } {
  const ms = Date.parse(dueIso) - Date.parse(nowIso)
  const minutesTotal = Math.floor(Math.abs(ms) / 60_000)
  return { overdue: ms < 0, hours: Math.floor(minutesTotal / 60), minutes: minutesTotal % 60 }
}
