import fc from "fast-check"
import { fcParams } from "./__tests__/fc-settings"
import {
  add,
  allocate,
  compare,
  divideRounded,
  equals,
  fromMajor,
  isZero,
  minorDigits,
  money,
  percentOf,
  splitEvenly,
  subtract,
  sum,
  toMajor,
  toMajorString,
  zero,
} from "./money"
import { unwrap } from "./result"

const eur = (cents: number) => money(cents, "eur")
const cents = (list: { cents: number }[]) => list.map((m) => m.cents)

describe("money()", () => {
  it("builds an immutable value, lower-casing the currency", () => {
    const m = money(25490, "EUR")
    expect(m).toEqual({ currency: "eur", cents: 25490 })
    expect(Object.isFrozen(m)).toBe(true)
    expect(Object.is(money(-0, "eur").cents, 0)).toBe(true)
  })

  it("throws on programmer errors", () => {
    expect(() => money(1.5, "eur")).toThrow(/safe integer/)
    expect(() => money(2 ** 53, "eur")).toThrow(/safe integer/)
    expect(() => money(NaN, "eur")).toThrow()
    expect(() => money(1, "euro")).toThrow(/ISO 4217/)
  })
})

describe("arithmetic", () => {
  it("adds, subtracts, compares and sums", () => {
    expect(add(eur(8498), eur(16992))).toEqual(eur(25490))
    expect(subtract(eur(100), eur(250))).toEqual(eur(-150))
    expect(compare(eur(1), eur(2))).toBe(-1)
    expect(compare(eur(2), eur(2))).toBe(0)
    expect(compare(eur(3), eur(2))).toBe(1)
    expect(sum([eur(1), eur(2), eur(3)], "eur")).toEqual(eur(6))
    expect(sum([], "eur")).toEqual(zero("eur"))
    expect(isZero(eur(0))).toBe(true)
    expect(equals(eur(5), money(5, "usd"))).toBe(false)
  })

  it("refuses to mix currencies", () => {
    expect(() => add(eur(1), money(1, "usd"))).toThrow(/eur and usd/)
    expect(() => compare(eur(1), money(1, "jpy"))).toThrow()
    expect(() => sum([money(1, "usd")], "eur")).toThrow()
  })

  it("refuses overflow", () => {
    expect(() => add(eur(Number.MAX_SAFE_INTEGER), eur(1))).toThrow(/overflows/)
  })
})

describe("percentOf / divideRounded", () => {
  it("takes basis points of an amount with explicit rounding", () => {
    expect(percentOf(eur(25490), 150)).toEqual(eur(382)) // 382.35 → 382
    expect(percentOf(eur(10050), 150)).toEqual(eur(151)) // 150.75 → 151
    expect(percentOf(eur(100), 50, "half_up")).toEqual(eur(1)) // 0.5 → 1
    expect(percentOf(eur(100), 50, "floor")).toEqual(eur(0))
    expect(percentOf(eur(101), 50, "ceil")).toEqual(eur(1))
    expect(percentOf(eur(-100), 50, "half_up")).toEqual(eur(-1)) // half away from zero
    expect(percentOf(eur(-100), 50, "floor")).toEqual(eur(-1))
    expect(percentOf(eur(800_000), 800)).toEqual(eur(64_000))
  })

  it("falls back to BigInt when the product is not a safe integer", () => {
    expect(percentOf(eur(Number.MAX_SAFE_INTEGER), 10_000)).toEqual(eur(Number.MAX_SAFE_INTEGER))
    expect(percentOf(eur(Number.MAX_SAFE_INTEGER), 5_000, "floor")).toEqual(eur(4503599627370495))
    expect(divideRounded(10n ** 20n, 10 ** 6, "half_up")).toBe(10 ** 14)
  })

  it("rounds halves away from zero", () => {
    expect(divideRounded(25, 10, "half_up")).toBe(3)
    expect(divideRounded(-25, 10, "half_up")).toBe(-3)
    expect(divideRounded(-24, 10, "half_up")).toBe(-2)
    expect(divideRounded(24, 10, "half_up")).toBe(2)
    expect(() => divideRounded(1, 0, "floor")).toThrow()
  })
})

describe("splitEvenly", () => {
  it("puts the whole remainder on the first part (docs/business-rules.md §1)", () => {
    expect(cents(splitEvenly(eur(10000), 3))).toEqual([3334, 3333, 3333])
    expect(cents(splitEvenly(eur(25490), 3))).toEqual([8498, 8496, 8496])
    expect(cents(splitEvenly(eur(25490), 4))).toEqual([6374, 6372, 6372, 6372])
    expect(cents(splitEvenly(eur(5000), 2))).toEqual([2500, 2500])
    expect(cents(splitEvenly(eur(2), 3))).toEqual([2, 0, 0])
    expect(cents(splitEvenly(eur(-100), 3))).toEqual([-34, -33, -33])
  })

  it("refuses a non-positive count", () => {
    expect(() => splitEvenly(eur(100), 0)).toThrow()
    expect(() => splitEvenly(eur(100), 1.5)).toThrow()
  })
})

describe("allocate", () => {
  it("shares in proportion, leftover cents to the first shares", () => {
    expect(cents(allocate(eur(100), [1, 1, 1]))).toEqual([34, 33, 33])
    expect(cents(allocate(eur(100), [70, 30]))).toEqual([70, 30])
    expect(cents(allocate(eur(1003), [50, 50]))).toEqual([502, 501])
    expect(cents(allocate(eur(5), [0, 1, 1]))).toEqual([0, 3, 2])
    expect(cents(allocate(eur(-100), [1, 1, 1]))).toEqual([-34, -33, -33])
  })

  it("refuses bad ratios", () => {
    expect(() => allocate(eur(100), [])).toThrow()
    expect(() => allocate(eur(100), [0, 0])).toThrow()
    expect(() => allocate(eur(100), [-1, 2])).toThrow()
    expect(() => allocate(eur(100), [0.5, 0.5])).toThrow()
  })
})

describe("major units", () => {
  it("reads the minor digits from Intl", () => {
    expect(minorDigits("eur")).toBe(2)
    expect(minorDigits("jpy")).toBe(0)
    expect(minorDigits("bhd")).toBe(3)
  })

  it("parses decimal text exactly", () => {
    expect(unwrap(fromMajor("254.90", "eur"))).toEqual(eur(25490))
    expect(unwrap(fromMajor(254.9, "eur"))).toEqual(eur(25490))
    expect(unwrap(fromMajor(0.1 + 0.2, "eur"))).toEqual(eur(30)) // 0.30000000000000004 → 0.30
    expect(unwrap(fromMajor("0.125", "eur"))).toEqual(eur(13))
    expect(unwrap(fromMajor(1.005, "eur"))).toEqual(eur(101))
    expect(unwrap(fromMajor("4e3", "eur"))).toEqual(eur(400000))
    expect(unwrap(fromMajor(1e-7, "eur"))).toEqual(eur(0))
    expect(unwrap(fromMajor("1200", "JPY"))).toEqual(money(1200, "jpy"))
    expect(unwrap(fromMajor("1200.5", "jpy"))).toEqual(money(1201, "jpy"))
    expect(unwrap(fromMajor("-3.10", "eur"))).toEqual(eur(-310))
  })

  it("refuses what is not an amount", () => {
    for (const bad of [NaN, Infinity, -Infinity, "", "abc", "1,50", "12 €"]) {
      const r = fromMajor(bad, "eur")
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error.code).toBe("invalid_amount")
    }
    expect(fromMajor("1e20", "eur").ok).toBe(false)
    expect(fromMajor("1", "euro").ok).toBe(false)
  })

  it("formats major units", () => {
    expect(toMajorString(eur(25490))).toBe("254.90")
    expect(toMajorString(eur(-5))).toBe("-0.05")
    expect(toMajorString(money(1200, "jpy"))).toBe("1200")
    expect(toMajor(eur(25490))).toBe(254.9)
  })
})

describe("properties", () => {
  const anyCents = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER })
  const plausibleCents = fc.integer({ min: 1, max: 1_000_000 }) // 0.01 € to 10,000.00 €

  // Properties return booleans: jest's expect() is too slow to call thousands of times per run.
  it("splitEvenly: n parts summing to the total, the others equal, the first off by less than n", () => {
    fc.assert(
      fc.property(anyCents, fc.integer({ min: 1, max: 48 }), (c, n) => {
        const parts = cents(splitEvenly(eur(c), n))
        return (
          parts.length === n &&
          parts.reduce((a, b) => a + b, 0) === c &&
          parts.every((p, i) => i === 0 || (p === parts[1] && Math.abs(parts[0] - p) < n))
        )
      }),
      fcParams(5000),
    )
  })

  it("allocate: shares sum to the total, zero ratio gets zero, within 1 cent of proportional", () => {
    fc.assert(
      fc.property(plausibleCents, fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 8 }), (c, ratios) => {
        fc.pre(ratios.some((r) => r > 0))
        const shares = cents(allocate(eur(c), ratios))
        const total = ratios.reduce((a, b) => a + b, 0)
        return (
          shares.reduce((a, b) => a + b, 0) === c &&
          shares.every((s, i) => {
            // −total < s × total − c × r ≤ total (floored share, maybe +1 cent), in exact BigInt arithmetic
            const diff = BigInt(s) * BigInt(total) - BigInt(c) * BigInt(ratios[i])
            return (ratios[i] > 0 || s === 0) && diff <= BigInt(total) && diff > -BigInt(total)
          })
        )
      }),
      fcParams(5000),
    )
  })

  it("fromMajor(toMajorString(m)) = m, and via toMajor for amounts a double holds exactly", () => {
    fc.assert(
      fc.property(anyCents, fc.constantFrom("eur", "jpy", "bhd"), (c, currency) => {
        const m = money(c, currency)
        return equals(unwrap(fromMajor(toMajorString(m), currency)), m)
      }),
      fcParams(5000),
    )
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (c) => {
        return unwrap(fromMajor(toMajor(eur(c)), "eur")).cents === c
      }),
      fcParams(5000),
    )
  })

  it("percentOf(half_up) is within half a cent of the exact value", () => {
    fc.assert(
      fc.property(plausibleCents, fc.integer({ min: 0, max: 10_000 }), (c, bp) => {
        const p = percentOf(eur(c), bp).cents
        return Math.abs(p * 20_000 - c * bp * 2) <= 10_000 // 2 × 10 000 × |p − c·bp/10 000| ≤ half a cent
      }),
      fcParams(5000),
    )
  })
})

describe("fromMajor with exact: amounts a person typed", () => {
  it("accepts amounts to the cent and refuses sub-cent digits with a message that says so", () => {
    expect(fromMajor("10.00", "eur", { exact: true })).toEqual({ ok: true, value: { currency: "eur", cents: 1000 } })
    expect(fromMajor(84.98, "eur", { exact: true })).toEqual({ ok: true, value: { currency: "eur", cents: 8498 } })
    const refused = fromMajor("10.001", "eur", { exact: true })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.message).toContain("more decimals than EUR allows (2)")
    expect(fromMajor("10.5", "jpy", { exact: true }).ok).toBe(false)
    expect(fromMajor("abc", "eur", { exact: true }).ok).toBe(false)
  })
})
