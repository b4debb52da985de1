/**
 * What the processor answered to a revision's charge, folded into the plan the revision decided:
 * the instalments are paid (`applyChargeSucceeded`) or get their retry (`applyChargeFailed`); an
 * exchange difference is recorded as paid (`recordExchangePayment`). The module calls this once the
 * answer is known, possibly in another process than the one that decided the charge.
 */
import type { ChargeMovement, RevisionContext, RevisionOutcome } from "../outcome"
import type { PlanSnapshot } from "../plan"
import { ok, type Result } from "../result"
import { applyChargeFailed, applyChargeSucceeded } from "./charges"
import { recordExchangePayment } from "./exchange"

export type ChargeAnswer = { readonly status: "succeeded" } | { readonly status: "failed"; readonly reason: string }

export function applyChargeOutcome(plan: PlanSnapshot, charge: ChargeMovement, answer: ChargeAnswer, ctx: RevisionContext): Result<RevisionOutcome> {
  if (charge.purpose === "exchange_difference") {
    if (answer.status === "succeeded") return recordExchangePayment(plan, { amount: charge.amount, at: ctx.now }, ctx)
    return ok({
      plan,
      movements: [],
      events: [{ type: "plan.charge_failed", data: { instalments: [], reason: answer.reason, retries: [], earlyPayment: false, purpose: charge.purpose, at: ctx.now } }],
    })
  }
  if (answer.status === "succeeded") return applyChargeSucceeded(plan, { instalments: charge.instalments, amount: charge.amount, at: ctx.now }, ctx)
  return applyChargeFailed(plan, { instalments: charge.instalments, at: ctx.now, reason: answer.reason }, ctx)
}
