/**
 * A new card for a running plan must pass the checkout's card rules
 * (docs/business-rules.md §3 and §5): network, prepaid, virtual, systematic authorisation, issuer
 * country, and valid until one month after the plan's last due date. The order rules (amount
 * bounds, country, plan offered) were decided at checkout and are not asked again: a store that
 * later narrows its bounds must not lock its shoppers out of changing card.
 */
import type { LocalDate } from "./calendar"
import type { EligibilityReasonCode, PlanCode } from "./codes"
import type { EngineConfig } from "./config"
import { checkEligibility, type CardFacts } from "./eligibility"
import type { Money } from "./money"

/** A card can be changed while instalments remain to be charged (and before a deferred start). */
export const CARD_CHANGE_STATUSES = ["pending_start", "active", "late", "serious_delay"] as const

export interface PlanForCard {
  readonly code: PlanCode
  readonly total: Money
  /** The last due date of the instalments still to pay (or of the plan when all are paid). */
  readonly lastDueDate: LocalDate
}

/** Why the card cannot carry this plan; empty when it can. Codes are the checkout's (`card_prepaid`...). */
export function cardChangeRefusals(config: EngineConfig, plan: PlanForCard, card: CardFacts): EligibilityReasonCode[] {
  const result = checkEligibility({
    config,
    plan: plan.code,
    amount: plan.total,
    // The country is an order rule, filtered out below; the plan's own country is not stored.
    country: config.countries[0] ?? "",
    card,
    lastDueDate: plan.lastDueDate,
  })
  return result.eligible ? [] : result.reasons.filter((reason) => reason.startsWith("card_"))
}

/** The last due date among the instalments that are not cancelled. */
export function lastDueDate(instalments: readonly { due_date: string; status: string }[]): LocalDate | undefined {
  const dates = instalments.filter((i) => i.status !== "cancelled").map((i) => i.due_date)
  return dates.length === 0 ? undefined : dates.reduce((a, b) => (a > b ? a : b))
}
