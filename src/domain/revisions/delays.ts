/**
 * Serious delays (docs/business-rules.md §7): an unpaid instalment more than `seriousDelayDays`
 * (15) days past its due date becomes `late` and the plan `serious_delay`. Run daily. Frozen plans
 * are not evaluated (collection is suspended); a terminated plan keeps its status but its
 * instalments are marked. Returns `no_change` when there is nothing to record.
 */
import { daysBetween } from "../calendar"
import type { LedgerEvent, RevisionContext, RevisionOutcome } from "../outcome"
import type { PlanSnapshot } from "../plan"
import { err, ok, type Result } from "../result"
import { patchInstalments } from "./instalment-updates"
import { settleStatus } from "./settle"

export function evaluateDelays(plan: PlanSnapshot, _input: Record<string, never>, ctx: RevisionContext): Result<RevisionOutcome> {
  const evaluated = plan.status === "active" || plan.status === "late" || plan.status === "serious_delay" || plan.status === "terminated"
  const limit = ctx.config.seriousDelayDays
  const newlyLate = evaluated
    ? plan.instalments.filter((i) => (i.status === "scheduled" || i.status === "failed") && daysBetween(i.dueDate, ctx.today) > limit)
    : []
  if (newlyLate.length === 0) return err("no_change", `No instalment of this ${plan.status} plan became more than ${limit} days overdue today.`)
  const patches = new Map(newlyLate.map((i) => [i.number, { status: "late" as const }]))
  const events: LedgerEvent[] = [
    {
      type: "plan.serious_delay",
      data: { instalments: newlyLate.map((i) => ({ number: i.number, dueDate: i.dueDate, daysOverdue: daysBetween(i.dueDate, ctx.today) })), at: ctx.now },
    },
  ]
  const revised = settleStatus(patchInstalments(plan, patches), events, "plan.serious_delay")
  return ok({ plan: revised, movements: [], events })
}
