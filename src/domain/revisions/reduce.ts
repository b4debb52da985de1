/**
 * Lowering what the order totals (refund after a return, cheaper exchange), as in
 * docs/business-rules.md §6.
 *
 * The reduction first comes off what remains to pay:
 *  - `spread`: off the unpaid instalments as a whole, what remains is spread evenly over them,
 *    the remainder on the first of them;
 *  - `last_first`: off the last unpaid instalment first, then the one before, and so on.
 * An instalment brought to 0 is cancelled (there is never a 0.00 or negative instalment).
 * When the reduction is larger than what remains to pay, every unpaid instalment is cancelled and
 * the difference goes back to the card.
 * When the order total reaches 0 (everything returned), it amounts to a cancellation: the fees
 * paid go back too and the plan is cancelled, so the shopper is out of pocket by exactly 0.
 */
import type { RevisionPolicy } from "../codes"
import { money, splitCentsEvenly } from "../money"
import type { Movement, RefundPurpose, RevisionContext, RevisionOutcome, LedgerEvent } from "../outcome"
import { isUnpaid, orderTotal, paidFees, scheduleData, type InstalmentSnapshot, type PlanSnapshot } from "../plan"
import { patchInstalment } from "./instalment-updates"
import { moveTo, settleStatus } from "./settle"

export interface Reduction {
  readonly instalments: InstalmentSnapshot[]
  /** Part of the reduction taken off unpaid instalments, cents. */
  readonly absorbed: number
  /** Part that could not be absorbed and goes back to the card, cents. */
  readonly overflow: number
  /** Numbers of the instalments cancelled because they reached 0. */
  readonly cancelled: number[]
}

/** New amounts of the unpaid instalments, in schedule order, under `policy`. */
function reducedAmounts(unpaid: readonly InstalmentSnapshot[], reduction: number, policy: RevisionPolicy): number[] {
  const remaining = unpaid.reduce((s, i) => s + i.amount, 0) - reduction
  if (remaining <= 0) return unpaid.map(() => 0)
  if (policy === "spread") return splitCentsEvenly(remaining, unpaid.length)
  const amounts = unpaid.map((i) => i.amount)
  let left = reduction
  for (let k = amounts.length - 1; k >= 0 && left > 0; k--) {
    const taken = Math.min(amounts[k], left)
    amounts[k] -= taken
    left -= taken
  }
  return amounts
}

/** Takes `reduction` cents off the unpaid instalments of `instalments` (see the file comment). */
export function reduceUnpaid(instalments: readonly InstalmentSnapshot[], reduction: number, policy: RevisionPolicy): Reduction {
  const unpaid = instalments.filter(isUnpaid)
  const unpaidTotal = unpaid.reduce((s, i) => s + i.amount, 0)
  const amounts = reducedAmounts(unpaid, reduction, policy)
  const newAmount = new Map(unpaid.map((i, k) => [i.number, amounts[k]]))
  const cancelled: number[] = []
  const revised = instalments.map((i) => {
    const amount = newAmount.get(i.number)
    if (amount === undefined || amount === i.amount) return i
    if (amount > 0) return patchInstalment(i, { amount })
    cancelled.push(i.number)
    return patchInstalment(i, { amount: 0, status: "cancelled", nextRetryOn: undefined })
  })
  const absorbed = Math.min(reduction, unpaidTotal)
  return { instalments: revised, absorbed, overflow: reduction - absorbed, cancelled }
}

export interface ReductionRequest {
  /** Cents taken off the order total; > 0 and ≤ orderTotal (checked by the caller). */
  readonly cents: number
  readonly policy: RevisionPolicy
  /** `plan.refund_applied` or `plan.exchange_applied`. */
  readonly eventType: string
  readonly refundPurpose: RefundPurpose
}

/** Applies a reduction of the order total to the plan, with the card refund it may call for. */
export function applyReduction(plan: PlanSnapshot, request: ReductionRequest, ctx: RevisionContext): RevisionOutcome {
  const reduction = reduceUnpaid(plan.instalments, request.cents, request.policy)
  let revised: PlanSnapshot = {
    ...plan,
    instalments: reduction.instalments,
    reducedTotal: plan.reducedTotal + request.cents,
    refundedPrincipal: plan.refundedPrincipal + reduction.overflow,
  }
  let customerFees = 0
  let lateFees = 0
  const fullReturn = orderTotal(revised).cents === 0
  if (fullReturn) {
    const paid = paidFees(revised)
    customerFees = paid.customerFees - revised.refundedCustomerFees
    lateFees = paid.lateFees - revised.refundedLateFees
    revised = { ...revised, refundedCustomerFees: paid.customerFees, refundedLateFees: paid.lateFees, exchangePending: 0 }
  }
  const cardRefund = reduction.overflow + customerFees + lateFees
  revised = { ...revised, refundedTotal: revised.refundedTotal + cardRefund }

  const events: LedgerEvent[] = [
    {
      type: request.eventType,
      data: {
        amount: request.cents,
        policy: request.policy,
        takenOffInstalments: reduction.absorbed,
        cardRefund,
        cancelledInstalments: reduction.cancelled,
        fullReturn,
        schedule: scheduleData(revised.instalments),
        at: ctx.now,
      },
    },
  ]
  revised = fullReturn ? moveTo(revised, "cancelled", events, request.eventType) : settleStatus(revised, events, request.eventType)

  const movements: Movement[] = []
  if (cardRefund > 0) {
    movements.push({
      kind: "refund",
      amount: money(cardRefund, plan.currency),
      purpose: request.refundPurpose,
      breakdown: { principal: reduction.overflow, customerFees, lateFees },
    })
  }
  return { plan: revised, movements, events }
}
