/** How Medusa's payment operations map onto plan revisions and payment statuses. */
import { PaymentSessionStatus } from "@medusajs/framework/utils"
import type { Money } from "../../domain/money"
import type { RevisionContext, RevisionOutcome } from "../../domain/outcome"
import { orderTotal, type PlanSnapshot } from "../../domain/plan"
import type { Result } from "../../domain/result"
import { cancelPlan } from "../../domain/revisions/cancel"
import { applyRefund } from "../../domain/revisions/refund"

/**
 * A Medusa refund of `amount` (order cancellation refunds everything captured, a return refunds
 * part of it). Refunding what the order still totals is a cancellation: everything the shopper
 * paid, customer fees included, goes back and the rest is cancelled. Any smaller amount revises
 * the plan with the store's policy: it lowers what remains to pay first, and only what exceeds
 * that goes back to the card.
 */
export function medusaRefundRevision(amount: Money) {
  return (plan: PlanSnapshot, ctx: RevisionContext): Result<RevisionOutcome> => {
    const remainingTotal = orderTotal(plan)
    if (plan.status !== "cancelled" && amount.currency === plan.currency && amount.cents === remainingTotal.cents) {
      return cancelPlan(plan, { reason: "order_refunded_in_full" }, ctx)
    }
    return applyRefund(plan, { amount }, ctx)
  }
}

/** The payment status Medusa sees for a plan. */
export function paymentStatusOf(planStatus: string | undefined): PaymentSessionStatus {
  switch (planStatus) {
    case undefined:
      return PaymentSessionStatus.PENDING
    case "pending_start":
      return PaymentSessionStatus.AUTHORIZED
    case "cancelled":
      return PaymentSessionStatus.CANCELED
    default:
      // Live, late, frozen, completed...: to Medusa the order is paid; the plugin collects the rest.
      return PaymentSessionStatus.CAPTURED
  }
}
