/**
 * Daily collection as a revision: `collectDue` says which charge is due today; this wraps it in
 * the revision shape so the module applies it like any other operation (the charge movement is
 * executed, then `applyChargeSucceeded` / `applyChargeFailed` settle the plan).
 *
 * `collectionAttemptKey` names one attempt: the same plan, the same instalments and the same
 * attempt numbers give the same key. Two workers, a retry of the job or a run after a crash
 * between the charge and the write therefore ask the processor with the same key (it answers
 * with the charge it already made) and the ledger refuses the second write.
 */
import type { RevisionContext, RevisionOutcome, ChargeMovement } from "../outcome"
import type { PlanSnapshot } from "../plan"
import { err, ok, type Result } from "../result"
import { collectDue } from "./charges"

export function collectDueRevision(plan: PlanSnapshot, _input: Record<string, never>, ctx: RevisionContext): Result<RevisionOutcome> {
  const charge = collectDue(plan, ctx.today)
  if (!charge) return err("no_change", `Nothing of this ${plan.status} plan is due for collection on ${ctx.today}.`)
  return ok({
    plan,
    movements: [charge],
    events: [
      {
        type: "plan.collection_attempted",
        data: { instalments: [...charge.instalments], amount: charge.amount.cents, attempts: attemptsOf(plan, charge), at: ctx.now },
      },
    ],
  })
}

/** The attempt number of each charged instalment: 1 for a first try, 2 for the first retry... */
function attemptsOf(plan: PlanSnapshot, charge: ChargeMovement): number[] {
  return charge.instalments.map((n) => (plan.instalments.find((i) => i.number === n)?.attempts ?? 0) + 1)
}

/** `collect:<plan id>:<instalment>.<attempt>-…`, e.g. `collect:iplan_1:2.1-3.1`. */
export function collectionAttemptKey(planId: string, plan: PlanSnapshot, charge: ChargeMovement): string {
  const attempts = attemptsOf(plan, charge)
  return `collect:${planId}:${charge.instalments.map((n, k) => `${n}.${attempts[k]}`).join("-")}`
}
