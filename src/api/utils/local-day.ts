/**
 * Calendar days of the store's time zone as instants, for filters on timestamp columns: an admin
 * who asks for the plans created "from 2027-01-31 to 2027-01-31" means that day in the plugin's
 * time zone (Europe/Paris by default), not in UTC.
 */
import { addDays, toLocalDate, type LocalDate } from "../../domain/calendar"

const offsetFormatters = new Map<string, Intl.DateTimeFormat>()

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = offsetFormatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
    offsetFormatters.set(timeZone, f)
  }
  return f
}

/** Minutes the zone is ahead of UTC at `instant` (+60 in Paris in winter, +120 in summer). */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {}
  for (const part of wallClockFormatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value)
  }
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second)
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / 60_000)
}

/**
 * The first instant of `day` in `timeZone`. Two passes, because the offset at midnight may differ
 * from the offset at the UTC guess on a daylight-saving day.
 */
export function startOfLocalDay(day: LocalDate, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number)
  const guess = Date.UTC(y, m - 1, d)
  let instant = guess - offsetMinutes(guess, timeZone) * 60_000
  instant = guess - offsetMinutes(instant, timeZone) * 60_000
  // A zone whose day starts in a gap (no midnight that day) starts at the first instant after it.
  return toLocalDate(new Date(instant), timeZone) === day ? new Date(instant) : new Date(instant + 3_600_000)
}

/** The first instant of the day after `day` in `timeZone`: the exclusive end of a day range. */
export function endOfLocalDay(day: LocalDate, timeZone: string): Date {
  return startOfLocalDay(addDays(day, 1), timeZone)
}

/** The Monday of the week `day` is in (the weekday comes from the date itself, not from a zone). */
export function mondayOf(day: LocalDate): LocalDate {
  const [y, m, d] = day.split("-").map(Number)
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7 // Monday = 0
  return addDays(day, -weekday)
}
