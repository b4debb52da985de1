/**
 * Which admin actions a plan allows right now, and why not when it does not. The server decides
 * (every action route refuses with a reason), but a button that is bound to fail should say so
 * before it is pressed: these rules mirror the engine's guards (src/domain/revisions/*).
 * Reasons are translation keys with their values, so the admin reads them in their language.
 */
import type { AdminInstalmentPlan, PlanStatus } from "./types"

export type PlanActionId = "refund" | "postpone" | "late_fee" | "terminate" | "freeze" | "unfreeze" | "flag_fraud" | "resend_link" | "revoke_links"

export const PLAN_ACTION_IDS: readonly PlanActionId[] = [
  "refund",
  "postpone",
  "late_fee",
  "freeze",
  "unfreeze",
  "terminate",
  "flag_fraud",
  "resend_link",
  "revoke_links",
]

export interface DisabledReason {
  key: string
  values?: Record<string, string | number>
}

export interface PlanActionState {
  id: PlanActionId
  enabled: boolean
  reason?: DisabledReason
}

/** The schedule is running: charges, postponements and termination apply (guards.ts RUNNING). */
const RUNNING: readonly PlanStatus[] = ["active", "late", "serious_delay"]
const FREEZABLE: readonly PlanStatus[] = ["pending_start", "active", "late", "serious_delay"]
const CLOSED: readonly PlanStatus[] = ["completed", "cancelled", "withdrawn"]

/** Why an action that needs a running schedule is refused in this plan's state. */
function notRunning(plan: AdminInstalmentPlan): DisabledReason | undefined {
  if (RUNNING.includes(plan.status)) return undefined
  if (plan.status === "frozen") return { key: "reasons.frozen", values: { until: plan.frozen_until ?? "" } }
  if (plan.status === "pending_start") return { key: "reasons.notStarted" }
  return { key: "reasons.notRunning", values: { status: plan.status } }
}

function refund(plan: AdminInstalmentPlan): DisabledReason | undefined {
  if (plan.status === "cancelled") return { key: "reasons.refundCancelled" }
  if (!plan.payment_id) return { key: "reasons.refundNoPayment" }
  if (plan.order_total <= 0) return { key: "reasons.refundNothingLeft" }
  return undefined
}

function postpone(plan: AdminInstalmentPlan): DisabledReason | undefined {
  const refused = notRunning(plan)
  if (refused) return refused
  if (plan.postponements_used >= plan.max_postponements) {
    return { key: "reasons.postponeLimit", values: { used: plan.postponements_used, max: plan.max_postponements } }
  }
  if (!plan.instalments.some((i) => i.status === "scheduled")) return { key: "reasons.postponeNothingUpcoming" }
  return undefined
}

function lateFee(plan: AdminInstalmentPlan): DisabledReason | undefined {
  if (plan.status === "serious_delay") return undefined
  return { key: "reasons.lateFeeOnlySeriousDelay", values: { status: plan.status } }
}

function freeze(plan: AdminInstalmentPlan): DisabledReason | undefined {
  if (plan.status === "frozen") return { key: "reasons.alreadyFrozen", values: { until: plan.frozen_until ?? "" } }
  if (!FREEZABLE.includes(plan.status)) return { key: "reasons.notCollected", values: { status: plan.status } }
  return undefined
}

function unfreeze(plan: AdminInstalmentPlan): DisabledReason | undefined {
  return plan.status === "frozen" ? undefined : { key: "reasons.notFrozen" }
}

function flagFraud(plan: AdminInstalmentPlan): DisabledReason | undefined {
  return plan.fraud_flagged ? { key: "reasons.alreadyFlagged" } : undefined
}

function resendLink(plan: AdminInstalmentPlan): DisabledReason | undefined {
  if (!plan.email) return { key: "reasons.noEmail" }
  if (CLOSED.includes(plan.status)) return { key: "reasons.nothingForShopper", values: { status: plan.status } }
  return undefined
}

const RULES: Record<PlanActionId, (plan: AdminInstalmentPlan) => DisabledReason | undefined> = {
  refund,
  postpone,
  late_fee: lateFee,
  terminate: notRunning,
  freeze,
  unfreeze,
  flag_fraud: flagFraud,
  resend_link: resendLink,
  // Any plan's links can be revoked (a forwarded e-mail, a link seen where it should not be).
  revoke_links: () => undefined,
}

export function planActions(plan: AdminInstalmentPlan): PlanActionState[] {
  return PLAN_ACTION_IDS.map((id) => {
    const reason = RULES[id](plan)
    return reason ? { id, enabled: false, reason } : { id, enabled: true }
  })
}

/** Largest late fee in percent of the amounts overdue (docs/business-rules.md §7). */
export const MAX_LATE_FEE_PERCENT = 8
/** Longest postponement and freeze, in days (the engine's defaults). */
export const MAX_POSTPONE_DAYS = 15
export const MAX_FREEZE_DAYS = 180
