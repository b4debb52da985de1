/**
 * Quotes: what a plan would look like for an amount, today. Shown on product pages and at
 * checkout, and the starting point of a plan (`createPlan`).
 *
 * - The instalments add up exactly to the order total; the rounding remainder is on the first.
 * - The customer fee (total × basis points, half-up, plus the fixed part) is charged with the
 *   first instalment (with the single payment of d15/d30).
 * - The credit is what is not paid at checkout: total − first instalment for pNx (the first
 *   instalment is a payment on account, docs/business-rules.md §1), the whole total for dNN.
 */
import type { LocalDate } from "./calendar"
import { CATALOGUE_ORDER, chargesAtCheckout, instalmentCount, scheduleDueDates } from "./catalogue"
import type { PlanCode } from "./codes"
import type { EngineConfig, FeeSettings } from "./config"
import { creditExemption, worstCaseExemption, type Exemption } from "./credit-exemption"
import { checkEligibility, type Eligibility } from "./eligibility"
import { add, money, percentOf, splitEvenly, subtract, zero, type Money } from "./money"

export interface QuoteInstalment {
  /** 1-based position in the schedule. */
  readonly number: number
  readonly dueDate: LocalDate
  /** Share of the order total. */
  readonly amount: Money
  /** Customer fee charged with this instalment (only the first carries one). */
  readonly customerFee: Money
}

export interface Quote {
  readonly plan: PlanCode
  readonly currency: string
  /** The day the schedule was computed from (checkout day). */
  readonly quotedOn: LocalDate
  /** Order total, fees excluded. */
  readonly total: Money
  readonly customerFeeTotal: Money
  readonly totalWithFees: Money
  /** Part of the total not paid at checkout. */
  readonly credit: Money
  readonly instalments: readonly QuoteInstalment[]
  /** Pre-card eligibility: plan offered, currency, amount bounds, country. */
  readonly eligibility: Eligibility
  /** How many postponements the shopper will be allowed. */
  readonly maxPostponements: number
  /**
   * Without a consumer-credit authorisation only: whether this schedule is exempt from
   * consumer-credit law (src/domain/credit-exemption.ts); when not, `eligibility` says
   * `consumer_credit_not_authorised`.
   */
  readonly creditExemption?: Exemption
}

export interface QuoteInput {
  readonly config: EngineConfig
  readonly plan: PlanCode
  readonly amount: Money
  readonly country: string
  readonly today: LocalDate
}

/** Customer fee of a plan for a total: round-half-up(total × bp) + fixed. */
export function customerFee(total: Money, fee: FeeSettings): Money {
  if (fee.basisPoints === 0 && fee.fixedCents === 0) return zero(total.currency)
  return add(percentOf(total, fee.basisPoints, "half_up"), money(fee.fixedCents, total.currency))
}

export function quotePlan(input: QuoteInput): Quote {
  return quote(input.config, input.plan, input.amount, input.country, input.today)
}

function quote(config: EngineConfig, plan: PlanCode, amount: Money, country: string, today: LocalDate): Quote {
  const settings = config.plans[plan]
  const fee = customerFee(amount, settings.fee)
  const parts = splitEvenly(amount, instalmentCount(plan))
  const dates = scheduleDueDates(plan, today)
  const noFee = zero(amount.currency)
  const instalments: QuoteInstalment[] = parts.map((part, i) => ({
    number: i + 1,
    dueDate: dates[i],
    amount: part,
    customerFee: i === 0 ? fee : noFee,
  }))
  const exemption = config.consumerCredit.authorised ? undefined : scheduleExemption(config, plan, instalments, today)
  return {
    plan,
    currency: amount.currency,
    quotedOn: today,
    total: amount,
    customerFeeTotal: fee,
    totalWithFees: add(amount, fee),
    credit: chargesAtCheckout(plan) ? subtract(amount, parts[0]) : amount,
    instalments,
    eligibility: checkEligibility({ config, plan, amount, country, creditExemption: exemption }),
    maxPostponements: settings.maxPostponements,
    ...(exemption ? { creditExemption: exemption } : {}),
  }
}

/**
 * The consumer-credit verdict on the schedule the shopper would get. It runs from today; with a
 * deferred start it runs from the shipment day, unknown at checkout, so the plan must be exempt
 * whatever day it starts.
 */
function scheduleExemption(config: EngineConfig, plan: PlanCode, instalments: readonly QuoteInstalment[], today: LocalDate): Exemption {
  const size = config.consumerCredit.merchantSize
  const feeCents = instalments.reduce((sum, i) => sum + i.customerFee.cents, 0)
  if (config.deferredStart === "on_shipment") return worstCaseExemption(plan, feeCents, size)
  const schedule = instalments.map((i) => ({ dueDate: i.dueDate, customerFeeCents: i.customerFee.cents }))
  return creditExemption({ schedule, referenceDay: today, merchantSize: size })
}

/** A quote for every offered plan, in catalogue order, eligible or not (ineligible ones carry their reasons). */
export function quoteAll(input: Omit<QuoteInput, "plan">): Quote[] {
  const quotes: Quote[] = []
  for (const plan of CATALOGUE_ORDER) {
    if (input.config.plans[plan].offered) quotes.push(quote(input.config, plan, input.amount, input.country, input.today))
  }
  return quotes
}
