/**
 * Measures on linked plans (docs/business-rules.md §8), each recording the link it relies on as
 * evidence in the plan's history:
 *  - `freezeLinked`: a plan linked to one flagged for fraud is frozen, with the same rules as
 *    `freeze`, and its history says which flagged plan it is linked to and why.
 *  - `collectFromLinkedCard`: on a plan in serious delay, the overdue instalments are charged to the
 *    card of another plan of the same shopper (linked by e-mail or phone), by an admin, never
 *    automatically. The revision only asks for the charge; the caller charges the linked plan's
 *    card and the plan changes when the charge succeeds (`applyChargeOutcome`).
 */
import { compareDates } from "../calendar"
import { isSameShopper, type LinkEvidence } from "../linked-plans"
import type { LedgerEvent, RevisionContext, RevisionOutcome } from "../outcome"
import { isUnpaid, type PlanSnapshot } from "../plan"
import { err, ok, type Result } from "../result"
import { chargeMovement } from "./charge-movement"
import { freeze, type FreezeInput } from "./freeze"
import { requireStatus } from "./guards"

/** How the evidence reads in the history: plain JSON. */
function evidenceData(link: LinkEvidence): Record<string, unknown> {
  return { linkedPlanId: link.planId, linkedOrderId: link.orderId, reasons: [...link.reasons] }
}

export interface FreezeLinkedInput extends FreezeInput {
  /** The plan flagged for fraud this one is linked to, and why. */
  readonly flagged: LinkEvidence
}

/** Freezes a plan linked to a flagged one (the rules of `freeze`), the link first in its history. */
export function freezeLinked(plan: PlanSnapshot, input: FreezeLinkedInput, ctx: RevisionContext): Result<RevisionOutcome> {
  if (input.flagged.reasons.length === 0) return err("not_linked", `This plan is not linked to plan ${input.flagged.planId}: nothing links them.`)
  const frozen = freeze(plan, input, ctx)
  if (!frozen.ok) return frozen
  const evidence: LedgerEvent = { type: "plan.linked_plan_measure", data: { measure: "freeze", ...evidenceData(input.flagged), reason: input.reason, at: ctx.now } }
  return ok({ ...frozen.value, events: [evidence, ...frozen.value.events] })
}

export interface CollectFromLinkedInput {
  /** The plan whose card is charged, and why it is the same shopper's. */
  readonly linked: LinkEvidence
  /** One overdue instalment; every overdue instalment when left out. */
  readonly instalmentNumber?: number
}

/** Asks for the overdue instalment(s) of a plan in serious delay to be charged to a linked plan's card. */
export function collectFromLinkedCard(plan: PlanSnapshot, input: CollectFromLinkedInput, ctx: RevisionContext): Result<RevisionOutcome> {
  const refused = requireStatus(plan, ["serious_delay"], "collect from a linked card")
  if (refused) return refused
  if (!isSameShopper(input.linked.reasons)) {
    return err(
      "link_not_same_shopper",
      `Plan ${input.linked.planId} is linked to this one only by ${input.linked.reasons.join(", ") || "nothing"}: a linked card is charged only for the same shopper, linked by e-mail or phone.`,
      { reasons: [...input.linked.reasons] },
    )
  }
  const overdue = plan.instalments.filter((i) => isUnpaid(i) && compareDates(i.dueDate, ctx.today) < 0)
  const chosen = input.instalmentNumber === undefined ? overdue : overdue.filter((i) => i.number === input.instalmentNumber)
  if (chosen.length === 0) {
    const which = overdue.map((i) => i.number).join(", ")
    return input.instalmentNumber === undefined
      ? err("nothing_overdue", "No instalment of this plan is overdue: there is nothing to collect.")
      : err("instalment_not_overdue", `Instalment ${input.instalmentNumber} is not overdue on this plan${which ? `: choose one of ${which}` : ""}.`, { overdue: overdue.map((i) => i.number) })
  }
  const charge = chargeMovement(plan, chosen, "linked_card")
  const event: LedgerEvent = {
    type: "plan.linked_plan_measure",
    data: { measure: "collect_from_linked_card", ...evidenceData(input.linked), instalments: charge.instalments, amount: charge.amount.cents, at: ctx.now },
  }
  return ok({ plan, movements: [charge], events: [event] })
}
