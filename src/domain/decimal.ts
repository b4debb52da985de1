/**
 * Exact decimal text → scaled integer, the only way major units ("254.90", 1.5 %) enter the
 * engine. Parsing the TEXT avoids binary floating point: 0.1 + 0.2 never happens here.
 *
 * Numbers are first turned into their shortest round-trip string (`String(0.1)` is "0.1",
 * `String(1e21)` is "1e+21"), which is the decimal the author of the number wrote.
 */

/** A parsed decimal: value = (negative ? -1 : 1) × digits × 10^exponent. */
export interface ParsedDecimal {
  readonly negative: boolean
  /** Decimal digits without sign or point, e.g. "25490" for "254.90". Never empty. */
  readonly digits: string
  readonly exponent: number
}

const DECIMAL_RE = /^([+-]?)(\d+)?(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/

/** Parses "254.90", "-1.5e3", ".5", "7." and numbers. Returns undefined for anything else (NaN, Infinity, "", "1,5"). */
export function parseDecimal(value: string | number): ParsedDecimal | undefined {
  if (typeof value === "number" && !Number.isFinite(value)) return undefined
  const text = typeof value === "number" ? String(value) : value.trim()
  const match = DECIMAL_RE.exec(text)
  if (!match) return undefined
  const [, sign, intPart = "", fracPart = "", exp = "0"] = match
  if (intPart === "" && fracPart === "") return undefined
  const exponent = Number(exp) - fracPart.length
  // A huge exponent is not a money amount; refusing it keeps the string work below bounded.
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 1000) return undefined
  return { negative: sign === "-", digits: (intPart + fracPart).replace(/^0+(?=\d)/, ""), exponent }
}

export type DecimalRounding = "half_up" | "exact"

/**
 * value × 10^scale as a safe integer. `half_up` rounds half away from zero ("0.125" at scale 2 is
 * 13, "-0.125" is -13); `exact` refuses any digit that would be lost. Returns undefined when the
 * result is not a safe integer or `exact` would lose a digit.
 */
export function toScaledInteger(dec: ParsedDecimal, scale: number, rounding: DecimalRounding): number | undefined {
  if (/^0+$/.test(dec.digits)) return 0 // zero at any exponent, never -0
  const shift = dec.exponent + scale
  let integerDigits: string
  let roundUp = false
  if (shift >= 0) {
    if (dec.digits.replace(/^0+/, "").length + shift > 16) return undefined
    integerDigits = dec.digits + "0".repeat(shift)
  } else {
    const keep = dec.digits.length + shift
    integerDigits = keep > 0 ? dec.digits.slice(0, keep) : "0"
    const dropped = keep >= 0 ? dec.digits.slice(keep) : "0".repeat(-keep) + dec.digits
    if (rounding === "exact") {
      if (/[1-9]/.test(dropped)) return undefined
    } else {
      roundUp = dropped.charCodeAt(0) >= 53 /* "5" */
    }
  }
  const magnitude = Number(integerDigits) + (roundUp ? 1 : 0)
  if (!Number.isSafeInteger(magnitude)) return undefined
  if (magnitude === 0) return 0 // never -0
  return dec.negative ? -magnitude : magnitude
}

/** `toScaledInteger(parseDecimal(value), scale, rounding)`, undefined if either step fails. */
export function decimalToScaledInteger(value: string | number, scale: number, rounding: DecimalRounding): number | undefined {
  const dec = parseDecimal(value)
  return dec === undefined ? undefined : toScaledInteger(dec, scale, rounding)
}

/** Formats an integer scaled by 10^scale as plain decimal text: (25490, 2) → "254.90", (-5, 2) → "-0.05". */
export function formatScaledInteger(value: number, scale: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`formatScaledInteger: ${value} is not a safe integer`)
  const negative = value < 0
  const digits = String(Math.abs(value))
  if (scale === 0) return (negative ? "-" : "") + digits
  const padded = digits.padStart(scale + 1, "0")
  const cut = padded.length - scale
  return `${negative ? "-" : ""}${padded.slice(0, cut)}.${padded.slice(cut)}`
}
