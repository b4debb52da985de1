/**
 * Collecting a plan in serious delay from the card of another plan of the same shopper (business
 * rules §8), by an admin, never automatically. The link is checked here (linked by e-mail or
 * phone: `collectFromLinkedCard` in the domain refuses a card-only link), then the money moves once
 * through the revision runner (operations/run.ts): the charge is decided and recorded under the
 * plan's lock, sent to the linked card with no transaction open under a key derived from the
 * request's, and recorded by that key. The plan's history records the link; once the charge went
 * through, the linked plan's history records that its card paid for this plan.
 */
import { collectFromLinkedCard } from "../../../domain/revisions/linked"
import type { ModuleDeps } from "../deps"
import { refused } from "../errors"
import { recordPlanEventOnce } from "../ledger"
import { runRevision, type ReviseOptions, type RevisionResult } from "../operations/run"
import { findLinkedPlans } from "./find-linked"

export interface CollectFromLinkedRequest {
  linkedPlanId: string
  instalmentNumber?: number
}

export async function collectFromLinkedPlan(
  deps: ModuleDeps,
  planId: string,
  input: CollectFromLinkedRequest,
  options: Pick<ReviseOptions, "actor" | "idempotencyKey" | "expectedVersion">,
): Promise<RevisionResult> {
  const { plan, linked } = await findLinkedPlans(deps.read, planId)
  const link = linked.find((l) => l.plan_id === input.linkedPlanId)
  if (!link) {
    throw refused("not_linked", `Plan ${input.linkedPlanId} is not linked to plan ${planId} (no shared card, e-mail or phone): see GET /admin/instalment-plans/${planId}/linked.`)
  }
  if (link.processor !== deps.processor.name || !link.card_reference) {
    throw refused("linked_card_unavailable", `Plan ${link.plan_id} has no card this store can charge (${link.processor} collects it): choose a plan paid by card here.`)
  }
  const evidence = { planId: link.plan_id, orderId: link.order_id, reasons: link.reasons }
  const result = await runRevision(deps, planId, (snapshot, ctx) => collectFromLinkedCard(snapshot, { linked: evidence, instalmentNumber: input.instalmentNumber }, ctx), {
    ...options,
    request: { name: "collect-from-linked", input },
    cardReference: link.card_reference,
  })
  const charge = result.outcome?.movements.find((m) => m.kind === "charge")
  if (charge) {
    await recordPlanEventOnce(
      deps,
      link.plan_id,
      {
        type: "plan.card_charged_for_linked_plan",
        data: { linkedPlanId: planId, linkedOrderId: plan.order_id, reasons: link.reasons, amount: charge.amount.cents, instalments: charge.kind === "charge" ? [...charge.instalments] : [], at: deps.now().toISOString() },
      },
      { actor: options.actor, idempotencyKey: `${options.idempotencyKey}:linked-card` },
    )
  }
  return result
}
