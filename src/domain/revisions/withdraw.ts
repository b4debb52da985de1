/**
 * Withdrawal from the payment facility (docs/business-rules.md §5): within 14 calendar days of the
 * order (day 14 included, day 15 refused), the plan ends and the shopper pays what remains at once;
 * customer fees already paid are refunded, and those not yet paid are waived (the facility they
 * paid for is given up). The plan becomes `withdrawn` once everything is paid.
 */
import { addDays, daysBetween } from "../calendar"
import { money } from "../money"
import type { LedgerEvent, Movement, RevisionContext, RevisionOutcome } from "../outcome"
import { isUnpaid, paidFees, unpaidInstalments, type PlanSnapshot } from "../plan"
import { err, ok, type Result } from "../result"
import { chargeMovement } from "./charge-movement"
import { makeDueToday } from "./due-now"
import { requireStatus } from "./guards"
import { settleStatus } from "./settle"

export function withdraw(plan: PlanSnapshot, _input: Record<string, never>, ctx: RevisionContext): Result<RevisionOutcome> {
  const refused = requireStatus(plan, ["active", "late", "serious_delay", "completed"], "withdraw")
  if (refused) return refused
  if (plan.withdrawalRequestedAt !== undefined) {
    return err("withdrawal_already_requested", `The shopper already withdrew on ${plan.withdrawalRequestedAt}: the remaining charge is being collected.`)
  }
  const elapsed = daysBetween(plan.orderDate, ctx.today)
  const lastDay = addDays(plan.orderDate, ctx.config.withdrawalDays)
  if (elapsed > ctx.config.withdrawalDays) {
    return err(
      "withdrawal_period_over",
      `The withdrawal period ended on ${lastDay} (${ctx.config.withdrawalDays} days after the order of ${plan.orderDate}); today is ${ctx.today}.`,
      { orderDate: plan.orderDate, lastDay },
    )
  }

  const feesWaived = plan.instalments.filter(isUnpaid).reduce((s, i) => s + i.customerFee, 0)
  const feesRefunded = paidFees(plan).customerFees - plan.refundedCustomerFees
  let revised: PlanSnapshot = {
    ...plan,
    instalments: makeDueToday(plan.instalments, ctx.today, () => ({ customerFee: 0 })),
    withdrawalRequestedAt: ctx.now,
    refundedCustomerFees: plan.refundedCustomerFees + feesRefunded,
    refundedTotal: plan.refundedTotal + feesRefunded,
  }
  const remaining = unpaidInstalments(revised)
  const movements: Movement[] = []
  if (remaining.length > 0) movements.push(chargeMovement(revised, remaining, "withdrawal"))
  if (feesRefunded > 0) {
    movements.push({ kind: "refund", amount: money(feesRefunded, plan.currency), purpose: "withdrawal_fees", breakdown: { principal: 0, customerFees: feesRefunded, lateFees: 0 } })
  }
  const events: LedgerEvent[] = [
    {
      type: "plan.withdrawal_requested",
      data: { instalments: remaining.map((i) => i.number), amountDue: movements[0]?.kind === "charge" ? movements[0].amount.cents : 0, feesRefunded, feesWaived, at: ctx.now },
    },
  ]
  // Nothing left to pay (everything was paid early): withdrawn at once.
  revised = settleStatus(revised, events, "plan.withdrawal_requested")
  return ok({ plan: revised, movements, events })
}
