/**
 * Checks shared by the revisions: is the plan in a state that allows this action, is an amount
 * acceptable. Each returns a refusal (`Result` error) or undefined when all is well.
 */
import type { PlanStatus } from "../codes"
import { toMajorString, type Money } from "../money"
import type { PlanSnapshot } from "../plan"
import { err, type Result } from "../result"

/** Every status but `cancelled`: refunds, exchanges and cancellation still apply to closed plans. */
export const ANY_BUT_CANCELLED: readonly PlanStatus[] = ["pending_start", "active", "late", "serious_delay", "frozen", "completed", "terminated", "withdrawn"]

/** Statuses in which the shopper's schedule is running (charges, postponements...). */
export const RUNNING: readonly PlanStatus[] = ["active", "late", "serious_delay"]

/** Refuses `action` unless the plan is in one of `allowed`, with a code that says why. */
export function requireStatus(plan: PlanSnapshot, allowed: readonly PlanStatus[], action: string): Result<never> | undefined {
  if (allowed.includes(plan.status)) return undefined
  const details = { status: plan.status, allowed }
  const when = `It is allowed when the plan is ${allowed.join(", ")}.`
  if (plan.status === "frozen") {
    return err("plan_frozen", `Cannot ${action}: the plan is frozen until ${plan.frozenUntil} (${plan.freezeReason ?? "no reason given"}). Unfreeze it first. ${when}`, details)
  }
  if (plan.status === "pending_start") {
    return err("plan_not_started", `Cannot ${action}: the plan has not started yet (deferred start, nothing charged). Start it when the order ships, or cancel it. ${when}`, details)
  }
  return err("plan_not_active", `Cannot ${action}: the plan is ${plan.status}. ${when}`, details)
}

/** Refuses a money input in another currency than the plan's, or not strictly positive. */
export function requirePositiveAmount(plan: PlanSnapshot, amount: Money, what: string): Result<never> | undefined {
  if (amount.currency !== plan.currency) {
    return err("currency_mismatch", `The ${what} is in ${amount.currency} but the plan is in ${plan.currency}: convert it or pass the amount in ${plan.currency}.`, {
      expected: plan.currency,
      got: amount.currency,
    })
  }
  if (!Number.isSafeInteger(amount.cents) || amount.cents <= 0) {
    return err("invalid_amount", `The ${what} must be more than 0 (got ${toMajorString(amount)} ${amount.currency}).`, { cents: amount.cents })
  }
  return undefined
}

/** Refuses an empty or whitespace-only reason: freezes and fraud flags must say why (they are proof). */
export function requireReason(reason: unknown, action: string): Result<never> | undefined {
  if (typeof reason === "string" && reason.trim() !== "") return undefined
  return {
    ok: false,
    error: { code: "reason_required", message: `A non-empty reason is required to ${action}: it is kept in the plan's history as proof.` },
  }
}
