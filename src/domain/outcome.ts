/**
 * What a revision hands back besides the revised plan:
 *  - movements: money the caller must move (charge the card, refund it, send a payment link).
 *    The engine never talks to a processor; the Medusa wiring executes movements.
 *  - events: append-only history entries (docs/business-rules.md §4: every operation on a plan is
 *    recorded and is the proof of what happened).
 */
import type { LocalDate } from "./calendar"
import type { EngineConfig } from "./config"
import type { Money } from "./money"
import type { PlanSnapshot } from "./plan"

/** Why a charge is asked for. */
export type ChargePurpose =
  | "instalment" // collection of instalments due (first attempt or retry)
  | "plan_start" // first instalment of a plan with a deferred start
  | "early_payment" // the shopper pays ahead of the due date
  | "withdrawal" // the shopper withdrew: everything remaining at once
  | "termination" // contract terminated: everything remaining at once
  | "exchange_difference" // what a dearer exchange added, paid at once (no instalment)
  | "linked_card" // overdue instalments charged, by an admin, to a linked plan's card (same shopper, §8)

/** Why a refund is owed. */
export type RefundPurpose =
  | "cancellation" // order cancelled: everything paid goes back
  | "refund_overflow" // a refund larger than what remained to pay: the difference goes back
  | "exchange_overflow" // a cheaper exchange larger than what remained to pay
  | "withdrawal_fees" // customer fees paid, refunded on withdrawal

/** How a refund splits between principal and fees (all cents). */
export interface RefundBreakdown {
  readonly principal: number
  readonly customerFees: number
  readonly lateFees: number
}

export interface ChargeMovement {
  readonly kind: "charge"
  readonly amount: Money
  /** Numbers of the instalments this charge pays (in full, fees included); none for an exchange difference. */
  readonly instalments: readonly number[]
  readonly purpose: ChargePurpose
}

export interface RefundMovement {
  readonly kind: "refund"
  readonly amount: Money
  readonly purpose: RefundPurpose
  readonly breakdown: RefundBreakdown
}

export interface PaymentRequestMovement {
  readonly kind: "payment_request"
  readonly amount: Money
  readonly purpose: "exchange_difference"
}

export type Movement = ChargeMovement | RefundMovement | PaymentRequestMovement

/** One history entry. `type` is dot.case (`plan.refund_applied`); `data` holds plain JSON values (cents, dates, numbers). */
export interface LedgerEvent {
  readonly type: string
  readonly data: Readonly<Record<string, unknown>>
}

/** What every revision receives besides the plan and its own input. */
export interface RevisionContext {
  readonly config: EngineConfig
  /** Today on the shoppers' calendar (config.timeZone). */
  readonly today: LocalDate
  /** Now, as an ISO instant, for timestamps (paidAt...). */
  readonly now: string
}

export interface RevisionOutcome {
  readonly plan: PlanSnapshot
  readonly movements: readonly Movement[]
  /** Never empty for a successful revision. */
  readonly events: readonly LedgerEvent[]
}
