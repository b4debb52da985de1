/**
 * Pay early (docs/business-rules.md §5): the shopper pays the next instalment, or everything that
 * remains, now. Irreversible once charged. This revision only asks for the charge; the plan
 * changes when the caller applies the outcome (`applyChargeSucceeded` / `applyChargeFailed`).
 * "Next" is the unpaid instalment with the earliest due date, so an overdue one comes first: the
 * secure page uses the same call to let a late shopper pay.
 */
import type { RevisionContext, RevisionOutcome } from "../outcome"
import { nextDue, unpaidInstalments, type PlanSnapshot } from "../plan"
import { err, ok, type Result } from "../result"
import { chargeMovement } from "./charge-movement"
import { requireStatus } from "./guards"

export interface PayEarlyInput {
  readonly scope: "next" | "all"
}

export function payEarly(plan: PlanSnapshot, input: PayEarlyInput, ctx: RevisionContext): Result<RevisionOutcome> {
  const refused = requireStatus(plan, ["active", "late", "serious_delay", "terminated"], "pay early")
  if (refused) return refused
  const next = nextDue(plan)
  if (!next) return err("nothing_to_pay", "Nothing remains to pay on this plan.")
  const instalments = input.scope === "all" ? unpaidInstalments(plan) : [next]
  const charge = chargeMovement(plan, instalments, "early_payment")
  return ok({
    plan,
    movements: [charge],
    events: [{ type: "plan.early_payment_requested", data: { scope: input.scope, instalments: charge.instalments, amount: charge.amount.cents, at: ctx.now } }],
  })
}
