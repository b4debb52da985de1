/**
 * Collecting a plan in serious delay from the card of another plan of the same shopper (business
 * rules §8), by an admin, never automatically. The money moves once through the revision runner
 * (operations/run.ts): under the plan's lock the link is read again (the card charged is the one
 * the linked plan has then) and the charge is decided and recorded; it is sent to the linked card
 * with no transaction open, under a key derived from the request's, and recorded by that key. The
 * domain refuses a card-only link (`collectFromLinkedCard`). The plan's history records the link;
 * once the charge has gone through, the linked plan's history records that its card paid for this
 * plan (also on a replay, so a crash in between leaves no gap).
 */
import type { LinkEvidence } from "../../../domain/linked-plans"
import { collectFromLinkedCard } from "../../../domain/revisions/linked"
import type { ModuleDeps } from "../deps"
import { refused } from "../errors"
import { recordPlanEventOnce } from "../ledger"
import { findOperationByKey, legsOf } from "../operations/records"
import { runRevision, type ReviseOptions, type RevisionResult } from "../operations/run"
import type { Run } from "../sql"
import { findLinkedPlans } from "./find-linked"

export interface CollectFromLinkedRequest {
  linkedPlanId: string
  instalmentNumber?: number
}

type ChosenLink = { evidence: LinkEvidence; cardReference: string }

/** The linked plan whose card may pay, as the database has it now; refused when it cannot. */
async function chooseLink(run: Run, planId: string, linkedPlanId: string, processorName: string): Promise<ChosenLink> {
  const { linked } = await findLinkedPlans(run, planId)
  const link = linked.find((l) => l.plan_id === linkedPlanId)
  if (!link) {
    throw refused("not_linked", `Plan ${linkedPlanId} is not linked to plan ${planId} (no shared card, e-mail or phone): see GET /admin/instalment-plans/${planId}/linked.`)
  }
  if (link.processor !== processorName || !link.card_reference) {
    throw refused("linked_card_unavailable", `Plan ${link.plan_id} has no card this store can charge (${link.processor} collects it): choose a plan paid by card here.`)
  }
  return { evidence: { planId: link.plan_id, orderId: link.order_id, reasons: link.reasons }, cardReference: link.card_reference }
}

export async function collectFromLinkedPlan(
  deps: ModuleDeps,
  planId: string,
  input: CollectFromLinkedRequest,
  options: Pick<ReviseOptions, "actor" | "idempotencyKey" | "expectedVersion">,
): Promise<RevisionResult> {
  // Asked first without the lock, so that a bad request is refused before anything is decided.
  let chosen = await chooseLink(deps.read, planId, input.linkedPlanId, deps.processor.name)
  const revise: ReviseOptions = {
    ...options,
    request: { name: "collect-from-linked", input },
    cardReference: chosen.cardReference,
    readUnderLock: async (run) => {
      chosen = await chooseLink(run, planId, input.linkedPlanId, deps.processor.name)
      revise.cardReference = chosen.cardReference
    },
  }
  const result = await runRevision(deps, planId, (snapshot, ctx) => collectFromLinkedCard(snapshot, { linked: chosen.evidence, instalmentNumber: input.instalmentNumber }, ctx), revise)
  await recordOnLinkedPlan(deps, planId, result.plan.order_id ?? null, chosen.evidence, options)
  return result
}

/** Once the charge under the request's key went through: the linked plan's history says its card paid. */
async function recordOnLinkedPlan(deps: ModuleDeps, planId: string, orderId: string | null, link: LinkEvidence, options: { actor: string; idempotencyKey: string }) {
  const operation = await findOperationByKey(deps.read, options.idempotencyKey)
  const charge = operation ? (await legsOf(deps.read, operation.id)).find((l) => l.kind === "charge" && l.status === "succeeded") : undefined
  if (!charge) return
  await recordPlanEventOnce(
    deps,
    link.planId,
    {
      type: "plan.card_charged_for_linked_plan",
      data: { linkedPlanId: planId, linkedOrderId: orderId, reasons: [...link.reasons], amount: charge.amount_cents, instalments: [...(charge.instalments ?? [])], chargeId: charge.processor_reference, at: deps.now().toISOString() },
    },
    { actor: options.actor, idempotencyKey: `${options.idempotencyKey}:linked-card` },
  )
}
