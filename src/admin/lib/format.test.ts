import { amountCents, formatDay, formatMoney, parseAmountInput, timeLeft } from "./format"

describe("admin formats", () => {
  it("shows a due date as that calendar day, whatever the zone", () => {
    expect(formatDay("2027-01-31", "en-US")).toBe("Jan 31, 2027")
    expect(formatDay("2027-01-31", "fr")).toBe("31 janv. 2027")
    expect(formatDay(null, "en-US")).toBe("—")
  })

  it("formats major units in the admin's language", () => {
    expect(formatMoney(84.98, "eur", "en-US")).toBe("€84.98")
    expect(formatMoney(1304.9, "eur", "fr").replace(/\s/g, " ")).toBe("1 304,90 €")
  })

  it("reads a typed amount exactly, with a comma or a dot, at most 2 decimals", () => {
    expect(parseAmountInput(" 100 ")).toBe("100")
    expect(parseAmountInput("84,96")).toBe("84.96")
    expect(parseAmountInput("10.001")).toBeUndefined()
    expect(parseAmountInput("0")).toBeUndefined()
    expect(parseAmountInput("-5")).toBeUndefined()
    expect(parseAmountInput("abc")).toBeUndefined()
    expect(amountCents("84.96")).toBe(8_496)
    expect(amountCents("254.9")).toBe(25_490)
    expect(amountCents((254.9).toFixed(2))).toBe(25_490)
  })
})

describe("timeLeft", () => {
  it("counts whole hours and minutes left, or past the due time", () => {
    expect(timeLeft("2027-02-09T18:00:00Z", "2027-02-08T09:00:00Z")).toEqual({ overdue: false, hours: 33, minutes: 0 })
    expect(timeLeft("2027-02-08T09:05:59Z", "2027-02-08T09:00:00Z")).toEqual({ overdue: false, hours: 0, minutes: 5 })
    expect(timeLeft("2027-02-06T18:00:00Z", "2027-02-08T09:30:00Z")).toEqual({ overdue: true, hours: 39, minutes: 30 })
  })
})
