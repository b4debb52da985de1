/**
 * Deferred start (docs/business-rules.md §2): a plan created with `deferredStart` waits in
 * `pending_start` until the merchant ships. The schedule is then computed from that day: the
 * first instalment of a pNx plan is due that day (the returned charge, the same one `collectDue`
 * would give: execute one of them), a dNN payment NN days later.
 */
import { compareDates, isLocalDate, type LocalDate } from "../calendar"
import { scheduleDueDates } from "../catalogue"
import type { LedgerEvent, Movement, RevisionContext, RevisionOutcome } from "../outcome"
import { scheduleData, type PlanSnapshot } from "../plan"
import { err, ok, type Result } from "../result"
import { requireStatus } from "./guards"
import { patchInstalment } from "./instalment-updates"
import { collectDue } from "./charges"
import { moveTo } from "./settle"

export interface StartInput {
  /** The shipment day; defaults to today. */
  readonly startDate?: LocalDate
}

export function startDeferredPlan(plan: PlanSnapshot, input: StartInput, ctx: RevisionContext): Result<RevisionOutcome> {
  const refused = requireStatus(plan, ["pending_start"], "start the plan")
  if (refused) return refused
  const startDate = input.startDate ?? ctx.today
  if (!isLocalDate(startDate) || compareDates(startDate, plan.orderDate) < 0) {
    return err("invalid_date", `The start date must be a YYYY-MM-DD day on or after the order day ${plan.orderDate} (got ${JSON.stringify(startDate)}).`)
  }
  const dates = scheduleDueDates(plan.code, startDate)
  const instalments = plan.instalments.map((i, k) => (i.status === "scheduled" ? patchInstalment(i, { dueDate: dates[k], originalDueDate: dates[k] }) : i))
  const events: LedgerEvent[] = [{ type: "plan.started", data: { startDate, schedule: scheduleData(instalments), at: ctx.now } }]
  const revised = moveTo({ ...plan, instalments, startDate }, "active", events, "plan.started")
  const due = collectDue(revised, ctx.today)
  const movements: Movement[] = due ? [{ ...due, purpose: "plan_start" }] : []
  return ok({ plan: revised, movements, events })
}
