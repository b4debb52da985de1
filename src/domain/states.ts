/**
 * The allowed state transitions, written down once. Every revision that changes a plan's or an
 * instalment's status goes through `assertTransition` / `assertInstalmentTransition`: a
 * transition missing from these tables is a bug in the engine, not a caller error (revisions
 * refuse disallowed requests with a `Result` before they get here).
 *
 * Staying in the same status is not a transition and is always allowed.
 */
import type { InstalmentStatus, PlanStatus } from "./codes"

export const PLAN_TRANSITIONS: Readonly<Record<PlanStatus, readonly PlanStatus[]>> = {
  pending_start: [
    "active", // startDeferredPlan: the merchant shipped, the schedule starts that day
    "frozen", // freeze / flagFraud before the start
    "cancelled", // cancelPlan, or refunds took the whole order total off
    "completed", // refunds cancelled every instalment but a paid exchange difference remains
  ],
  active: [
    "late", // applyChargeFailed: a due instalment could not be charged
    "serious_delay", // evaluateDelays: an unpaid instalment is more than 15 days past due
    "frozen", // freeze / flagFraud
    "completed", // the last instalment was paid, or refunds cancelled what remained
    "withdrawn", // the charge of everything remaining after a withdrawal succeeded
    "cancelled", // cancelPlan, or refunds took the whole order total off
    "terminated", // terminate: everything remaining due at once
  ],
  late: [
    "active", // the overdue instalments were paid (or cancelled by a refund)
    "serious_delay", // evaluateDelays: overdue by more than 15 days
    "frozen",
    "completed",
    "withdrawn",
    "cancelled",
    "terminated",
  ],
  serious_delay: [
    "active", // everything overdue was paid
    "late", // the seriously late instalment was paid but another one is still failed
    "frozen",
    "completed",
    "withdrawn",
    "cancelled",
    "terminated",
  ],
  frozen: [
    // unfreeze / releaseExpiredFreeze: back to what the plan would be without the freeze
    "pending_start",
    "active",
    "late",
    "serious_delay",
    "completed", // everything got paid or refunded while frozen
    "withdrawn", // a withdrawal charge in flight when the freeze started succeeded
    "cancelled", // cancelPlan, or refunds took the whole order total off
  ],
  completed: [
    "withdrawn", // withdrawal within 14 days after paying everything early: customer fees refunded
    "cancelled", // order cancelled after everything was paid: everything goes back
  ],
  terminated: [
    "cancelled", // the merchant cancels the sale: everything paid goes back
  ],
  withdrawn: [
    "cancelled", // the merchant cancels the sale: everything paid goes back
  ],
  cancelled: [], // final
}

export const INSTALMENT_TRANSITIONS: Readonly<Record<InstalmentStatus, readonly InstalmentStatus[]>> = {
  scheduled: [
    "paid", // applyChargeSucceeded (collection, early payment, checkout)
    "failed", // applyChargeFailed on or after the due date
    "late", // evaluateDelays: never charged successfully, more than 15 days past due
    "cancelled", // refund / exchange brought it to 0, or the plan was cancelled
  ],
  failed: [
    "paid", // a retry or a payment from the secure page succeeded
    "late", // evaluateDelays: more than 15 days past due
    "cancelled",
  ],
  late: [
    "paid",
    "cancelled",
  ],
  paid: [], // final: refunds never un-pay an instalment, they are recorded on the plan
  cancelled: [], // final
}

export function canTransition(from: PlanStatus, to: PlanStatus): boolean {
  return from === to || PLAN_TRANSITIONS[from].includes(to)
}

export function assertTransition(from: PlanStatus, to: PlanStatus): void {
  if (!canTransition(from, to)) throw new Error(`states: a plan cannot go from ${from} to ${to}`)
}

export function canTransitionInstalment(from: InstalmentStatus, to: InstalmentStatus): boolean {
  return from === to || INSTALMENT_TRANSITIONS[from].includes(to)
}

export function assertInstalmentTransition(from: InstalmentStatus, to: InstalmentStatus): void {
  if (!canTransitionInstalment(from, to)) throw new Error(`states: an instalment cannot go from ${from} to ${to}`)
}
