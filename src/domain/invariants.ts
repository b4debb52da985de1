/**
 * The bookkeeping rules every plan snapshot obeys, as one executable check. The property tests
 * run it after every revision; the Medusa wiring may run it before saving a snapshot (a non-empty
 * list means an engine bug: do not save).
 */
import { naturalStatus } from "./revisions/settle"
import { amountDue, isUnpaid, paidFees, paidPrincipal, type PlanSnapshot } from "./plan"

/** Broken rules, in English; empty when the snapshot is consistent. */
export function checkInvariants(plan: PlanSnapshot): string[] {
  const broken: string[] = []
  const check = (holds: boolean, rule: string) => {
    if (!holds) broken.push(rule)
  }
  const cents = [
    plan.total, plan.customerFeeTotal, plan.paidTotal, plan.refundedTotal, plan.refundedPrincipal, plan.refundedCustomerFees,
    plan.refundedLateFees, plan.reducedTotal, plan.exchangePaid, plan.exchangePending, plan.postponementsUsed,
  ]
  check(cents.every((c) => Number.isSafeInteger(c) && c >= 0), "plan amounts are non-negative safe integers")

  let nonCancelled = 0
  let paidAmounts = 0
  plan.instalments.forEach((i, k) => {
    check(i.number === k + 1, `instalment ${k + 1} is numbered ${i.number}`)
    const parts = [i.amount, i.customerFee, i.lateFee, i.paidAmount, i.attempts]
    check(parts.every((c) => Number.isSafeInteger(c) && c >= 0), `instalment ${i.number}: amounts are non-negative safe integers`)
    if (i.status !== "cancelled") {
      check(i.amount > 0, `instalment ${i.number}: a ${i.status} instalment is more than 0`)
      nonCancelled += i.amount
    }
    if (i.status === "paid") {
      check(i.paidAmount === amountDue(i), `instalment ${i.number}: paidAmount = amount + customerFee + lateFee`)
      check(i.paidAt !== undefined, `instalment ${i.number}: a paid instalment has paidAt`)
      paidAmounts += i.paidAmount
    } else {
      check(i.paidAmount === 0, `instalment ${i.number}: an unpaid instalment has paidAmount 0`)
    }
  })

  // The central rule: the instalments always add up to what is owed.
  check(
    nonCancelled - plan.refundedPrincipal === plan.total - plan.reducedTotal,
    "Σ non-cancelled instalment amounts − refundedPrincipal = total − reducedTotal",
  )
  check(plan.reducedTotal <= plan.total + plan.exchangePaid, "the order total (total + exchangePaid − reducedTotal) is ≥ 0")
  check(plan.paidTotal === paidAmounts + plan.exchangePaid, "paidTotal = Σ paid instalments' paidAmount + exchangePaid")
  check(
    plan.refundedTotal === plan.refundedPrincipal + plan.refundedCustomerFees + plan.refundedLateFees,
    "refundedTotal = refundedPrincipal + refundedCustomerFees + refundedLateFees",
  )
  const fees = paidFees(plan)
  check(plan.refundedPrincipal <= paidPrincipal(plan), "refundedPrincipal ≤ principal paid")
  check(plan.refundedCustomerFees <= fees.customerFees, "refundedCustomerFees ≤ customer fees paid")
  check(plan.refundedLateFees <= fees.lateFees, "refundedLateFees ≤ late fees paid")
  check(plan.refundedTotal <= plan.paidTotal, "refundedTotal ≤ paidTotal")
  check(plan.postponementsUsed <= plan.maxPostponements, "postponementsUsed ≤ maxPostponements")

  const anyUnpaid = plan.instalments.some(isUnpaid)
  switch (plan.status) {
    case "cancelled":
      check(!anyUnpaid, "a cancelled plan has no unpaid instalment")
      check(plan.paidTotal === plan.refundedTotal, "a cancelled plan has refunded everything paid")
      break
    case "completed":
    case "withdrawn":
      check(!anyUnpaid, `a ${plan.status} plan has no unpaid instalment`)
      check(naturalStatus(plan) === plan.status, `a ${plan.status} plan matches its instalments`)
      break
    case "frozen":
      check(plan.frozenUntil !== undefined && plan.statusBeforeFreeze !== undefined, "a frozen plan records until when and its status before")
      break
    case "terminated":
      break
    case "pending_start":
      check(anyUnpaid, "a pending plan has instalments to pay")
      break
    default:
      check(naturalStatus(plan) === plan.status, `the ${plan.status} status matches the instalments (${naturalStatus(plan)})`)
  }
  if (plan.status !== "frozen") check(plan.frozenUntil === undefined && plan.statusBeforeFreeze === undefined, "only a frozen plan has freeze fields")
  return broken
}
