/**
 * What the instalments badge says for a quote: the eligible plan in most instalments
 * ("or 3 × 83.30 €"), else a pay-later plan ("or Pay in 30 days"), else nothing (outside the
 * bounds, or a country the store does not serve). Pure, so the badge's logic is tested without React.
 */
import { badgeWords } from "./texts.js"
import type { PlanCode, Quote, QuotedPlan } from "./types.js"

function instalmentCount(code: PlanCode): number {
  const match = /^p(\d)x$/.exec(code)
  return match ? Number(match[1]) : 0
}

/** The plan the badge shows: `preferred` when eligible, else the eligible plan with most instalments. */
export function badgePlan(quote: Quote, preferred?: PlanCode): QuotedPlan | null {
  const eligible = quote.plans.filter((plan) => plan.eligible)
  const wanted = eligible.find((plan) => plan.code === preferred)
  if (wanted) return wanted
  const split = eligible.filter((plan) => instalmentCount(plan.code) > 0).sort((a, b) => instalmentCount(b.code) - instalmentCount(a.code))
  return split[0] ?? eligible[0] ?? null
}

/** An amount in the shopper's language ("83,30 €", "€83.30"). */
export function formatMoney(amount: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() }).format(amount)
}

/** The badge's sentence, or null when no plan is possible. */
export function badgeText(quote: Quote, locale: string, preferred?: PlanCode): string | null {
  const plan = badgePlan(quote, preferred)
  if (!plan) return null
  const count = instalmentCount(plan.code)
  if (count === 0) return badgeWords(locale, "badgeDeferred", { label: plan.label })
  // The first instalment carries the rounding: the largest one is what the shopper pays at most.
  const largest = Math.max(...plan.instalments.map((i) => Math.round((i.amount + i.customer_fee) * 100))) / 100
  return badgeWords(locale, "badge", { count, amount: formatMoney(largest, quote.currency_code, locale) })
}
