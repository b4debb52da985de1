/**
 * Eligibility (docs/business-rules.md §3): may this shopper use this plan for this amount, with
 * this card?
 *
 * Every applicable reason is reported, not just the first, in the order of
 * `ELIGIBILITY_REASON_CODES`, so storefronts can show them all and texts stay stable.
 * Called twice in a checkout: before the card is known (plan, currency, amount, country), and
 * again with the card facts and the credit decision.
 */
import { addMonthsClamped, compareDates, lastDayOfMonth, type LocalDate } from "./calendar"
import { instalmentCount, scheduleDueDates } from "./catalogue"
import {
  ELIGIBILITY_REASON_CODES,
  EU_COUNTRIES,
  type CardFunding,
  type CardNetwork,
  type EligibilityReasonCode,
  type PlanCode,
} from "./codes"
import type { EngineConfig } from "./config"
import type { Exemption } from "./credit-exemption"
import type { Money } from "./money"

/** What the payment processor tells us about the card. */
export interface CardFacts {
  readonly network: CardNetwork
  /** For a co-badged card (CB + Visa, CB + Mastercard), the other network. */
  readonly coBadgedWith?: CardNetwork
  readonly funding: CardFunding
  readonly virtual: boolean
  /** The card requires an authorisation for every payment (Maestro, Visa Electron and similar). */
  readonly systematicAuthorisation: boolean
  /** ISO 3166-1 alpha-2 country of the issuing bank (any case). */
  readonly issuerCountry: string
  /** Expiry month 1-12 and four-digit year: the card is valid through the end of that month. */
  readonly expMonth: number
  readonly expYear: number
  readonly last4: string
  readonly brand?: string
}

export type CreditDecision = "approved" | "refused"

export interface EligibilityInput {
  readonly config: EngineConfig
  readonly plan: PlanCode
  readonly amount: Money
  /** Shopper's country of residence, ISO 3166-1 alpha-2 (any case). */
  readonly country: string
  readonly card?: CardFacts
  readonly creditDecision?: CreditDecision
  /** Last due date of the schedule, for the card expiry rule. */
  readonly lastDueDate?: LocalDate
  /** When `lastDueDate` is not given: the checkout day, from which the schedule is derived. */
  readonly today?: LocalDate
  /** The consumer-credit verdict on the schedule (the quote's), for a store without an authorisation. */
  readonly creditExemption?: Exemption
}

export type Eligibility = { readonly eligible: true } | { readonly eligible: false; readonly reasons: readonly EligibilityReasonCode[] }

/** Networks whose cards always need an authorisation, whatever the processor's flag says. */
const SYSTEMATIC_AUTHORISATION_NETWORKS: readonly CardNetwork[] = ["maestro", "visa_electron"]

const EU = new Set<string>(EU_COUNTRIES)

export const ELIGIBLE: Eligibility = Object.freeze({ eligible: true })

/** Orders reasons as `ELIGIBILITY_REASON_CODES` does, whatever order the checks ran in. */
function toEligibility(found: ReadonlySet<EligibilityReasonCode>): Eligibility {
  if (found.size === 0) return ELIGIBLE
  return { eligible: false, reasons: ELIGIBILITY_REASON_CODES.filter((code) => found.has(code)) }
}

/** The checks that need no card: plan offered, currency, amount bounds, country. */
function addOrderReasons(input: EligibilityInput, found: Set<EligibilityReasonCode>): void {
  const { config, plan, amount } = input
  const settings = config.plans[plan]
  if (!settings || !settings.offered) found.add("plan_not_offered")
  if (amount.currency !== config.currency) found.add("currency_not_supported")
  if (settings) {
    // Below the count of instalments in cents the split would produce a 0.00 instalment.
    if (amount.cents < settings.min || amount.cents < instalmentCount(plan)) found.add("amount_below_minimum")
    if (amount.cents > settings.max) found.add("amount_above_maximum")
  }
  if (!config.countries.includes(input.country.toLowerCase())) found.add("country_not_supported")
  if (!config.consumerCredit.authorised && input.creditExemption?.exempt === false) found.add("consumer_credit_not_authorised")
}

/** A card is acceptable through its own network or, for a co-badged card, through the other one. */
function networkAccepted(config: EngineConfig, card: CardFacts): boolean {
  const accepted = config.cards.networks
  return accepted.includes(card.network) || (card.coBadgedWith !== undefined && accepted.includes(card.coBadgedWith))
}

/** The day the schedule ends, from the caller's figure or derived from the plan's schedule. */
function lastDue(input: EligibilityInput): LocalDate | undefined {
  if (input.lastDueDate !== undefined) return input.lastDueDate
  if (input.today === undefined) return undefined
  const dates = scheduleDueDates(input.plan, input.today)
  return dates[dates.length - 1]
}

/** The card must stay valid (through the end of its expiry month) until one month after the last due date. */
function expiresTooSoon(card: CardFacts, lastDueDate: LocalDate): boolean {
  if (!Number.isSafeInteger(card.expYear) || !Number.isSafeInteger(card.expMonth) || card.expMonth < 1 || card.expMonth > 12) {
    return true // an expiry we cannot read cannot prove the card stays valid
  }
  if (card.expYear < 1 || card.expYear > 9999) return true
  const validThrough = lastDayOfMonth(card.expYear, card.expMonth)
  return compareDates(validThrough, addMonthsClamped(lastDueDate, 1)) < 0
}

function addCardReasons(input: EligibilityInput, card: CardFacts, found: Set<EligibilityReasonCode>): void {
  const { config } = input
  if (!networkAccepted(config, card)) found.add("card_network_not_accepted")
  if (card.funding === "prepaid" && !config.cards.allowPrepaid) found.add("card_prepaid")
  if (card.virtual) found.add("card_virtual")
  if (card.systematicAuthorisation || SYSTEMATIC_AUTHORISATION_NETWORKS.includes(card.network)) {
    found.add("card_systematic_authorisation")
  }
  if (!EU.has(card.issuerCountry.toLowerCase())) found.add("card_issuer_country")
  const end = lastDue(input)
  if (end !== undefined && expiresTooSoon(card, end)) found.add("card_expires_too_soon")
}

/**
 * Checks every rule that applies to what is known. Without `card`, only the order checks run;
 * the expiry check needs `lastDueDate` or `today`.
 */
export function checkEligibility(input: EligibilityInput): Eligibility {
  const found = new Set<EligibilityReasonCode>()
  addOrderReasons(input, found)
  if (input.card) addCardReasons(input, input.card, found)
  if (input.creditDecision === "refused") found.add("credit_refused")
  return toEligibility(found)
}
