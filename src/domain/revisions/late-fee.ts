/**
 * Late fee (docs/business-rules.md §7): only in a serious delay (more than 15 days), only on an
 * explicit decision (the shopper does not cooperate; the note records why), and at most 8 % of the
 * amounts overdue, all late fees on them together. The fee is added to the earliest overdue
 * instalment and charged with it.
 */
import { compareDates } from "../calendar"
import { formatScaledInteger } from "../decimal"
import { money, percentOf, toMajorString } from "../money"
import type { RevisionContext, RevisionOutcome } from "../outcome"
import { isUnpaid, type InstalmentSnapshot, type PlanSnapshot } from "../plan"
import { err, ok, type Result } from "../result"
import { requireReason } from "./guards"
import { patchInstalment } from "./instalment-updates"

export interface LateFeeInput {
  /** The fee, in basis points of the amounts overdue (800 = 8 %). */
  readonly basisPoints: number
  /** Why the fee is applied (the shopper did not cooperate...): kept as proof. */
  readonly note: string
}

/** Unpaid instalments whose due date has passed or whose charge failed. */
function overdueInstalments(plan: PlanSnapshot, today: string): InstalmentSnapshot[] {
  return plan.instalments
    .filter((i) => isUnpaid(i) && (i.status !== "scheduled" || compareDates(i.dueDate, today) < 0))
    .sort((a, b) => compareDates(a.dueDate, b.dueDate) || a.number - b.number)
}

/** 800 → "8.00 %". */
function percentText(basisPoints: number): string {
  return `${formatScaledInteger(basisPoints, 2)} %`
}

export function applyLateFee(plan: PlanSnapshot, input: LateFeeInput, ctx: RevisionContext): Result<RevisionOutcome> {
  if (plan.status !== "serious_delay") {
    return err("late_fee_not_allowed", `A late fee may only be applied in a serious delay (more than ${ctx.config.seriousDelayDays} days overdue); the plan is ${plan.status}.`, {
      status: plan.status,
    })
  }
  const capBp = ctx.config.maxLateFeeBasisPoints
  if (!Number.isSafeInteger(input.basisPoints) || input.basisPoints < 1) {
    return err("invalid_basis_points", `The late fee is a whole number of basis points ≥ 1 (800 = 8 %), got ${input.basisPoints}.`)
  }
  if (input.basisPoints > capBp) {
    return err("late_fee_above_cap", `A late fee is at most ${percentText(capBp)} of the amounts overdue (${capBp} basis points); got ${percentText(input.basisPoints)}.`, {
      maxBasisPoints: capBp,
      got: input.basisPoints,
    })
  }
  const noNote = requireReason(input.note, "apply a late fee")
  if (noNote) return noNote

  const overdue = overdueInstalments(plan, ctx.today)
  const base = money(overdue.reduce((s, i) => s + i.amount + i.customerFee, 0), plan.currency)
  const fee = percentOf(base, input.basisPoints, "half_up").cents
  const cap = percentOf(base, capBp, "half_up").cents
  const already = overdue.reduce((s, i) => s + i.lateFee, 0)
  if (fee === 0) {
    return err("late_fee_rounds_to_zero", `${percentText(input.basisPoints)} of ${toMajorString(base)} ${plan.currency} overdue rounds to 0.00: nothing to apply.`)
  }
  if (already + fee > cap) {
    return err(
      "late_fee_above_cap",
      `Late fees on the amounts overdue (${toMajorString(base)} ${plan.currency}) are capped at ${percentText(capBp)} = ${toMajorString(money(cap, plan.currency))}; ${toMajorString(money(already, plan.currency))} were already applied, so at most ${toMajorString(money(cap - already, plan.currency))} more.`,
      { cap, already, requested: fee },
    )
  }
  const target = overdue[0]
  const instalments = plan.instalments.map((i) => (i.number === target.number ? patchInstalment(i, { lateFee: i.lateFee + fee }) : i))
  return ok({
    plan: { ...plan, instalments },
    movements: [],
    events: [{ type: "plan.late_fee_applied", data: { instalment: target.number, basisPoints: input.basisPoints, fee, overdue: base.cents, note: input.note, at: ctx.now } }],
  })
}
