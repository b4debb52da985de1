/**
 * Calendar days. A due date is a day on the shopper's calendar, not an instant: it is kept as
 * ISO text `YYYY-MM-DD` (`LocalDate`) and computed with integer day numbers (days since
 * 1970-01-01, proleptic Gregorian), never with local-time `Date` methods, so results do not depend
 * on the server's time zone or on daylight saving changes.
 */

/** A calendar day as ISO text, e.g. "2025-01-31". */
export type LocalDate = string

/** The time zone of the shoppers' calendar when none is configured. */
export const DEFAULT_TIME_ZONE = "Europe/Paris"

interface Ymd {
  y: number
  m: number // 1-12
  d: number // 1-31
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** Number of days in month `m` (1-12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1]
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48
  return c >= 0 && c <= 9 ? c : NaN
}

/** Parses "YYYY-MM-DD"; undefined unless it is a real calendar day. */
function tryParse(s: unknown): Ymd | undefined {
  if (typeof s !== "string" || s.length !== 10 || s[4] !== "-" || s[7] !== "-") return undefined
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3)
  const m = digit(s, 5) * 10 + digit(s, 6)
  const d = digit(s, 8) * 10 + digit(s, 9)
  if (Number.isNaN(y + m + d) || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined
  return { y, m, d }
}

function parse(s: LocalDate): Ymd {
  const ymd = tryParse(s)
  if (!ymd) throw new Error(`calendar: "${s}" is not a calendar day in YYYY-MM-DD form`)
  return ymd
}

/** True for a real calendar day written `YYYY-MM-DD` (validate caller input with this). */
export function isLocalDate(value: unknown): value is LocalDate {
  return tryParse(value) !== undefined
}

function format({ y, m, d }: Ymd): LocalDate {
  if (y < 0 || y > 9999) throw new Error(`calendar: year ${y} is out of range`)
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`
}

// Day numbers: H. Hinnant's days_from_civil / civil_from_days, integer-only.
function toDayNumber({ y, m, d }: Ymd): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

function fromDayNumber(n: number): Ymd {
  const z = n + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d }
}

/** The day `days` days after `date` (before it when negative). */
export function addDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isSafeInteger(days)) throw new Error(`calendar: days must be an integer, got ${days}`)
  return format(fromDayNumber(toDayNumber(parse(date)) + days))
}

/**
 * The day `k` months after `start`, on the same day of the month, or on the month's last day when
 * that day does not exist. Always computed from `start`, never chained, so 2025-01-31 gives
 * 2025-02-28 (k = 1) then 2025-03-31 (k = 2), not 03-28.
 */
export function addMonthsClamped(start: LocalDate, k: number): LocalDate {
  if (!Number.isSafeInteger(k)) throw new Error(`calendar: months must be an integer, got ${k}`)
  const { y, m, d } = parse(start)
  const monthIndex = y * 12 + (m - 1) + k
  const year = Math.floor(monthIndex / 12)
  const month = monthIndex - year * 12 + 1
  return format({ y: year, m: month, d: Math.min(d, daysInMonth(year, month)) })
}

/** Whole days from `from` to `to`: 1 for consecutive days, negative when `to` is earlier. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toDayNumber(parse(to)) - toDayNumber(parse(from))
}

/** -1, 0 or 1. ISO day text sorts like the days themselves, but parsing also validates both. */
export function compareDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  const diff = daysBetween(b, a)
  return diff < 0 ? -1 : diff > 0 ? 1 : 0
}

/** The later of two days. */
export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return compareDates(a, b) >= 0 ? a : b
}

/** Last day of the month `date` is in. */
export function endOfMonth(date: LocalDate): LocalDate {
  const { y, m } = parse(date)
  return format({ y, m, d: daysInMonth(y, m) })
}

/** Last day of month `m` (1-12) of year `y`, e.g. the last day a card expiring 02/28 is valid. */
export function lastDayOfMonth(y: number, m: number): LocalDate {
  if (!Number.isSafeInteger(y) || !Number.isSafeInteger(m) || m < 1 || m > 12) {
    throw new Error(`calendar: ${y}-${m} is not a month`)
  }
  return format({ y, m, d: daysInMonth(y, m) })
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>()

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = dayFormatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", calendar: "gregory" })
    dayFormatters.set(timeZone, f)
  }
  return f
}

/** True when `timeZone` is an IANA time zone the runtime knows ("Europe/Paris"). */
export function isTimeZone(timeZone: string): boolean {
  try {
    dayFormatter(timeZone)
    return true
  } catch {
    return false
  }
}

/**
 * The calendar day an instant falls on in `timeZone` (default Europe/Paris): 2025-03-30T22:30:00Z
 * is already 2025-03-31 in Paris. Throws on an invalid instant or time zone (programmer errors).
 */
export function toLocalDate(instant: Date | string, timeZone: string = DEFAULT_TIME_ZONE): LocalDate {
  const date = typeof instant === "string" ? new Date(instant) : instant
  if (Number.isNaN(date.getTime())) throw new Error(`calendar: ${String(instant)} is not a valid instant`)
  let y = 0
  let m = 0
  let d = 0
  for (const part of dayFormatter(timeZone).formatToParts(date)) {
    if (part.type === "year") y = Number(part.value)
    else if (part.type === "month") m = Number(part.value)
    else if (part.type === "day") d = Number(part.value)
  }
  return format({ y, m, d })
}

const hourFormatters = new Map<string, Intl.DateTimeFormat>()

/**
 * The hour of the day (0 to 23) an instant falls on in `timeZone`: 2025-01-15T08:00:00Z is 9 in
 * Paris. Scheduled jobs fire on the process's clock; this says what time it is for the shoppers.
 */
export function localHour(instant: Date | string, timeZone: string = DEFAULT_TIME_ZONE): number {
  const date = typeof instant === "string" ? new Date(instant) : instant
  if (Number.isNaN(date.getTime())) throw new Error(`calendar: ${String(instant)} is not a valid instant`)
  let f = hourFormatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, hour: "2-digit", hourCycle: "h23" })
    hourFormatters.set(timeZone, f)
  }
  return Number(f.formatToParts(date).find((part) => part.type === "hour")?.value)
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>()

/** How far `timeZone`'s wall clock is ahead of UTC at `ms` (milliseconds; +3 600 000 in a Paris winter). */
function utcOffsetMs(ms: number, timeZone: string): number {
  let f = offsetFormatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone, calendar: "gregory", hourCycle: "h23",
      year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
    })
    offsetFormatters.set(timeZone, f)
  }
  const p: Record<string, number> = {}
  for (const part of f.formatToParts(new Date(ms))) p[part.type] = Number(part.value)
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
  return wall - (ms - (((ms % 1000) + 1000) % 1000))
}

/**
 * The instant `date` begins in `timeZone`: its local midnight (2026-03-30 begins at
 * 2026-03-29T22:00:00Z in Paris, summer time). Where a clock change skips midnight, the first
 * instant that is on `date`. Needed to measure the real hours of a local day (23 or 25 on the days
 * the clocks change).
 */
export function startOfLocalDay(date: LocalDate, timeZone: string = DEFAULT_TIME_ZONE): Date {
  const { y, m, d } = parse(date)
  const wallMidnight = Date.UTC(y, m - 1, d)
  // Two passes: the offset one hour around the answer may differ from the offset at the guess.
  let ms = wallMidnight - utcOffsetMs(wallMidnight, timeZone)
  ms = wallMidnight - utcOffsetMs(ms, timeZone)
  // In a gap (no local midnight) the result can land on the day before: step to the next hour.
  while (toLocalDate(new Date(ms), timeZone) !== date) ms += 3_600_000
  return new Date(ms)
}

/** Day of the week of `date`: 0 for Sunday to 6 for Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(date: LocalDate): number {
  return (((toDayNumber(parse(date)) + 4) % 7) + 7) % 7
}
