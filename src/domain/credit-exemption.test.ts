import fc from "fast-check"
import { fcParams } from "./__tests__/fc-settings"
import { addDays } from "./calendar"
import { PLAN_CODES, type PlanCode } from "./codes"
import {
  EXEMPT_DEFERRAL_DAYS,
  MERCHANT_SIZES,
  creditExemption,
  planSchedule,
  worstCaseExemption,
  type MerchantSize,
  type ScheduledPayment,
} from "./credit-exemption"

const verdict = (plan: PlanCode, start: string, size: MerchantSize, feeCents = 0) =>
  creditExemption({ schedule: planSchedule(plan, start, feeCents), referenceDay: start, merchantSize: size })

/** A schedule of payments `offsets` days after `start`, with no fee. */
const after = (start: string, offsets: number[]): ScheduledPayment[] => offsets.map((d) => ({ dueDate: addDays(start, d), customerFeeCents: 0 }))

describe("creditExemption on known dates", () => {
  it("counts the days from the reference day to the last due date: 50 days is exempt for an SME, 51 is not", () => {
    expect(creditExemption({ schedule: after("2027-03-01", [0, 50]), referenceDay: "2027-03-01", merchantSize: "sme" })).toEqual({ exempt: true, days: 50, limitDays: 50 })
    expect(creditExemption({ schedule: after("2027-03-01", [0, 51]), referenceDay: "2027-03-01", merchantSize: "sme" })).toEqual({
      exempt: false,
      days: 51,
      limitDays: 50,
      reasons: [{ code: "deferral_too_long", days: 51, limitDays: 50, daysOver: 1 }],
    })
  })

  it("allows 14 days to a large seller, not 15", () => {
    expect(creditExemption({ schedule: after("2027-12-25", [14]), referenceDay: "2027-12-25", merchantSize: "large" }).exempt).toBe(true)
    expect(verdict("d15", "2027-12-25", "large")).toEqual({
      exempt: false,
      days: 15,
      limitDays: 14,
      reasons: [{ code: "deferral_too_long", days: 15, limitDays: 14, daysOver: 1 }],
    })
    expect(verdict("d15", "2027-12-25", "sme")).toEqual({ exempt: true, days: 15, limitDays: 50 })
  })

  it("p2x: one month later, however long the month (31 Jan + 1 month, leap years), is exempt for an SME only", () => {
    const cases: [string, number][] = [
      ["2027-01-31", 28], // → 2027-02-28
      ["2028-01-31", 29], // → 2028-02-29 (leap year)
      ["2028-02-29", 29], // → 2028-03-29
      ["2027-03-31", 30], // → 2027-04-30
      ["2027-01-15", 31], // → 2027-02-15
      ["2027-12-31", 31], // → 2028-01-31
    ]
    for (const [start, days] of cases) {
      expect(verdict("p2x", start, "sme")).toEqual({ exempt: true, days, limitDays: 50 })
      expect(verdict("p2x", start, "large")).toMatchObject({ exempt: false, days, reasons: [{ code: "deferral_too_long", daysOver: days - 14 }] })
    }
  })

  it("p3x and p4x are never exempt: two months are at least 59 days", () => {
    expect(verdict("p3x", "2027-12-31", "sme")).toMatchObject({ exempt: false, days: 60, reasons: [{ code: "deferral_too_long", daysOver: 10 }] }) // → 2028-02-29
    expect(verdict("p3x", "2027-01-01", "sme")).toMatchObject({ exempt: false, days: 59 }) // → 2027-03-01
    expect(verdict("p3x", "2028-02-29", "sme")).toMatchObject({ exempt: false, days: 60 }) // → 2028-04-29
    expect(verdict("p4x", "2028-01-31", "sme")).toMatchObject({ exempt: false, days: 90 }) // → 2028-04-30
  })

  it("a customer fee is never exempt, however short the schedule", () => {
    expect(verdict("d15", "2027-06-01", "sme", 1)).toEqual({ exempt: false, days: 15, limitDays: 50, reasons: [{ code: "customer_fee", feeCents: 1 }] })
    expect(verdict("p3x", "2027-06-01", "large", 250)).toMatchObject({
      exempt: false,
      reasons: [{ code: "deferral_too_long" }, { code: "customer_fee", feeCents: 250 }],
    })
  })

  it("reads the latest due date wherever it is in the list (a postponed instalment may come last)", () => {
    const schedule = [...after("2027-05-01", [60]), ...after("2027-05-01", [0, 31])]
    expect(creditExemption({ schedule, referenceDay: "2027-05-01", merchantSize: "sme" })).toMatchObject({ exempt: false, days: 60 })
  })
})

describe("worstCaseExemption: the verdict whatever day the plan starts", () => {
  const expected: Record<PlanCode, Record<MerchantSize, [boolean, number]>> = {
    p2x: { sme: [true, 31], large: [false, 31] },
    p3x: { sme: [false, 62], large: [false, 62] },
    p4x: { sme: [false, 92], large: [false, 92] },
    d15: { sme: [true, 15], large: [false, 15] },
    d30: { sme: [true, 30], large: [false, 30] },
  }
  it.each(PLAN_CODES)("%s", (plan) => {
    for (const size of MERCHANT_SIZES) {
      const [exempt, days] = expected[plan][size]
      expect(worstCaseExemption(plan, 0, size)).toMatchObject({ exempt, days, limitDays: EXEMPT_DEFERRAL_DAYS[size] })
      expect(worstCaseExemption(plan, 100, size).exempt).toBe(false)
    }
  })
})

describe("creditExemption properties", () => {
  const day = fc.integer({ min: 0, max: 80 * 366 }).map((n) => addDays("1990-01-01", n))
  const offsets = fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 6 })
  const size = fc.constantFrom(...MERCHANT_SIZES)

  it("is exempt exactly when the last due date is within the limit and no fee is charged", () => {
    fc.assert(
      fc.property(day, offsets, fc.array(fc.nat({ max: 500 }), { minLength: 6, maxLength: 6 }), size, (start, days, fees, merchantSize) => {
        const schedule = days.map((d, i) => ({ dueDate: addDays(start, d), customerFeeCents: fees[i] }))
        const result = creditExemption({ schedule, referenceDay: start, merchantSize })
        const fee = schedule.reduce((s, p) => s + p.customerFeeCents, 0)
        expect(result.days).toBe(Math.max(...days))
        expect(result.exempt).toBe(Math.max(...days) <= EXEMPT_DEFERRAL_DAYS[merchantSize] && fee === 0)
      }),
      fcParams(3000),
    )
  })

  it("is monotone in the length of the schedule: a shorter schedule of an exempt one is exempt", () => {
    fc.assert(
      fc.property(day, offsets, size, fc.nat(), (start, days, merchantSize, cut) => {
        const sorted = [...days].sort((a, b) => a - b)
        const shorter = sorted.slice(0, 1 + (cut % sorted.length))
        const full = creditExemption({ schedule: after(start, sorted), referenceDay: start, merchantSize })
        const part = creditExemption({ schedule: after(start, shorter), referenceDay: start, merchantSize })
        if (full.exempt) expect(part.exempt).toBe(true)
        if (!part.exempt) expect(full.exempt).toBe(false)
      }),
      fcParams(3000),
    )
  })

  it("any fee makes a schedule not exempt", () => {
    fc.assert(
      fc.property(day, offsets, size, fc.integer({ min: 1, max: 100_000 }), (start, days, merchantSize, fee) => {
        const schedule = after(start, days).map((p, i) => (i === 0 ? { ...p, customerFeeCents: fee } : p))
        const result = creditExemption({ schedule, referenceDay: start, merchantSize })
        expect(result.exempt).toBe(false)
        if (!result.exempt) expect(result.reasons).toContainEqual({ code: "customer_fee", feeCents: fee })
      }),
      fcParams(2000),
    )
  })

  it("exempt for a large seller implies exempt for an SME", () => {
    fc.assert(
      fc.property(day, offsets, (start, days) => {
        const schedule = after(start, days)
        if (creditExemption({ schedule, referenceDay: start, merchantSize: "large" }).exempt) {
          expect(creditExemption({ schedule, referenceDay: start, merchantSize: "sme" }).exempt).toBe(true)
        }
      }),
      fcParams(2000),
    )
  })

  it("a plan exempt in the worst case is exempt on any start day, from 1990 to 2100 (a year that is not leap)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PLAN_CODES), fc.integer({ min: 0, max: 40_500 }).map((n) => addDays("1990-01-01", n)), size, (plan, start, merchantSize) => {
        const actual = verdict(plan, start, merchantSize)
        const worst = worstCaseExemption(plan, 0, merchantSize)
        expect(actual.days).toBeLessThanOrEqual(worst.days)
        if (worst.exempt) expect(actual.exempt).toBe(true)
      }),
      fcParams(3000),
    )
  })
})
