/**
 * Termination (docs/business-rules.md §7): on non-payment or a false declaration, the contract ends
 * and everything that remains becomes due at once. The plan stays `terminated` while the remaining
 * amount is collected (retries and delays still apply to its instalments).
 */
import type { LedgerEvent, RevisionContext, RevisionOutcome } from "../outcome"
import { unpaidInstalments, type PlanSnapshot } from "../plan"
import { ok, type Result } from "../result"
import { chargeMovement } from "./charge-movement"
import { makeDueToday } from "./due-now"
import { RUNNING, requireReason, requireStatus } from "./guards"
import { moveTo } from "./settle"

export interface TerminateInput {
  /** Why the contract is terminated (non-payment, false declaration...): kept as proof. */
  readonly reason: string
}

export function terminate(plan: PlanSnapshot, input: TerminateInput, ctx: RevisionContext): Result<RevisionOutcome> {
  const refused = requireStatus(plan, RUNNING, "terminate the plan") ?? requireReason(input.reason, "terminate a plan")
  if (refused) return refused
  let revised: PlanSnapshot = { ...plan, instalments: makeDueToday(plan.instalments, ctx.today) }
  const charge = chargeMovement(revised, unpaidInstalments(revised), "termination")
  const events: LedgerEvent[] = [
    { type: "plan.terminated", data: { reason: input.reason, instalments: charge.instalments, amountDue: charge.amount.cents, at: ctx.now } },
  ]
  revised = moveTo(revised, "terminated", events, "plan.terminated")
  return ok({ plan: revised, movements: [charge], events })
}
