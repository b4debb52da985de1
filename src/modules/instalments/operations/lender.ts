/**
 * A lender's money operations (Alma: a refund, the deferred trigger, a cancellation), recorded
 * the way the card operations are (run.ts), though the lender, not the plugin, moves the money:
 *
 *  1. the intent, under the plan's row lock, in its own transaction: an `instalment_operation`
 *     (`decided.kind: "lender"`, what is asked of the lender) and, for a refund, its movement leg;
 *  2. committed; the lender's code (src/lenders/alma/operations.ts) calls the lender with no
 *     transaction open, with a key derived from what triggered the operation;
 *  3. the answer, by the operation's key, with the mirror's refresh, under the plan's lock
 *     (`settleLenderOperation`, from service.mirrorLenderPlan).
 *
 * What a crash leaves `executing` is settled from the lender's own records by the lender's
 * reconciler (src/lenders/alma/reconcile.ts); the card reconciler leaves these alone.
 */
import { keyReused } from "../errors"
import type { PlanRow } from "../mapping"
import { lockPlan } from "../plan-writes"
import type { Run } from "../sql"
import { fingerprintOf } from "./keys"
import {
  findOperationByKey,
  insertOperation,
  legsOf,
  setOperationStatus,
  settleMovement,
  type LenderDecided,
  type MovementRow,
  type NewMovement,
  type OperationRow,
} from "./records"

/** Money going back through the lender: the operation's one movement leg. */
export interface LenderRefundLeg {
  /** The key the lender knows the refund by (Alma's `merchant_reference`). */
  processorKey: string
  amountCents: number
  currencyCode: string
  purpose: string
}

export interface LenderOperationInput {
  /** The Medusa payment session of the lender's payment (the plan's, when it has one). */
  sessionId: string
  idempotencyKey: string
  actor: string
  /** What was asked, for the replay check: the same key with another request is refused. */
  request: { name: string; input?: unknown }
  /** What is decided, from the plan as it is under the lock. Runs in the transaction: no network. */
  decide: (current: PlanRow | null) => { decided: LenderDecided; refund?: LenderRefundLeg }
}

export interface LenderOperation {
  operation: OperationRow & { decided: LenderDecided }
  legs: MovementRow[]
  /** True when this call recorded it; false when the key was known (a replay, another driver). */
  created: boolean
}

/** What the lender said, recorded on the operation (and its leg). */
export interface LenderSettlement {
  /** The operation's idempotency key. */
  key: string
  status: "completed" | "declined"
  /** Why it did not complete (what a replay of a declined operation answers again). */
  outcome?: { code: string; message: string }
  /** The answer to the refund leg: the lender's refund id, or why it was refused. */
  leg?: { status: "succeeded" | "failed"; reference?: string | null; failureCode?: string; failureMessage?: string }
}

/** Records the operation under the plan's lock (step 1), or answers the one recorded under the key. */
export async function beginLenderOperation(run: Run, input: LenderOperationInput): Promise<LenderOperation> {
  const [plan] = (await run(`select id from instalment_plan where payment_session_id = ? and deleted_at is null`, [input.sessionId])) as { id: string }[]
  const row = plan ? await lockPlan(run, plan.id) : null
  const fingerprint = fingerprintOf(input.request.name, input.request.input)
  const known = await findOperationByKey(run, input.idempotencyKey)
  if (known) return answerKnown(run, known, fingerprint, input.idempotencyKey)
  const { decided, refund } = input.decide(row)
  const operation = {
    plan_id: row?.id ?? null,
    payment_session_id: input.sessionId,
    idempotency_key: input.idempotencyKey,
    fingerprint,
    actor: input.actor,
    status: "executing" as const,
    decided,
  }
  const legs = refund ? [refundLeg(row, input.sessionId, decided.lender, refund)] : []
  // Without a plan to lock, two drivers meet on the key's unique index: the second finds the first's row.
  const id = await insertOperation(run, operation, legs, { onConflictDoNothing: true })
  const recorded = await findOperationByKey(run, input.idempotencyKey)
  if (!recorded) throw new Error(`lender operation ${input.idempotencyKey} was not recorded`)
  if (!id) return answerKnown(run, recorded, fingerprint, input.idempotencyKey)
  return { operation: recorded as LenderOperation["operation"], legs: await legsOf(run, recorded.id), created: true }
}

async function answerKnown(run: Run, known: OperationRow, fingerprint: string, key: string): Promise<LenderOperation> {
  if (known.fingerprint !== fingerprint || known.decided.kind !== "lender") throw keyReused(key)
  return { operation: known as LenderOperation["operation"], legs: await legsOf(run, known.id), created: false }
}

function refundLeg(row: PlanRow | null, sessionId: string, lender: string, refund: LenderRefundLeg): NewMovement {
  return {
    plan_id: row?.id ?? null,
    payment_session_id: sessionId,
    leg: 0,
    kind: "refund",
    purpose: refund.purpose,
    processor: lender,
    processor_key: refund.processorKey,
    amount_cents: refund.amountCents,
    currency_code: refund.currencyCode,
    card_reference: null,
    // The lender refunds its own payment, not one of our charges: nothing in refundableCharges points here.
    refunded_charge: null,
    instalments: null,
    status: "pending",
  }
}

/** The operation under `key` if it is still executing (someone else may have recorded its answer already). */
export async function executingLenderOperation(run: Run, key: string): Promise<OperationRow | null> {
  const found = await findOperationByKey(run, key)
  return found && found.status === "executing" && found.decided.kind === "lender" ? found : null
}

/** Records the lender's answer on an executing operation and its leg (step 3), in the caller's transaction. */
export async function settleLenderOperation(run: Run, operation: OperationRow, settlement: LenderSettlement): Promise<void> {
  if (settlement.leg) {
    for (const leg of await legsOf(run, operation.id)) {
      if (leg.status !== "pending") continue
      await settleMovement(run, leg.id, {
        status: settlement.leg.status,
        reference: settlement.leg.reference ?? null,
        failureCode: settlement.leg.failureCode ?? null,
        failureMessage: settlement.leg.failureMessage ?? null,
      })
    }
  } else if (settlement.status !== "completed") {
    // Nothing moved: a leg still pending never will.
    for (const leg of await legsOf(run, operation.id)) if (leg.status === "pending") await settleMovement(run, leg.id, { status: "void" })
  }
  await setOperationStatus(run, operation.id, settlement.status, settlement.outcome)
}

/** Lender operations still executing, in id order after `after` (keyset), with whether their driver is gone. */
export async function executingLenderOperations(
  run: Run,
  input: { lender: string; after: string | null; limit: number; staleAfterMs: number },
): Promise<(OperationRow & { decided: LenderDecided; stale: boolean })[]> {
  return (await run(
    `select *, updated_at <= now() - (? * interval '1 millisecond') as stale
       from instalment_operation
      where status = 'executing' and deleted_at is null and decided->>'kind' = 'lender' and decided->>'lender' = ? and id > ?
      order by id
      limit ?`,
    [input.staleAfterMs, input.lender, input.after ?? "", input.limit],
  )) as (OperationRow & { decided: LenderDecided; stale: boolean })[]
}

/**
 * Moves a stale executing operation's `updated_at` to now, in one statement: true for the one
 * caller that did. Whoever sends a stale operation again claims it first, so two reconcilers
 * (two workers, two job runs) never both send it, and the next sends wait another stale period.
 */
export async function claimStaleLenderOperation(run: Run, operationId: string, staleAfterMs: number): Promise<boolean> {
  const rows = (await run(
    `update instalment_operation set updated_at = now()
      where id = ? and status = 'executing' and deleted_at is null and updated_at <= now() - (? * interval '1 millisecond')
      returning id`,
    [operationId, staleAfterMs],
  )) as { id: string }[]
  return rows.length === 1
}
