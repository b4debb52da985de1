/**
 * Postpone (docs/business-rules.md §5): exceptionally, move one upcoming due date back by 1 to 15
 * days (config.maxPostponeDays), at most `plan.maxPostponements` times per plan (default 1).
 * Only an unpaid instalment not yet due can be postponed, and not past the next one's due date
 * (the schedule stays in order). The original due date is kept.
 */
import { addDays, compareDates } from "../calendar"
import type { RevisionContext, RevisionOutcome } from "../outcome"
import type { PlanSnapshot } from "../plan"
import { err, ok, type Result } from "../result"
import { RUNNING, requireStatus } from "./guards"
import { patchInstalment } from "./instalment-updates"

export interface PostponeInput {
  readonly instalmentNumber: number
  readonly days: number
}

export function postpone(plan: PlanSnapshot, input: PostponeInput, ctx: RevisionContext): Result<RevisionOutcome> {
  const refused = requireStatus(plan, RUNNING, "postpone a due date")
  if (refused) return refused
  const maxDays = ctx.config.maxPostponeDays
  if (!Number.isSafeInteger(input.days) || input.days < 1 || input.days > maxDays) {
    return err("postpone_days_out_of_range", `A due date can be postponed by 1 to ${maxDays} days (got ${input.days}).`, { min: 1, max: maxDays, got: input.days })
  }
  if (plan.postponementsUsed >= plan.maxPostponements) {
    return err(
      "postponement_limit_reached",
      `This plan allows ${plan.maxPostponements} postponement(s) and ${plan.postponementsUsed} were used. Offer the shopper to pay from the secure page instead.`,
      { used: plan.postponementsUsed, max: plan.maxPostponements },
    )
  }
  const index = plan.instalments.findIndex((i) => i.number === input.instalmentNumber)
  if (index < 0) {
    return err("instalment_not_found", `The plan has no instalment number ${input.instalmentNumber} (it has 1 to ${plan.instalments.length}).`)
  }
  const target = plan.instalments[index]
  if (target.status !== "scheduled" || compareDates(target.dueDate, ctx.today) <= 0) {
    return err(
      "instalment_not_postponable",
      `Instalment ${target.number} is ${target.status}, due ${target.dueDate}: only an unpaid instalment due after today (${ctx.today}) can be postponed.`,
      { status: target.status, dueDate: target.dueDate },
    )
  }
  const newDate = addDays(target.dueDate, input.days)
  const following = plan.instalments.slice(index + 1).find((i) => i.status !== "cancelled")
  if (following && compareDates(newDate, following.dueDate) >= 0) {
    return err(
      "postpone_past_next_instalment",
      `Postponing instalment ${target.number} to ${newDate} would move it on or past instalment ${following.number} (due ${following.dueDate}). Postpone by fewer days.`,
      { newDueDate: newDate, nextDueDate: following.dueDate },
    )
  }
  const instalments = plan.instalments.map((i, k) => (k === index ? patchInstalment(i, { dueDate: newDate }) : i))
  return ok({
    plan: { ...plan, instalments, postponementsUsed: plan.postponementsUsed + 1 },
    movements: [],
    events: [
      {
        type: "plan.postponed",
        data: { instalment: target.number, from: target.dueDate, to: newDate, days: input.days, originalDueDate: target.originalDueDate, at: ctx.now },
      },
    ],
  })
}
