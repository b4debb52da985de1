/**
 * The reconciler: finishes operations whose driver is gone (a crash between the processor's
 * answer and its record, a timeout, a process restarted mid-call). For each leg left pending it
 * asks the processor what it did under the leg's key:
 *  - a charge is looked up (`findChargeByIdempotencyKey`), never made: found, its answer is
 *    recorded as if it had come back; not found, nothing moved and the operation is abandoned
 *    (the same key may run it again);
 *  - a refund is owed once recorded: it is sent again with its key, which the processor answers
 *    with the refund it already made, or makes now.
 * Run by the `reconcile-instalment-operations` job and on demand (`service.reconcile`). A
 * lender's operations (`decided.kind: "lender"`: Alma's refunds, triggers, cancellations) are not
 * the card processor's: they are left to the lender's own reconciler (src/lenders/alma/reconcile.ts).
 */
import { pluginEventsForRevision } from "../plugin-events"
import { planToSnapshot } from "../mapping"
import { readPlans } from "../plan-writes"
import { loadOperation, staleOperations, type MovementRow, type OperationRow } from "./records"
import { driveOperation, shopperPresentFor, type OperationsDeps } from "./run"
import { reconcileCheckout } from "./checkout-charge"
import { callProcessor, foundChargeAnswer, type LegAnswer } from "./settle"

export interface ReconcileSummary {
  /** Operations looked at. */
  examined: number
  /** Operations now settled (completed, declined or abandoned). */
  settled: number
  /** Operations still waiting (the processor did not answer). */
  waiting: number
}

/** Settles the operations unchanged for `olderThanMs` (0: every running operation), at most `limit`. */
export async function reconcile(deps: OperationsDeps, options: { olderThanMs: number; limit?: number }): Promise<ReconcileSummary> {
  const summary: ReconcileSummary = { examined: 0, settled: 0, waiting: 0 }
  for (const operation of await staleOperations(deps.read, options.olderThanMs, options.limit ?? 500)) {
    summary.examined++
    if (await reconcileOperation(deps, operation.id)) summary.settled++
    else summary.waiting++
  }
  return summary
}

/** Settles one operation from the processor's records; true when nothing is left running. */
export async function reconcileOperation(deps: OperationsDeps, operationId: string): Promise<boolean> {
  const before = await loadOperation(deps.read, operationId)
  if (!before || before.operation.status !== "executing") return true
  // A lender's operation (Alma) is settled from the lender's records (src/lenders/alma/reconcile.ts), never sent to the card processor.
  if (before.operation.decided.kind === "lender") return false
  if (before.operation.decided.kind === "checkout") {
    await reconcileCheckout(deps, before.operation)
    return (await loadOperation(deps.read, operationId))?.operation.status !== "executing"
  }
  const driven = await driveOperation(deps, operationId, (leg, operation) => lookUp(deps, leg, operation))
  const planId = before.operation.plan_id
  if (planId && driven.events.length) {
    const [row] = await readPlans(deps.read, [planId])
    if (row) await deps.emit(pluginEventsForRevision(planId, { plan: planToSnapshot(row), movements: [], events: driven.events }, before.operation.actor, row.version))
  }
  const after = await loadOperation(deps.read, operationId)
  return after?.operation.status !== "executing"
}

/**
 * The processor says a charge of ours changed (Stripe's payment_intent.succeeded, by its
 * idempotency key): the operation on a plan whose charge is still pending under that key is settled
 * now, from the processor's record, as the reconciler would later. Checkout charges are left to the
 * cart's completion (their plan does not exist yet). Answers the operation's id, or null.
 */
export async function reconcileChargeKey(deps: OperationsDeps, processorKey: string): Promise<string | null> {
  const [leg] = (await deps.read(
    `select m.operation_id from instalment_movement m join instalment_operation o on o.id = m.operation_id
      where m.processor_key = ? and m.kind = 'charge' and m.status = 'pending' and m.deleted_at is null
        and o.status = 'executing' and o.decided->>'kind' = 'revision'
      limit 1`,
    [processorKey],
  )) as { operation_id: string }[]
  if (!leg) return null
  await reconcileOperation(deps, leg.operation_id)
  return leg.operation_id
}

async function lookUp(deps: OperationsDeps, leg: MovementRow, operation: OperationRow): Promise<LegAnswer> {
  if (leg.kind === "refund") return callProcessor(deps.processor, leg, deps.now())
  const found = await deps.processor.findChargeByIdempotencyKey(leg.processor_key)
  if (!found.ok) return { kind: "unknown", detail: found.error.message }
  return foundChargeAnswer(deps, found.value, operation, shopperPresentFor(operation))
}
