import { endOfLocalDay, mondayOf, startOfLocalDay } from "./local-day"

describe("startOfLocalDay / endOfLocalDay", () => {
  it("gives midnight in Paris in winter (UTC+1) and in summer (UTC+2)", () => {
    expect(startOfLocalDay("2027-01-31", "Europe/Paris").toISOString()).toBe("2027-01-30T23:00:00.000Z")
    expect(startOfLocalDay("2027-07-14", "Europe/Paris").toISOString()).toBe("2027-07-13T22:00:00.000Z")
    expect(endOfLocalDay("2027-01-31", "Europe/Paris").toISOString()).toBe("2027-01-31T23:00:00.000Z")
  })

  it("handles the daylight-saving days: 23 and 25 hours long", () => {
    const springStart = startOfLocalDay("2027-03-28", "Europe/Paris")
    const springEnd = endOfLocalDay("2027-03-28", "Europe/Paris")
    expect(springStart.toISOString()).toBe("2027-03-27T23:00:00.000Z")
    expect((springEnd.getTime() - springStart.getTime()) / 3_600_000).toBe(23)
    const autumnStart = startOfLocalDay("2027-10-31", "Europe/Paris")
    expect((endOfLocalDay("2027-10-31", "Europe/Paris").getTime() - autumnStart.getTime()) / 3_600_000).toBe(25)
  })

  it("is UTC midnight in UTC and follows zones west of Greenwich", () => {
    expect(startOfLocalDay("2027-01-31", "UTC").toISOString()).toBe("2027-01-31T00:00:00.000Z")
    expect(startOfLocalDay("2027-01-31", "America/New_York").toISOString()).toBe("2027-01-31T05:00:00.000Z")
  })
})

describe("mondayOf", () => {
  it("gives the Monday of the day's week, the day itself on a Monday", () => {
    expect(mondayOf("2027-01-31")).toBe("2027-01-25") // a Sunday
    expect(mondayOf("2027-02-01")).toBe("2027-02-01") // a Monday
    expect(mondayOf("2027-01-01")).toBe("2026-12-28") // a Friday, across the year
  })
})
