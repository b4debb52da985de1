/**
 * Refund after a return or a partial cancellation (docs/business-rules.md §6): the plan is revised
 * to the new amount owed. See reduce.ts for how the amount comes off the unpaid instalments and
 * when money goes back to the card.
 */
import type { RevisionPolicy } from "../codes"
import { toMajorString, type Money } from "../money"
import type { RevisionContext, RevisionOutcome } from "../outcome"
import { orderTotal, type PlanSnapshot } from "../plan"
import { err, ok, type Result } from "../result"
import { ANY_BUT_CANCELLED, requirePositiveAmount, requireStatus } from "./guards"
import { applyReduction } from "./reduce"

export interface RefundInput {
  /** Amount refunded by the merchant, taken off the order total. */
  readonly amount: Money
  /** Overrides the store's revision policy for this refund. */
  readonly policy?: RevisionPolicy
}

export function applyRefund(plan: PlanSnapshot, input: RefundInput, ctx: RevisionContext): Result<RevisionOutcome> {
  const refused = requireStatus(plan, ANY_BUT_CANCELLED, "refund")
  if (refused) return refused
  const bad = requirePositiveAmount(plan, input.amount, "refund amount")
  if (bad) return bad
  const max = orderTotal(plan)
  if (input.amount.cents > max.cents) {
    return err(
      "refund_exceeds_total",
      `Cannot refund ${toMajorString(input.amount)} ${plan.currency}: the order now totals ${toMajorString(max)} ${plan.currency} (original total less the refunds and exchanges already applied). Refund at most that.`,
      { requested: input.amount.cents, max: max.cents },
    )
  }
  return ok(
    applyReduction(
      plan,
      { cents: input.amount.cents, policy: input.policy ?? ctx.config.revisionPolicy, eventType: "plan.refund_applied", refundPurpose: "refund_overflow" },
      ctx,
    ),
  )
}
