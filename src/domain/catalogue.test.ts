import { CATALOGUE, CATALOGUE_ORDER, chargesAtCheckout, instalmentCount, isDeferred, scheduleDueDates } from "./catalogue"
import { PLAN_CODES } from "./codes"

describe("catalogue", () => {
  it("describes every plan code", () => {
    expect(Object.keys(CATALOGUE).sort()).toEqual([...PLAN_CODES].sort())
    expect(CATALOGUE_ORDER).toEqual(["p2x", "p3x", "p4x", "d15", "d30"])
  })

  it("counts instalments and tells deferred plans apart", () => {
    expect(PLAN_CODES.map(instalmentCount)).toEqual([2, 3, 4, 1, 1])
    expect(PLAN_CODES.map(isDeferred)).toEqual([false, false, false, true, true])
    expect(PLAN_CODES.map(chargesAtCheckout)).toEqual([true, true, true, false, false])
  })

  it("schedules pNx monthly from the start, clamped to month ends", () => {
    expect(scheduleDueDates("p4x", "2025-01-31")).toEqual(["2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30"])
    expect(scheduleDueDates("p3x", "2024-01-31")).toEqual(["2024-01-31", "2024-02-29", "2024-03-31"])
    expect(scheduleDueDates("p2x", "2025-12-15")).toEqual(["2025-12-15", "2026-01-15"])
  })

  it("schedules dNN one payment NN days later", () => {
    expect(scheduleDueDates("d15", "2025-01-20")).toEqual(["2025-02-04"])
    expect(scheduleDueDates("d30", "2025-01-31")).toEqual(["2025-03-02"])
  })

  it("keeps every plan within 3 months (docs/business-rules.md §1)", () => {
    for (const code of PLAN_CODES) {
      const dates = scheduleDueDates(code, "2025-01-31")
      expect(dates[dates.length - 1] <= "2025-04-30").toBe(true)
    }
  })
})
