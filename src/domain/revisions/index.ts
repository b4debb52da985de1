/**
 * Plan revisions: one pure function per case, each
 * `(plan, input, ctx) → Result<{ plan, movements, events }>`. They never mutate the plan they are
 * given, refuse what the plan's state does not allow with a `Result` error, and record at least
 * one history event when they succeed.
 */
import type { RevisionContext, RevisionOutcome } from "../outcome"
import type { PlanSnapshot } from "../plan"
import type { Result } from "../result"

export type Revision<Input> = (plan: PlanSnapshot, input: Input, ctx: RevisionContext) => Result<RevisionOutcome>

export { cancelPlan, type CancelInput } from "./cancel"
export { applyRefund, type RefundInput } from "./refund"
export { applyExchange, requestExchangePayment, recordExchangePayment, recordExchangeRefund, type ExchangeInput, type ExchangePaymentInput, type ExchangeRefundInput } from "./exchange"
export { payEarly, type PayEarlyInput } from "./pay-early"
export { postpone, type PostponeInput } from "./postpone"
export { withdraw } from "./withdraw"
export { terminate, type TerminateInput } from "./terminate"
export { freeze, unfreeze, flagFraud, releaseExpiredFreeze, type FreezeInput, type UnfreezeInput, type FraudInput } from "./freeze"
export { applyLateFee, type LateFeeInput } from "./late-fee"
export { collectDue, applyChargeSucceeded, applyChargeFailed, type ChargeSucceededInput, type ChargeFailedInput } from "./charges"
export { evaluateDelays } from "./delays"
export { startDeferredPlan, type StartInput } from "./start"
export { naturalStatus } from "./settle"
export { collectDueRevision, collectionAttemptKey } from "./collect"
export { applyChargeOutcome, type ChargeAnswer } from "./charge-outcome"
export { freezeLinked, collectFromLinkedCard, type FreezeLinkedInput, type CollectFromLinkedInput } from "./linked"
