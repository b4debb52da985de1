import fc from "fast-check"
import { fcParams } from "./__tests__/fc-settings"
import { addDays, dayOfWeek, startOfLocalDay, toLocalDate } from "./calendar"
import { SUPPORT_CATEGORIES } from "./codes"
import { FRENCH_FIXED_HOLIDAYS, isHolidayEntry, isWorkingDay, replyDueAt } from "./support-clock"

const HOUR = 3_600_000
const iso = (d: Date) => d.toISOString()

describe("replyDueAt: known dates (Europe/Paris, France's fixed holidays)", () => {
  it("gives every category but the formal complaint 24 clock hours, weekends included", () => {
    for (const category of SUPPORT_CATEGORIES.filter((c) => c !== "formal_complaint")) {
      expect(iso(replyDueAt("2026-12-04T18:00:00.000Z", category))).toBe("2026-12-05T18:00:00.000Z")
    }
  })

  it("skips the weekend for a complaint opened on a Friday evening (19:00 → Tuesday 19:00)", () => {
    // Friday 5 h, Monday 24 h, Tuesday 19 h.
    expect(iso(replyDueAt("2026-12-04T18:00:00.000Z", "formal_complaint"))).toBe("2026-12-08T18:00:00.000Z")
  })

  it("counts a complaint opened on a Saturday from Monday's midnight (due Tuesday at midnight)", () => {
    expect(iso(replyDueAt("2026-12-05T09:00:00.000Z", "formal_complaint"))).toBe("2026-12-08T23:00:00.000Z")
  })

  it("skips a public holiday (11 November 2026, a Wednesday)", () => {
    // Tuesday 10:00: Tuesday 14 h, Wednesday is a holiday, Thursday 24 h, Friday 10 h.
    expect(iso(replyDueAt("2026-11-10T09:00:00.000Z", "formal_complaint"))).toBe("2026-11-13T09:00:00.000Z")
    // Without holidays, Wednesday counts.
    expect(iso(replyDueAt("2026-11-10T09:00:00.000Z", "formal_complaint", { holidays: [] }))).toBe("2026-11-12T09:00:00.000Z")
  })

  it("takes a store's own holidays, one-off (YYYY-MM-DD) or yearly (MM-DD)", () => {
    // Easter Monday 2027 is 29 March: a complaint on Friday 26 March 12:00 is due Wednesday 12:00.
    const holidays = [...FRENCH_FIXED_HOLIDAYS, "2027-03-29"]
    expect(iso(replyDueAt("2027-03-26T11:00:00.000Z", "formal_complaint", { holidays }))).toBe("2027-03-31T10:00:00.000Z")
    expect(iso(replyDueAt("2026-12-07T09:00:00.000Z", "formal_complaint", { holidays: ["12-08"] }))).toBe("2026-12-10T09:00:00.000Z")
  })

  it("counts real hours across the change to summer time (Friday 27 March 2026, 18:00 → Tuesday 18:00 CEST)", () => {
    // Friday 6 h (UTC+1), the weekend with the clock change skipped, Monday 24 h, Tuesday 18 h (UTC+2).
    expect(iso(replyDueAt("2026-03-27T17:00:00.000Z", "formal_complaint"))).toBe("2026-03-31T16:00:00.000Z")
  })

  it("uses the store's time zone: Friday 20:00 in New York is already Saturday in Paris", () => {
    const opened = "2026-12-05T01:00:00.000Z"
    // New York: Friday 4 h, Monday 24 h, Tuesday 20 h → Tuesday 20:00 EST.
    expect(iso(replyDueAt(opened, "formal_complaint", { timeZone: "America/New_York" }))).toBe("2026-12-09T01:00:00.000Z")
    expect(iso(replyDueAt(opened, "formal_complaint", { timeZone: "Europe/Paris" }))).toBe("2026-12-08T23:00:00.000Z")
  })

  it("refuses an invalid instant, and a calendar with no working day", () => {
    expect(() => replyDueAt("not a date", "postpone")).toThrow(/not a valid instant/)
    const everyDay = Array.from({ length: 500 }, (_, i) => addDays("2026-12-01", i))
    expect(() => replyDueAt("2026-12-01T10:00:00.000Z", "formal_complaint", { holidays: everyDay })).toThrow(/check the holidays/)
  })
})

describe("holidays and working days", () => {
  it("accepts YYYY-MM-DD and MM-DD entries only", () => {
    for (const ok of ["2026-05-14", "12-25", "02-29"]) expect(isHolidayEntry(ok)).toBe(true)
    for (const bad of ["2026-13-01", "2026-02-29", "02-30", "25-12", "12/25", "2026-5-1", "", 20261225, null]) expect(isHolidayEntry(bad)).toBe(false)
  })

  it("knows weekends and France's fixed holidays", () => {
    expect(isWorkingDay("2026-12-04")).toBe(true) // Friday
    expect(isWorkingDay("2026-12-05")).toBe(false) // Saturday
    expect(isWorkingDay("2026-12-06")).toBe(false) // Sunday
    expect(isWorkingDay("2026-12-25")).toBe(false) // Christmas, a Friday
    expect(isWorkingDay("2026-07-14")).toBe(false) // Bastille Day, a Tuesday
    expect(isWorkingDay("2026-07-14", [])).toBe(true)
  })
})

describe("calendar helpers the clock relies on", () => {
  it("startOfLocalDay: local midnight, on the days the clocks change and in a midnight gap", () => {
    expect(iso(startOfLocalDay("2026-01-15", "Europe/Paris"))).toBe("2026-01-14T23:00:00.000Z")
    expect(iso(startOfLocalDay("2026-03-29", "Europe/Paris"))).toBe("2026-03-28T23:00:00.000Z")
    expect(iso(startOfLocalDay("2026-03-30", "Europe/Paris"))).toBe("2026-03-29T22:00:00.000Z")
    expect(iso(startOfLocalDay("2026-10-26", "Europe/Paris"))).toBe("2026-10-25T23:00:00.000Z")
    // São Paulo skipped from 00:00 to 01:00 on 4 November 2018: the day began at 01:00 (UTC-2).
    expect(iso(startOfLocalDay("2018-11-04", "America/Sao_Paulo"))).toBe("2018-11-04T03:00:00.000Z")
  })

  it("dayOfWeek: 0 Sunday to 6 Saturday", () => {
    expect(dayOfWeek("1970-01-01")).toBe(4)
    expect(dayOfWeek("2026-12-05")).toBe(6)
    expect(dayOfWeek("2026-12-07")).toBe(1)
    expect(dayOfWeek("1969-12-28")).toBe(0)
  })
})

describe("replyDueAt properties", () => {
  const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }).map((ms) => new Date(ms))
  const category = fc.constantFrom(...SUPPORT_CATEGORIES)
  const timeZone = fc.constantFrom("Europe/Paris", "Europe/London", "America/New_York", "America/Sao_Paulo", "Asia/Tokyo", "UTC")
  const holidays = fc.subarray([...FRENCH_FIXED_HOLIDAYS, "2026-12-08", "2030-04-22", "03-31", "10-30"])

  it("is never earlier than 24 hours after the request was opened", () => {
    fc.assert(
      fc.property(instant, category, timeZone, holidays, (opened, c, tz, h) => {
        expect(replyDueAt(opened, c, { timeZone: tz, holidays: h }).getTime()).toBeGreaterThanOrEqual(opened.getTime() + 24 * HOUR)
      }),
      fcParams(1000),
    )
  })

  it("a complaint's due time ends a working hour: the hour before it is never on a weekend or a holiday", () => {
    fc.assert(
      fc.property(instant, timeZone, holidays, (opened, tz, h) => {
        const due = replyDueAt(opened, "formal_complaint", { timeZone: tz, holidays: h })
        const lastHourDay = toLocalDate(new Date(due.getTime() - 1), tz)
        expect(isWorkingDay(lastHourDay, h)).toBe(true)
        expect(dayOfWeek(lastHourDay)).not.toBe(0)
        expect(dayOfWeek(lastHourDay)).not.toBe(6)
      }),
      fcParams(1000),
    )
  })

  it("is monotone in the opening time: a later request is never due earlier", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 10 * 24 * HOUR }), category, timeZone, holidays, (opened, later, c, tz, h) => {
        const a = replyDueAt(opened, c, { timeZone: tz, holidays: h })
        const b = replyDueAt(new Date(opened.getTime() + later), c, { timeZone: tz, holidays: h })
        expect(b.getTime()).toBeGreaterThanOrEqual(a.getTime())
      }),
      fcParams(1000),
    )
  })
})
