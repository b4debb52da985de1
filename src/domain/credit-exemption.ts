/**
 * Is a direct plan consumer credit? (docs/business-rules.md §11)
 *
 * Under Directive (EU) 2023/2225 (applicable since 20 November 2026), paying later is outside
 * consumer-credit law only when the seller itself defers payment, with no third party, for at most
 * 50 days (at most 14 days for a seller that is not a micro, small or medium enterprise), with no
 * interest or other charges. A direct-mode store (the plugin charges the cards for the seller)
 * that offers more grants consumer credit and needs an authorisation; with Alma, Alma is the
 * licensed lender and none of this applies.
 *
 * The verdict is read from the schedule the engine builds (its due dates and fees), never from
 * the plan's code: the same plan can be exempt for a small seller and not for a large one.
 */
import { addDays, daysBetween, type LocalDate } from "./calendar"
import { scheduleDueDates } from "./catalogue"
import type { PlanCode } from "./codes"

/** `sme`: a micro, small or medium enterprise; `large`: any other seller. */
export const MERCHANT_SIZES = ["sme", "large"] as const
export type MerchantSize = (typeof MERCHANT_SIZES)[number]

/** Longest exempt deferral: days from the reference day to the last payment, inclusive bound. */
export const EXEMPT_DEFERRAL_DAYS: Readonly<Record<MerchantSize, number>> = { sme: 50, large: 14 }

/** One payment of a schedule, as far as the rule cares. */
export interface ScheduledPayment {
  readonly dueDate: LocalDate
  /** Customer fee charged with this payment, cents. */
  readonly customerFeeCents: number
}

export interface ExemptionInput {
  readonly schedule: readonly ScheduledPayment[]
  /** The day the deferral runs from: the order day, or the shipment day with a deferred start. */
  readonly referenceDay: LocalDate
  readonly merchantSize: MerchantSize
}

export type NotExemptReason =
  /** The last payment falls `daysOver` days after the last exempt day. */
  | { readonly code: "deferral_too_long"; readonly days: number; readonly limitDays: number; readonly daysOver: number }
  /** The schedule charges the shopper a fee: a charge, so never exempt. */
  | { readonly code: "customer_fee"; readonly feeCents: number }

export type Exemption =
  | { readonly exempt: true; readonly days: number; readonly limitDays: number }
  | { readonly exempt: false; readonly days: number; readonly limitDays: number; readonly reasons: readonly NotExemptReason[] }

/** Days from the reference day to the latest due date of the schedule (0 for an empty one). */
export function deferralDays(schedule: readonly ScheduledPayment[], referenceDay: LocalDate): number {
  let days = 0
  for (const payment of schedule) days = Math.max(days, daysBetween(referenceDay, payment.dueDate))
  return days
}

/** The verdict on one schedule: exempt, or every reason it is not. */
export function creditExemption(input: ExemptionInput): Exemption {
  const limitDays = EXEMPT_DEFERRAL_DAYS[input.merchantSize]
  const days = deferralDays(input.schedule, input.referenceDay)
  const feeCents = input.schedule.reduce((sum, p) => sum + p.customerFeeCents, 0)
  const reasons: NotExemptReason[] = []
  if (days > limitDays) reasons.push({ code: "deferral_too_long", days, limitDays, daysOver: days - limitDays })
  if (feeCents > 0) reasons.push({ code: "customer_fee", feeCents })
  return reasons.length === 0 ? { exempt: true, days, limitDays } : { exempt: false, days, limitDays, reasons }
}

/** The schedule the engine builds for `plan` starting on `start`, its customer fee on the first payment. */
export function planSchedule(plan: PlanCode, start: LocalDate, customerFeeCents: number): ScheduledPayment[] {
  return scheduleDueDates(plan, start).map((dueDate, i) => ({ dueDate, customerFeeCents: i === 0 ? customerFeeCents : 0 }))
}

/**
 * Month lengths repeat, leap years included, over four years: starting the plan on every day of
 * 2028 (a leap year) to 2031 meets every month end and every 29 February a schedule can meet.
 */
const CYCLE_FIRST_DAY = "2028-01-01"
const CYCLE_DAYS = 4 * 365 + 1

/** Per plan, a start day whose schedule is the longest: it depends on neither the fee nor the seller's size. */
const longestStart = new Map<PlanCode, LocalDate>()

function startOfLongestSchedule(plan: PlanCode): LocalDate {
  const known = longestStart.get(plan)
  if (known) return known
  let best = CYCLE_FIRST_DAY
  let bestDays = -1
  for (let d = 0; d < CYCLE_DAYS; d++) {
    const start = addDays(CYCLE_FIRST_DAY, d)
    const days = deferralDays(planSchedule(plan, start, 0), start)
    if (days > bestDays) [best, bestDays] = [start, days]
  }
  longestStart.set(plan, best)
  return best
}

/**
 * The verdict on `plan` whatever day it starts: the verdict of its longest schedule over a
 * four-year cycle. Exempt here means exempt on every day of the year; it decides the default plans
 * and what a configuration may ask for, and the quotes of a deferred start (the shipment day is
 * not known at checkout).
 */
export function worstCaseExemption(plan: PlanCode, customerFeeCents: number, merchantSize: MerchantSize): Exemption {
  const start = startOfLongestSchedule(plan)
  return creditExemption({ schedule: planSchedule(plan, start, customerFeeCents), referenceDay: start, merchantSize })
}
