/**
 * After instalments change, the plan's status follows from them ("natural" status):
 * nothing left to pay → completed (withdrawn after a withdrawal); an instalment late (more than
 * 15 days overdue) → serious_delay; an instalment failed → late; otherwise active.
 * Some statuses are not derived and are kept: cancelled and terminated (decisions), pending_start
 * (waits for the shipment) and frozen (an overlay: what the plan would otherwise be is kept in
 * `statusBeforeFreeze` and restored when it is unfrozen).
 */
import type { PlanStatus } from "../codes"
import type { LedgerEvent } from "../outcome"
import { isUnpaid, type PlanSnapshot } from "../plan"
import { assertTransition } from "../states"

/** The status the instalments call for, ignoring freezes and decisions. */
export function naturalStatus(plan: PlanSnapshot): PlanStatus {
  let anyUnpaid = false
  let anyFailed = false
  for (const i of plan.instalments) {
    if (!isUnpaid(i)) continue
    anyUnpaid = true
    if (i.status === "late") return "serious_delay"
    if (i.status === "failed") anyFailed = true
  }
  if (!anyUnpaid) return plan.withdrawalRequestedAt !== undefined ? "withdrawn" : "completed"
  return anyFailed ? "late" : "active"
}

/** What the status of a pending-start or running plan becomes (frozen: what it would be). */
function derivedStatus(plan: PlanSnapshot, current: PlanStatus): PlanStatus {
  const natural = naturalStatus(plan)
  if (current === "pending_start" && natural !== "completed" && natural !== "withdrawn") return "pending_start"
  return natural
}

/**
 * Moves a plan to `to` through the transition table, with a `plan.status_changed` event.
 * Leaving `frozen` clears the freeze fields.
 */
export function moveTo(plan: PlanSnapshot, to: PlanStatus, events: LedgerEvent[], cause: string): PlanSnapshot {
  if (plan.status === to) return plan
  assertTransition(plan.status, to)
  events.push({ type: "plan.status_changed", data: { from: plan.status, to, cause } })
  if (plan.status === "frozen") {
    return { ...plan, status: to, frozenSince: undefined, frozenUntil: undefined, statusBeforeFreeze: undefined, freezeReason: undefined }
  }
  return { ...plan, status: to }
}

/** Brings the status in line with the instalments (see the file comment). */
export function settleStatus(plan: PlanSnapshot, events: LedgerEvent[], cause: string): PlanSnapshot {
  const s = plan.status
  if (s === "cancelled" || s === "terminated") return plan
  if (s === "frozen") {
    const before = plan.statusBeforeFreeze ?? "active"
    const underlying = derivedStatus(plan, before)
    return underlying === before ? plan : { ...plan, statusBeforeFreeze: underlying }
  }
  return moveTo(plan, derivedStatus(plan, s), events, cause)
}
