/**
 * The configuration the engine works with: already validated, in minor units and basis points.
 * Store owners never write this shape; they write plugin options in euros and percents, which
 * `src/options/plugin-options.ts` validates and turns into an `EngineConfig`.
 */
import { FRENCH_FIXED_HOLIDAYS } from "./support-clock"
import { CATALOGUE_ORDER } from "./catalogue"
import { DEFAULT_ACCEPTED_NETWORKS, DEFAULT_COUNTRIES, type CardNetwork, type PlanCode, type RevisionPolicy } from "./codes"
import { DEFAULT_TIME_ZONE } from "./calendar"
import type { MerchantSize } from "./credit-exemption"

/** Customer fee of a plan: `basisPoints` of the order total (half-up) plus `fixedCents`. */
export interface FeeSettings {
  readonly basisPoints: number
  readonly fixedCents: number
}

export interface PlanSettings {
  /** Whether the store offers the plan at all. */
  readonly offered: boolean
  /** Smallest order total accepted, in cents, inclusive. */
  readonly min: number
  /** Largest order total accepted, in cents, inclusive. */
  readonly max: number
  readonly fee: FeeSettings
  /** How many times a shopper may postpone a due date in one plan. */
  readonly maxPostponements: number
}

export interface CardSettings {
  readonly networks: readonly CardNetwork[]
  readonly allowPrepaid: boolean
  /** Virtual cards are always refused (docs/business-rules.md §3): not configurable. */
  readonly allowVirtual: false
  /** Cards must be issued in the EU (docs/business-rules.md §3): not configurable. */
  readonly requireEuIssuer: true
}

/**
 * Whether direct mode may grant consumer credit (docs/business-rules.md §11): without an
 * authorisation, only plans exempt for the store's size (src/domain/credit-exemption.ts).
 */
export interface ConsumerCreditSettings {
  readonly merchantSize: MerchantSize
  /** The store declares a consumer-credit authorisation: every plan may be offered. */
  readonly authorised: boolean
}

/** When a plan starts: at checkout (`off`), or when the merchant ships the order. */
export type DeferredStart = "off" | "on_shipment"

export interface EngineConfig {
  /** The only currency the plans exist in (docs/business-rules.md §10). */
  readonly currency: "eur"
  readonly plans: Readonly<Record<PlanCode, PlanSettings>>
  /** Countries (ISO 3166-1 alpha-2, lower case) where shoppers may use the plans. */
  readonly countries: readonly string[]
  readonly cards: CardSettings
  /** Default way a refund after a return comes off the unpaid instalments. */
  readonly revisionPolicy: RevisionPolicy
  readonly deferredStart: DeferredStart
  /** Automatic retries after a failed charge, in days after the due date, e.g. [1, 3, 7]. */
  readonly retryDays: readonly number[]
  /** An unpaid instalment more than this many days past due is a serious delay. */
  readonly seriousDelayDays: number
  /** Cap of late fees, in basis points of the amounts overdue (800 = 8 %). */
  readonly maxLateFeeBasisPoints: number
  /** Longest freeze, in days. */
  readonly maxFreezeDays: number
  /** Withdrawal period, in calendar days after the order day (that day included). */
  readonly withdrawalDays: number
  /** Longest single postponement, in days. */
  readonly maxPostponeDays: number
  /** Time zone of the shoppers' calendar: decides which day "today" is. */
  readonly timeZone: string
  readonly consumerCredit: ConsumerCreditSettings
  /** Public holidays a formal complaint's reply clock skips: `YYYY-MM-DD` or yearly `MM-DD` (src/domain/support-clock.ts). */
  readonly supportHolidays: readonly string[]
}

/** Default settings of one plan: 50.00 € to 4,000.00 €, no fee, one postponement. */
export function defaultPlanSettings(): PlanSettings {
  return { offered: true, min: 5_000, max: 400_000, fee: { basisPoints: 0, fixedCents: 0 }, maxPostponements: 1 }
}

/**
 * The engine's defaults of docs/business-rules.md, every plan offered, for a store that declares a
 * consumer-credit authorisation. A store that sets no option has no authorisation: the plugin
 * options (src/options/plugin-options.ts) then offer only the exempt plans. A fresh object each call.
 */
export function defaultEngineConfig(): EngineConfig {
  const plans = {} as Record<PlanCode, PlanSettings>
  for (const code of CATALOGUE_ORDER) plans[code] = defaultPlanSettings()
  return {
    currency: "eur",
    plans,
    countries: [...DEFAULT_COUNTRIES],
    cards: { networks: [...DEFAULT_ACCEPTED_NETWORKS], allowPrepaid: false, allowVirtual: false, requireEuIssuer: true },
    revisionPolicy: "spread",
    deferredStart: "off",
    retryDays: [1, 3, 7],
    seriousDelayDays: 15,
    maxLateFeeBasisPoints: 800,
    maxFreezeDays: 180,
    withdrawalDays: 14,
    maxPostponeDays: 15,
    timeZone: DEFAULT_TIME_ZONE,
    consumerCredit: { merchantSize: "sme", authorised: true },
    supportHolidays: [...FRENCH_FIXED_HOLIDAYS],
  }
}
