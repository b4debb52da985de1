/**
 * Freezing the plans linked to a plan flagged for fraud, in one admin action (business rules §8).
 * Each linked plan is frozen by its own revision (operations/run.ts: its lock, its history, once
 * per key), with the rules of the plan freeze, and its history records the link it was frozen on.
 * A plan that cannot be frozen (already frozen, closed, funded by a lender, busy) is skipped with
 * the reason. The flagged plan's history then lists what was frozen and skipped, on which links.
 * A replay with the same key freezes nothing twice and answers the same lists.
 */
import { MedusaError } from "@medusajs/framework/utils"
import { freezeLinked } from "../../../domain/revisions/linked"
import type { LinkReason } from "../../../domain/linked-plans"
import type { ModuleDeps } from "../deps"
import { invalidInput, refused } from "../errors"
import { recordPlanEventOnce } from "../ledger"
import { runRevision } from "../operations/run"
import { findLinkedPlans, type LinkedPlanFound } from "./find-linked"

export interface FreezeLinkedResult {
  frozen: { plan_id: string; order_id: string | null; reasons: LinkReason[]; frozen_until: string | null }[]
  skipped: { plan_id: string; order_id: string | null; reasons: LinkReason[]; code: string; message: string }[]
}

/** Refusals of one linked plan that skip it; anything else (a database failure) stops the action. */
function isRefusal(error: unknown): error is MedusaError {
  return error instanceof MedusaError && [MedusaError.Types.NOT_ALLOWED, MedusaError.Types.INVALID_DATA, MedusaError.Types.CONFLICT].includes(error.type as never)
}

export async function freezeLinkedPlans(
  deps: ModuleDeps,
  planId: string,
  input: { days: number; reason: string },
  options: { actor: string; idempotencyKey: string },
): Promise<FreezeLinkedResult> {
  const max = deps.engineConfig.maxFreezeDays
  if (!Number.isSafeInteger(input.days) || input.days < 1 || input.days > max) {
    throw invalidInput(`days: a freeze lasts a whole number of days from 1 to ${max} (got ${input.days})`, "freeze_days_out_of_range")
  }
  if (input.reason.trim() === "") throw invalidInput("reason: say why the linked plans are frozen; it is kept in each plan's history as proof", "reason_required")
  const flagged = await deps.entities.loadPlan(planId, { withInstalments: false })
  if (!flagged?.fraud_flagged) {
    if (!flagged) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Instalment plan ${planId} was not found`, "plan_not_found")
    throw refused("plan_not_flagged", "Linked plans are frozen only from a plan flagged for fraud: flag this plan first (POST /admin/instalment-plans/:id/flag-fraud), then freeze its linked plans.")
  }
  const { linked } = await findLinkedPlans(deps.read, planId)
  const result: FreezeLinkedResult = { frozen: [], skipped: [] }
  for (const plan of linked) await freezeOne(deps, flagged, plan, input, options, result)
  await recordPlanEventOnce(
    deps,
    planId,
    {
      type: "plan.linked_plans_frozen",
      data: {
        reason: input.reason,
        days: input.days,
        frozen: result.frozen.map((f) => ({ planId: f.plan_id, orderId: f.order_id, reasons: f.reasons })),
        skipped: result.skipped.map((s) => ({ planId: s.plan_id, orderId: s.order_id, reasons: s.reasons, code: s.code })),
        at: deps.now().toISOString(),
      },
    },
    { actor: options.actor, idempotencyKey: options.idempotencyKey },
  )
  return result
}

async function freezeOne(
  deps: ModuleDeps,
  flagged: { id: string; order_id: string | null },
  plan: LinkedPlanFound,
  input: { days: number; reason: string },
  options: { actor: string; idempotencyKey: string },
  result: FreezeLinkedResult,
): Promise<void> {
  const seen = { plan_id: plan.plan_id, order_id: plan.order_id, reasons: plan.reasons }
  if (plan.processor !== deps.processor.name) {
    result.skipped.push({ ...seen, code: "lender_managed", message: `${plan.processor} funds and collects this plan: freeze it from ${plan.processor}'s dashboard.` })
    return
  }
  const flaggedLink = { planId: flagged.id, orderId: flagged.order_id, reasons: plan.reasons }
  try {
    const { plan: row } = await runRevision(deps, plan.plan_id, (snapshot, ctx) => freezeLinked(snapshot, { ...input, flagged: flaggedLink }, ctx), {
      actor: options.actor,
      idempotencyKey: `${options.idempotencyKey}:${plan.plan_id}`,
      request: { name: "freeze-linked", input: { ...input, flagged: flagged.id } },
    })
    result.frozen.push({ ...seen, frozen_until: row.frozen_until ?? null })
  } catch (error) {
    if (!isRefusal(error)) throw error
    const code = typeof error.code === "string" ? error.code : "refused"
    result.skipped.push({ ...seen, code, message: error.message.replace(new RegExp(`^${code}: `), "") })
  }
}
