/**
 * Money: an integer number of minor units (cents for the euro) in one currency.
 *
 * There is no floating-point arithmetic on money in this engine. Amounts are safe integers,
 * percentages are basis points (1 % = 100 bp) and every division says how it rounds. Conversions
 * from and to major units ("254.90") go through the decimal TEXT (see decimal.ts).
 */
import { decimalToScaledInteger, formatScaledInteger } from "./decimal"
import { err, ok, type Result } from "./result"

export interface Money {
  /** Lower-case ISO 4217 code, e.g. "eur". */
  readonly currency: string
  /** Minor units (cents), a safe integer. Negative only for differences. */
  readonly cents: number
}

/** How a division rounds. `half_up` rounds halves away from zero (2.5 → 3, -2.5 → -3). */
export type Rounding = "half_up" | "floor" | "ceil"

const CURRENCY_RE = /^[a-z]{3}$/

/** Creates a Money. Throws on a non-integer amount or a malformed currency: those are programming errors. */
export function money(cents: number, currency: string): Money {
  if (!Number.isSafeInteger(cents)) throw new Error(`money: ${cents} is not a safe integer number of minor units`)
  // -0 would print as "0.00" but compare oddly with Object.is; normalise it away.
  return Object.freeze({ currency: currencyCode(currency), cents: cents === 0 ? 0 : cents })
}

/** Currency codes already checked: money() is on the hot path of quotes, a Set lookup beats a regex. */
const knownCurrencies = new Set<string>()

function currencyCode(currency: string): string {
  if (knownCurrencies.has(currency)) return currency
  const code = currency.toLowerCase()
  if (!CURRENCY_RE.test(code)) throw new Error(`money: "${currency}" is not an ISO 4217 currency code`)
  if (code === currency) knownCurrencies.add(code)
  return code
}

export function zero(currency: string): Money {
  return money(0, currency)
}

const minorDigitsCache = new Map<string, number>()

/**
 * Number of minor digits of a currency (EUR 2, JPY 0, BHD 3), from the runtime's ICU data rather
 * than a hand-kept table.
 */
export function minorDigits(currency: string): number {
  const code = currency.toLowerCase()
  let digits = minorDigitsCache.get(code)
  if (digits === undefined) {
    digits = new Intl.NumberFormat(undefined, { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2
    minorDigitsCache.set(code, digits)
  }
  return digits
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new Error(`money: cannot combine ${a.currency} and ${b.currency}`)
}

function safe(cents: number, what: string): number {
  if (!Number.isSafeInteger(cents)) throw new Error(`money: ${what} overflows the safe integer range`)
  return cents
}

export function add(a: Money, b: Money): Money {
  assertSameCurrency(a, b)
  return money(safe(a.cents + b.cents, "add"), a.currency)
}

export function subtract(a: Money, b: Money): Money {
  assertSameCurrency(a, b)
  return money(safe(a.cents - b.cents, "subtract"), a.currency)
}

export function isZero(m: Money): boolean {
  return m.cents === 0
}

export function isPositive(m: Money): boolean {
  return m.cents > 0
}

/** -1, 0 or 1. Throws when the currencies differ (comparing euros with yen is a bug). */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b)
  return a.cents < b.cents ? -1 : a.cents > b.cents ? 1 : 0
}

export function equals(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.cents === b.cents
}

/** Sum of a list; the currency is given so that an empty list still has one. */
export function sum(list: readonly Money[], currency: string): Money {
  let total = 0
  for (const m of list) {
    if (m.currency !== currency) throw new Error(`money: cannot sum ${m.currency} into ${currency}`)
    total = safe(total + m.cents, "sum")
  }
  return money(total, currency)
}

/**
 * Integer division of two integers with explicit rounding. Uses floating division only on
 * integers whose quotient is then floored, which is exact for safe integers; falls back to BigInt
 * when the numerator is not a safe integer.
 */
export function divideRounded(numerator: number | bigint, denominator: number, rounding: Rounding): number {
  if (!Number.isSafeInteger(denominator) || denominator <= 0) throw new Error(`divideRounded: bad denominator ${denominator}`)
  if (typeof numerator === "number" && Number.isSafeInteger(numerator)) {
    const q = Math.floor(numerator / denominator)
    const r = numerator - q * denominator // 0 ≤ r < denominator
    if (r === 0 || rounding === "floor") return q
    if (rounding === "ceil") return q + 1
    // half_up (away from zero): for a positive numerator round up when r ≥ d/2; for a negative
    // one, q is already the value below, so round up only when r > d/2.
    const twice = 2 * r
    return twice > denominator || (twice === denominator && numerator > 0) ? q + 1 : q
  }
  const n = BigInt(numerator)
  const d = BigInt(denominator)
  let q = n / d // truncates toward zero
  let r = n % d
  if (r < 0n) {
    q -= 1n
    r += d
  }
  let result = q
  if (r !== 0n) {
    if (rounding === "ceil") result = q + 1n
    else if (rounding === "half_up") result = 2n * r > d || (2n * r === d && n > 0n) ? q + 1n : q
  }
  return safe(Number(result), "division")
}

/** Multiplies two integers exactly: a number when the product is safe, else a bigint. */
function multiplyExact(a: number, b: number): number | bigint {
  const product = a * b
  // If the exact product fits in 2^53 the float product is exact; otherwise it is ≥ 2^53 and fails the test.
  return Number.isSafeInteger(product) ? product : BigInt(a) * BigInt(b)
}

/** `m × basisPoints / 10 000` rounded as asked. 1 % = 100 bp; 150 bp of 254.90 € half-up = 3.82 €. */
export function percentOf(m: Money, basisPoints: number, rounding: Rounding = "half_up"): Money {
  if (!Number.isSafeInteger(basisPoints)) throw new Error(`percentOf: basis points must be an integer, got ${basisPoints}`)
  return money(divideRounded(multiplyExact(m.cents, basisPoints), 10_000, rounding), m.currency)
}

/**
 * Splits `total` into `n` parts that differ by at most the remainder and add up exactly to
 * `total`. The whole remainder goes on the FIRST part (docs/business-rules.md §1):
 * 100.00 in 3 → 33.34 + 33.33 + 33.33; 254.90 in 3 → 84.98 + 84.96 + 84.96.
 */
export function splitEvenly(total: Money, n: number): Money[] {
  return splitCentsEvenly(total.cents, n).map((cents) => money(cents, total.currency))
}

/** `splitEvenly` on a bare number of cents. */
export function splitCentsEvenly(cents: number, n: number): number[] {
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`splitEvenly: n must be a positive integer, got ${n}`)
  if (!Number.isSafeInteger(cents)) throw new Error(`splitEvenly: ${cents} is not a safe integer`)
  const base = Math.trunc(cents / n) + 0 // integer division of integers, toward zero (+ 0 turns -0 into 0)
  const parts: number[] = [cents - base * (n - 1)]
  for (let i = 1; i < n; i++) parts.push(base)
  return parts
}

/**
 * Splits `total` in proportion to integer `ratios` (dinero.js style): each share is the floored
 * proportional part, then the cents left over go one by one to the shares in order, skipping
 * zero ratios. The shares always add up to `total`; a zero ratio gets zero.
 */
export function allocate(total: Money, ratios: readonly number[]): Money[] {
  if (ratios.length === 0) throw new Error("allocate: at least one ratio is needed")
  let ratioSum = 0
  for (const r of ratios) {
    if (!Number.isSafeInteger(r) || r < 0) throw new Error(`allocate: ratios must be non-negative integers, got ${r}`)
    ratioSum = safe(ratioSum + r, "ratio sum")
  }
  if (ratioSum === 0) throw new Error("allocate: at least one ratio must be positive")
  const sign = total.cents < 0 ? -1 : 1
  const magnitude = Math.abs(total.cents)
  const shares = ratios.map((r) => divideRounded(multiplyExact(magnitude, r), ratioSum, "floor"))
  let left = magnitude - shares.reduce((a, b) => a + b, 0) // < number of positive ratios
  for (let i = 0; left > 0; i = (i + 1) % shares.length) {
    if (ratios[i] === 0) continue
    shares[i] += 1
    left -= 1
  }
  return shares.map((s) => money(sign * s, total.currency))
}

/**
 * Parses an amount in major units ("254.90", 254.9, "1e3") exactly, rounding half-up beyond the
 * currency's minor digits ("0.125" € → 0.13 €): Medusa's computed BigNumbers may carry more digits.
 * With `{ exact: true }` (amounts a person typed: an API body), more digits than the currency has
 * are refused instead. Refuses NaN, Infinity, malformed text, and amounts beyond the safe integer range.
 */
export function fromMajor(value: string | number, currency: string, options: { exact?: boolean } = {}): Result<Money> {
  if (!CURRENCY_RE.test(currency.toLowerCase())) {
    return err("invalid_amount", `"${currency}" is not an ISO 4217 currency code (expected three letters such as "eur")`)
  }
  const digits = minorDigits(currency)
  const cents = decimalToScaledInteger(value, digits, options.exact ? "exact" : "half_up")
  if (cents === undefined) {
    if (options.exact && decimalToScaledInteger(value, digits, "half_up") !== undefined) {
      return err("invalid_amount", `${JSON.stringify(value)} has more decimals than ${currency.toUpperCase()} allows (${digits}): round it to the cent`, {
        value: String(value),
      })
    }
    return err("invalid_amount", `${JSON.stringify(value)} is not a decimal amount in major units (expected e.g. "254.90" or 254.9)`, {
      value: String(value),
    })
  }
  return ok(money(cents, currency))
}

/** "254.90" for 25 490 cents of euro, "-0.05", "1200" for 1 200 yen. */
export function toMajorString(m: Money): string {
  return formatScaledInteger(m.cents, minorDigits(m.currency))
}

/** The amount in major units as a JS number, for display and APIs that insist on numbers only. Never compute with it. */
export function toMajor(m: Money): number {
  return Number(toMajorString(m))
}
