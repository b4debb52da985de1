/**
 * Order cancelled (docs/business-rules.md §6): every amount paid, customer fees and late fees
 * included, goes back to the card (less what was already refunded), and every unpaid instalment is
 * cancelled. Allowed in every status but `cancelled`: whatever happened before, the shopper ends
 * out of pocket by exactly 0.
 */
import { money } from "../money"
import type { LedgerEvent, Movement, RevisionContext, RevisionOutcome } from "../outcome"
import { isUnpaid, orderTotal, paidFees, paidPrincipal, type PlanSnapshot } from "../plan"
import { ok, type Result } from "../result"
import { ANY_BUT_CANCELLED, requireStatus } from "./guards"
import { patchInstalment } from "./instalment-updates"
import { moveTo } from "./settle"

export interface CancelInput {
  /** Why the order was cancelled (kept in the history). */
  readonly reason?: string
}

export function cancelPlan(plan: PlanSnapshot, input: CancelInput, ctx: RevisionContext): Result<RevisionOutcome> {
  const refused = requireStatus(plan, ANY_BUT_CANCELLED, "cancel the plan")
  if (refused) return refused

  const fees = paidFees(plan)
  const principal = paidPrincipal(plan) - plan.refundedPrincipal
  const customerFees = fees.customerFees - plan.refundedCustomerFees
  const lateFees = fees.lateFees - plan.refundedLateFees
  const refund = principal + customerFees + lateFees
  const cancelled = plan.instalments.filter(isUnpaid).map((i) => i.number)

  let revised: PlanSnapshot = {
    ...plan,
    instalments: plan.instalments.map((i) => (isUnpaid(i) ? patchInstalment(i, { status: "cancelled", nextRetryOn: undefined }) : i)),
    // The order now totals 0: the whole remaining total is a reduction.
    reducedTotal: plan.reducedTotal + orderTotal(plan).cents,
    refundedPrincipal: plan.refundedPrincipal + principal,
    refundedCustomerFees: plan.refundedCustomerFees + customerFees,
    refundedLateFees: plan.refundedLateFees + lateFees,
    refundedTotal: plan.refundedTotal + refund,
    exchangePending: 0,
  }
  const events: LedgerEvent[] = [
    {
      type: "plan.cancelled",
      data: { reason: input.reason ?? null, cardRefund: refund, breakdown: { principal, customerFees, lateFees }, cancelledInstalments: cancelled, at: ctx.now },
    },
  ]
  revised = moveTo(revised, "cancelled", events, "plan.cancelled")
  const movements: Movement[] =
    refund > 0 ? [{ kind: "refund", amount: money(refund, plan.currency), purpose: "cancellation", breakdown: { principal, customerFees, lateFees } }] : []
  return ok({ plan: revised, movements, events })
}
