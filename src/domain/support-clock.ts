/**
 * The reply clock of a support request (docs/business-rules.md §9): a reply is due 24 hours after
 * the request was opened, a formal complaint's within 48 working hours.
 *
 * Working hours are the hours of the working days on the store's calendar (`timeZone`): Monday to
 * Friday, except the store's public holidays. They are real elapsed hours, so a working day that a
 * clock change makes 23 or 25 hours long counts as such. A complaint opened on a Friday evening is
 * therefore due on the Tuesday evening, one opened on a Saturday on the Tuesday at midnight.
 */
import { addDays, dayOfWeek, DEFAULT_TIME_ZONE, isLocalDate, startOfLocalDay, toLocalDate, type LocalDate } from "./calendar"
import type { SupportCategory } from "./codes"

const HOUR_MS = 3_600_000

/** Hours of the reply clock: clock hours for every category, working hours for a formal complaint. */
export const REPLY_HOURS = 24
export const COMPLAINT_WORKING_HOURS = 48

/**
 * France's fixed-date public holidays (New Year, 1 May, 8 May, 14 July, 15 August, 1 and 11
 * November, Christmas), the default of the `support.holidays` option. Movable ones (Easter Monday,
 * Ascension, Whit Monday) are not included: a store adds their dates (`YYYY-MM-DD`) itself.
 */
export const FRENCH_FIXED_HOLIDAYS: readonly string[] = ["01-01", "05-01", "05-08", "07-14", "08-15", "11-01", "11-11", "12-25"]

export interface SupportCalendar {
  /** IANA time zone of the store's calendar (the plugin's `time_zone`). Default Europe/Paris. */
  timeZone?: string
  /** Public holidays: `YYYY-MM-DD` for one day, `MM-DD` for the same day every year. Default: `FRENCH_FIXED_HOLIDAYS`. */
  holidays?: readonly string[]
}

/** True for a holiday entry `replyDueAt` understands: a real day `YYYY-MM-DD`, or `MM-DD` (validate options with this). */
export function isHolidayEntry(value: unknown): value is string {
  if (isLocalDate(value)) return true
  // A yearly day is a day of some year: 02-29 is one (leap years), 02-30 is not.
  return typeof value === "string" && value.length === 5 && isLocalDate(`2000-${value}`)
}

/** True when `day` is a working day: Monday to Friday and not one of `holidays`. */
export function isWorkingDay(day: LocalDate, holidays: readonly string[] = FRENCH_FIXED_HOLIDAYS): boolean {
  const weekday = dayOfWeek(day)
  if (weekday === 0 || weekday === 6) return false
  return !holidays.includes(day) && !holidays.includes(day.slice(5))
}

/** A year of holidays at most, and then some: a calendar with no working day is a configuration error. */
const MAX_DAYS_SEARCHED = 400

/**
 * When the reply to a request opened at `openedAt` is due. For a formal complaint, the end of its
 * 48th working hour: that instant may be the midnight that ends a working day, so the hour before
 * the due time is always a working hour.
 */
export function replyDueAt(openedAt: Date | string, category: SupportCategory, calendar: SupportCalendar = {}): Date {
  const opened = typeof openedAt === "string" ? new Date(openedAt) : openedAt
  if (Number.isNaN(opened.getTime())) throw new Error(`support clock: ${String(openedAt)} is not a valid instant`)
  if (category !== "formal_complaint") return new Date(opened.getTime() + REPLY_HOURS * HOUR_MS)
  return addWorkingHours(opened, COMPLAINT_WORKING_HOURS, calendar)
}

function addWorkingHours(from: Date, hours: number, calendar: SupportCalendar): Date {
  const timeZone = calendar.timeZone ?? DEFAULT_TIME_ZONE
  const holidays = calendar.holidays ?? FRENCH_FIXED_HOLIDAYS
  let remaining = hours * HOUR_MS
  let t = from.getTime()
  let day = toLocalDate(from, timeZone)
  for (let i = 0; i < MAX_DAYS_SEARCHED; i++) {
    const next = addDays(day, 1)
    const dayEnd = startOfLocalDay(next, timeZone).getTime()
    if (isWorkingDay(day, holidays)) {
      if (remaining <= dayEnd - t) return new Date(t + remaining)
      remaining -= dayEnd - t
    }
    t = dayEnd
    day = next
  }
  throw new Error(`support clock: no ${hours} working hours within ${MAX_DAYS_SEARCHED} days of ${from.toISOString()}; check the holidays`)
}
