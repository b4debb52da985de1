import { decimalToScaledInteger, formatScaledInteger, parseDecimal } from "./decimal"

describe("parseDecimal", () => {
  it("reads plain, signed, exponent and edge forms", () => {
    expect(parseDecimal("254.90")).toEqual({ negative: false, digits: "25490", exponent: -2 })
    expect(parseDecimal("-1.5e3")).toEqual({ negative: true, digits: "15", exponent: 2 })
    expect(parseDecimal(".5")).toEqual({ negative: false, digits: "5", exponent: -1 })
    expect(parseDecimal("7.")).toEqual({ negative: false, digits: "7", exponent: 0 })
    expect(parseDecimal(" 0042 ")).toEqual({ negative: false, digits: "42", exponent: 0 })
    expect(parseDecimal(1e21)).toEqual({ negative: false, digits: "1", exponent: 21 })
    expect(parseDecimal(1e-7)).toEqual({ negative: false, digits: "1", exponent: -7 })
  })

  it.each(["", ".", "abc", "1,5", "1.2.3", "--1", "1e", "e5", "Infinity", "NaN", "0x10", "1e5000"])("refuses %p", (text) => {
    expect(parseDecimal(text)).toBeUndefined()
  })

  it("refuses non-finite numbers", () => {
    expect(parseDecimal(NaN)).toBeUndefined()
    expect(parseDecimal(Infinity)).toBeUndefined()
    expect(parseDecimal(-Infinity)).toBeUndefined()
  })
})

describe("decimalToScaledInteger", () => {
  it("scales exactly, without binary floating point", () => {
    expect(decimalToScaledInteger("254.90", 2, "exact")).toBe(25490)
    expect(decimalToScaledInteger(0.1, 2, "exact")).toBe(10)
    expect(decimalToScaledInteger(1.005, 2, "half_up")).toBe(101) // 1.005 as a float is 1.00499999…, its text is "1.005"
    expect(decimalToScaledInteger("1.5", 2, "exact")).toBe(150)
  })

  it("rounds half away from zero", () => {
    expect(decimalToScaledInteger("0.125", 2, "half_up")).toBe(13)
    expect(decimalToScaledInteger("0.124", 2, "half_up")).toBe(12)
    expect(decimalToScaledInteger("-0.125", 2, "half_up")).toBe(-13)
    expect(decimalToScaledInteger("0.0049", 2, "half_up")).toBe(0)
    expect(decimalToScaledInteger("0.5", 0, "half_up")).toBe(1)
    expect(decimalToScaledInteger("1e-9", 2, "half_up")).toBe(0)
  })

  it("never returns -0", () => {
    expect(Object.is(decimalToScaledInteger("-0.001", 2, "half_up"), 0)).toBe(true)
    expect(Object.is(decimalToScaledInteger("-0", 2, "exact"), 0)).toBe(true)
    expect(decimalToScaledInteger("0e400", 2, "exact")).toBe(0)
  })

  it("refuses lost digits in exact mode and unsafe results", () => {
    expect(decimalToScaledInteger("1.234", 2, "exact")).toBeUndefined()
    expect(decimalToScaledInteger("1.230", 2, "exact")).toBe(123)
    expect(decimalToScaledInteger("90071992547409.92", 2, "exact")).toBeUndefined()
    expect(decimalToScaledInteger("90071992547409.91", 2, "exact")).toBe(Number.MAX_SAFE_INTEGER)
    expect(decimalToScaledInteger("1e30", 2, "half_up")).toBeUndefined()
  })
})

describe("formatScaledInteger", () => {
  it("pads and signs", () => {
    expect(formatScaledInteger(25490, 2)).toBe("254.90")
    expect(formatScaledInteger(5, 2)).toBe("0.05")
    expect(formatScaledInteger(-5, 2)).toBe("-0.05")
    expect(formatScaledInteger(0, 2)).toBe("0.00")
    expect(formatScaledInteger(1200, 0)).toBe("1200")
    expect(formatScaledInteger(1, 3)).toBe("0.001")
    expect(formatScaledInteger(8498, 2)).toBe("84.98")
    expect(formatScaledInteger(1299, 0)).toBe("1299")
    expect(formatScaledInteger(1234, 3)).toBe("1.234")
  })
})
