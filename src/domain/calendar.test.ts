import fc from "fast-check"
import { fcParams } from "./__tests__/fc-settings"
import {
  addDays,
  addMonthsClamped,
  compareDates,
  daysBetween,
  daysInMonth,
  endOfMonth,
  isLocalDate,
  isTimeZone,
  lastDayOfMonth,
  maxDate,
  localHour,
  toLocalDate,
} from "./calendar"

describe("addMonthsClamped", () => {
  it("clamps to the month's last day, always counting from the start (31 Jan → 28 Feb → 31 Mar)", () => {
    expect(addMonthsClamped("2025-01-31", 1)).toBe("2025-02-28")
    expect(addMonthsClamped("2025-01-31", 2)).toBe("2025-03-31")
    expect(addMonthsClamped("2025-01-31", 3)).toBe("2025-04-30")
  })

  it("knows leap years (31 Jan 2024 → 29 Feb; 29 Feb 2024 + 12 months → 28 Feb 2025)", () => {
    expect(addMonthsClamped("2024-01-31", 1)).toBe("2024-02-29")
    expect(addMonthsClamped("2024-01-30", 1)).toBe("2024-02-29")
    expect(addMonthsClamped("2024-02-29", 12)).toBe("2025-02-28")
    expect(addMonthsClamped("2000-01-31", 1)).toBe("2000-02-29") // divisible by 400
    expect(addMonthsClamped("2100-01-31", 1)).toBe("2100-02-28") // divisible by 100
  })

  it("crosses years both ways", () => {
    expect(addMonthsClamped("2025-11-15", 3)).toBe("2026-02-15")
    expect(addMonthsClamped("2025-03-31", -1)).toBe("2025-02-28")
    expect(addMonthsClamped("2025-01-15", -1)).toBe("2024-12-15")
    expect(addMonthsClamped("2025-05-15", 0)).toBe("2025-05-15")
  })
})

describe("day arithmetic", () => {
  it("adds days across months, years and leap days", () => {
    expect(addDays("2025-01-31", 1)).toBe("2025-02-01")
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29")
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01")
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01")
    expect(addDays("2025-01-15", 15)).toBe("2025-01-30")
    expect(addDays("2025-01-15", 30)).toBe("2025-02-14")
    expect(addDays("2025-03-01", -1)).toBe("2025-02-28")
    expect(addDays("1970-01-01", 0)).toBe("1970-01-01")
    expect(addDays("1969-12-31", 1)).toBe("1970-01-01")
  })

  it("counts days between", () => {
    expect(daysBetween("2025-01-15", "2025-01-29")).toBe(14)
    expect(daysBetween("2025-01-29", "2025-01-15")).toBe(-14)
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366)
    expect(daysBetween("2025-03-29", "2025-03-31")).toBe(2) // across the DST change in Paris: still 2 days
  })

  it("compares", () => {
    expect(compareDates("2025-01-01", "2025-01-02")).toBe(-1)
    expect(compareDates("2025-01-02", "2025-01-02")).toBe(0)
    expect(compareDates("2026-01-01", "2025-12-31")).toBe(1)
    expect(maxDate("2025-01-01", "2025-01-02")).toBe("2025-01-02")
  })

  it("knows month lengths", () => {
    expect(daysInMonth(2024, 2)).toBe(29)
    expect(daysInMonth(2025, 2)).toBe(28)
    expect(daysInMonth(2025, 4)).toBe(30)
    expect(endOfMonth("2025-02-10")).toBe("2025-02-28")
    expect(lastDayOfMonth(2028, 2)).toBe("2028-02-29")
    expect(() => lastDayOfMonth(2028, 13)).toThrow()
  })
})

describe("validation", () => {
  it("accepts only real days in YYYY-MM-DD form", () => {
    expect(isLocalDate("2024-02-29")).toBe(true)
    for (const bad of ["2025-02-29", "2025-13-01", "2025-00-10", "2025-1-1", "2025/01/01", "20250101", "", 20250101, null, "2025-01-32", "2025-04-31"]) {
      expect(isLocalDate(bad)).toBe(false)
    }
    expect(() => addDays("2025-02-30", 1)).toThrow(/calendar day/)
    expect(() => addDays("2025-02-01", 1.5)).toThrow()
  })
})

describe("localHour", () => {
  it("gives the hour of the day (0-23) an instant falls on in a time zone, across daylight saving", () => {
    expect(localHour("2025-01-15T08:00:00Z", "Europe/Paris")).toBe(9) // UTC+1 in winter
    expect(localHour("2025-07-15T07:00:00Z", "Europe/Paris")).toBe(9) // UTC+2 in summer
    expect(localHour("2025-01-15T23:30:00Z", "Europe/Paris")).toBe(0) // midnight is 0, not 24
    expect(localHour("2025-01-15T03:30:00Z", "Asia/Kolkata")).toBe(9) // UTC+5:30
    expect(localHour(new Date("2025-01-15T09:59:59Z"), "UTC")).toBe(9)
    expect(() => localHour("not a date", "UTC")).toThrow()
  })
})

describe("toLocalDate", () => {
  it("gives the day in Europe/Paris by default", () => {
    expect(toLocalDate("2025-03-30T22:30:00Z")).toBe("2025-03-31") // UTC+2 after the spring change
    expect(toLocalDate("2025-01-15T22:59:59Z")).toBe("2025-01-15") // UTC+1 in winter
    expect(toLocalDate("2025-01-15T23:00:00Z")).toBe("2025-01-16")
    expect(toLocalDate(new Date(Date.UTC(2025, 11, 31, 23, 30)))).toBe("2026-01-01")
  })

  it("honours another time zone", () => {
    expect(toLocalDate("2025-03-30T22:30:00Z", "UTC")).toBe("2025-03-30")
    expect(toLocalDate("2025-01-01T03:00:00Z", "America/New_York")).toBe("2024-12-31")
  })

  it("refuses invalid instants and zones", () => {
    expect(() => toLocalDate("not a date")).toThrow()
    expect(() => toLocalDate("2025-01-01T00:00:00Z", "Mars/Olympus")).toThrow()
    expect(isTimeZone("Europe/Paris")).toBe(true)
    expect(isTimeZone("Mars/Olympus")).toBe(false)
  })
})

describe("properties", () => {
  const day = fc.integer({ min: -3650, max: 36500 }).map((n) => addDays("1990-01-01", n))

  it("addDays and daysBetween agree, and match Date.UTC arithmetic", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -2000, max: 2000 }), (d, n) => {
        const later = addDays(d, n)
        const viaUtc = new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
        return daysBetween(d, later) === n && later === viaUtc && isLocalDate(later)
      }),
      fcParams(5000),
    )
  })

  it("addMonthsClamped keeps the day of month or clamps to the month's end, and increases with k", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 40 }), (d, k) => {
        const a = addMonthsClamped(d, k)
        const b = addMonthsClamped(d, k + 1)
        const startDay = Number(d.slice(8))
        const aDay = Number(a.slice(8))
        const sameOrClamped = aDay === startDay || (aDay < startDay && a === endOfMonth(a))
        const gap = daysBetween(a, b)
        return sameOrClamped && gap >= 28 && gap <= 31
      }),
      fcParams(5000),
    )
  })
})
