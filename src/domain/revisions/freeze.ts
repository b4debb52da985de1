/**
 * Freezes and fraud (docs/business-rules.md §8). A frozen plan is not collected: `collectDue`
 * returns nothing and the shopper cannot pay early, postpone or withdraw. A freeze lasts 1 to 180
 * days (config.maxFreezeDays); `frozenUntil` is the day collection may resume. Refunds, exchanges
 * and cancellation still apply. While frozen, what the plan would otherwise be is kept in
 * `statusBeforeFreeze` and restored by `unfreeze` (or `releaseExpiredFreeze` once the period is over).
 */
import { addDays, compareDates } from "../calendar"
import type { PlanStatus } from "../codes"
import type { LedgerEvent, RevisionContext, RevisionOutcome } from "../outcome"
import type { PlanSnapshot } from "../plan"
import { err, ok, type Result } from "../result"
import { requireReason, requireStatus } from "./guards"
import { moveTo } from "./settle"

export interface FreezeInput {
  readonly days: number
  readonly reason: string
}

const FREEZABLE: readonly PlanStatus[] = ["pending_start", "active", "late", "serious_delay"]

function checkDays(days: number, ctx: RevisionContext): Result<never> | undefined {
  const max = ctx.config.maxFreezeDays
  if (!Number.isSafeInteger(days) || days < 1) {
    return err("freeze_days_out_of_range", `A freeze lasts a whole number of days, 1 to ${max} (got ${days}).`, { min: 1, max, got: days })
  }
  if (days > max) {
    return err("freeze_too_long", `A freeze lasts at most ${max} days (got ${days}). Freeze for ${max} days, then decide whether to release or keep the funds.`, { max, got: days })
  }
  return undefined
}

/** The frozen plan, with the freeze fields set (the status change is recorded in `events`). */
function frozen(plan: PlanSnapshot, days: number, reason: string, ctx: RevisionContext, events: LedgerEvent[]): PlanSnapshot {
  const until = addDays(ctx.today, days)
  events.push({ type: "plan.frozen", data: { days, since: ctx.today, until, reason, at: ctx.now } })
  const moved = moveTo(plan, "frozen", events, "plan.frozen")
  return { ...moved, frozenSince: ctx.today, frozenUntil: until, statusBeforeFreeze: plan.status, freezeReason: reason }
}

export function freeze(plan: PlanSnapshot, input: FreezeInput, ctx: RevisionContext): Result<RevisionOutcome> {
  if (plan.status === "frozen") {
    return err("plan_already_frozen", `The plan is already frozen until ${plan.frozenUntil}: unfreeze it before freezing it again.`, { frozenUntil: plan.frozenUntil })
  }
  const refused = requireStatus(plan, FREEZABLE, "freeze the plan") ?? checkDays(input.days, ctx) ?? requireReason(input.reason, "freeze a plan")
  if (refused) return refused
  const events: LedgerEvent[] = []
  return ok({ plan: frozen(plan, input.days, input.reason, ctx, events), movements: [], events })
}

export interface UnfreezeInput {
  readonly reason?: string
}

export function unfreeze(plan: PlanSnapshot, input: UnfreezeInput, ctx: RevisionContext): Result<RevisionOutcome> {
  if (plan.status !== "frozen") return err("plan_not_frozen", `The plan is ${plan.status}, not frozen: there is nothing to unfreeze.`, { status: plan.status })
  const events: LedgerEvent[] = [
    { type: "plan.unfrozen", data: { reason: input.reason ?? null, frozenSince: plan.frozenSince, frozenUntil: plan.frozenUntil, at: ctx.now } },
  ]
  const revised = moveTo(plan, plan.statusBeforeFreeze ?? "active", events, "plan.unfrozen")
  return ok({ plan: revised, movements: [], events })
}

/** Daily job: lifts a freeze whose period is over (today ≥ frozenUntil). `no_change` otherwise. */
export function releaseExpiredFreeze(plan: PlanSnapshot, _input: Record<string, never>, ctx: RevisionContext): Result<RevisionOutcome> {
  if (plan.status !== "frozen" || plan.frozenUntil === undefined || compareDates(ctx.today, plan.frozenUntil) < 0) {
    return err("no_change", "No freeze period is over on this plan today.")
  }
  return unfreeze(plan, { reason: "freeze period over" }, ctx)
}

export interface FraudInput {
  readonly reason: string
  /** Length of the freeze, default config.maxFreezeDays. */
  readonly days?: number
}

/**
 * Records suspected fraud. A plan still being collected is frozen (for `days`, default the
 * longest freeze); an already frozen plan keeps its freeze; a closed or terminated plan is only
 * flagged (the flag is what measures against the shopper's other cards rely on).
 */
export function flagFraud(plan: PlanSnapshot, input: FraudInput, ctx: RevisionContext): Result<RevisionOutcome> {
  const days = input.days ?? ctx.config.maxFreezeDays
  const refused = requireReason(input.reason, "flag fraud") ?? checkDays(days, ctx)
  if (refused) return refused
  const freezes = FREEZABLE.includes(plan.status)
  const events: LedgerEvent[] = [{ type: "plan.fraud_flagged", data: { reason: input.reason, frozen: freezes || plan.status === "frozen", at: ctx.now } }]
  const flagged: PlanSnapshot = { ...plan, fraudFlagged: true, fraudReason: input.reason }
  return ok({ plan: freezes ? frozen(flagged, days, input.reason, ctx, events) : flagged, movements: [], events })
}
