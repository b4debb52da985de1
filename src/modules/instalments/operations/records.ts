/**
 * The operation and movement records (models/instalment-operation.ts, models/instalment-movement.ts),
 * in SQL: written inside the caller's transaction (under the plan's lock) or, for reads, on any
 * connection. One statement per call.
 */
import type { LedgerEvent } from "../../../domain/outcome"
import type { PlanSnapshot } from "../../../domain/plan"
import { ANY_OF_JSON, entityIds, insertRows, type Run } from "../sql"
import type { RefundableCharge } from "./refund-legs"

export type OperationStatus = "executing" | "completed" | "declined" | "abandoned"
export type MovementStatus = "blocked" | "pending" | "succeeded" | "failed" | "void"

/** What was decided under the lock, so that any process can finish the operation. */
export type Decided =
  | {
      kind: "revision"
      /** The revised plan before the charge's outcome, and its events (written with the outcome). */
      plan: PlanSnapshot
      events: LedgerEvent[]
      /** Whether a declined charge refuses the operation (shopper, admin) or is recorded (collection). */
      declineIsError: boolean
      /** Whether the revision was written when it was decided (no charge: refunds only). */
      written: boolean
      /** The plan's version while the operation runs: its outcome applies to that version only. */
      version: number
      now: string
      today: string
      /** The shopper is there (self-service): the charge is on-session and may wait for their 3-D Secure. */
      shopperPresent?: boolean
    }
  | { kind: "collection"; now: string; today: string }
  | { kind: "checkout"; now: string }
  | { kind: "recorded" }
  | LenderDecided

/**
 * A request to the lender that funds a plan (Alma: a refund, the deferred trigger, a
 * cancellation). The lender's own records settle it (src/lenders/alma/reconcile.ts): the card
 * reconciler never touches it (`staleOperations`, reconcile.ts).
 */
export interface LenderDecided {
  kind: "lender"
  lender: string
  action: string
  /** The lender's payment the request is about, and the Medusa payment session of the plan. */
  paymentId: string
  sessionId: string
  /** The key the lender knows the request by, when it takes one (Alma's `merchant_reference`). */
  reference?: string
  amount?: number
  currency?: string
  /** What else the lender's code needs to finish the request (the engine's prediction, Medusa's ids). */
  data?: Record<string, unknown>
}

export interface OperationRow {
  id: string
  plan_id: string | null
  payment_session_id: string | null
  idempotency_key: string
  fingerprint: string
  actor: string
  status: OperationStatus
  decided: Decided
  outcome: { code: string; message: string } | null
  created_at: Date
  updated_at: Date
}

export interface MovementRow {
  id: string
  operation_id: string
  plan_id: string | null
  payment_session_id: string | null
  leg: number
  kind: "charge" | "refund"
  purpose: string
  processor: string
  processor_key: string
  amount_cents: number
  currency_code: string
  card_reference: string | null
  refunded_charge: string | null
  instalments: number[] | null
  status: MovementStatus
  processor_reference: string | null
  failure_code: string | null
  failure_message: string | null
}

export type NewOperation = Omit<OperationRow, "id" | "created_at" | "updated_at" | "outcome"> & { id?: string }
export type NewMovement = Omit<MovementRow, "id" | "operation_id" | "processor_reference" | "failure_code" | "failure_message">

export function newOperationId(): string {
  return entityIds("iop", 1, new Date())[0]
}

/**
 * Writes an operation and its legs in one statement; its id. With `onConflictDoNothing`, an
 * operation whose key is already recorded is left as it is and null is answered.
 */
export async function insertOperation(
  run: Run,
  operation: NewOperation,
  legs: readonly NewMovement[],
  options: { onConflictDoNothing?: boolean } = {},
): Promise<string | null> {
  const id = operation.id ?? newOperationId()
  const op = insertRows("instalment_operation", [{ ...operation, id }])
  const conflict = options.onConflictDoNothing ? " on conflict do nothing" : ""
  const ids = entityIds("imov", legs.length, new Date())
  const movements = legs.length ? insertRows("instalment_movement", legs.map((leg, k) => ({ ...leg, id: ids[k], operation_id: id }))) : null
  const rows = (await run(
    movements
      ? `with op as (${op.sql}${conflict} returning id), legs as (${movements.sql} where exists (select 1 from op)) select id from op`
      : `${op.sql}${conflict} returning id`,
    movements ? [op.param, movements.param] : [op.param],
  )) as { id: string }[]
  return rows[0]?.id ?? null
}

export async function findOperationByKey(run: Run, idempotencyKey: string): Promise<OperationRow | null> {
  const [row] = (await run(`select * from instalment_operation where idempotency_key = ? and deleted_at is null`, [idempotencyKey])) as OperationRow[]
  return row ?? null
}

export async function loadOperation(run: Run, id: string): Promise<{ operation: OperationRow; legs: MovementRow[] } | null> {
  const [operation] = (await run(`select * from instalment_operation where id = ? and deleted_at is null`, [id])) as OperationRow[]
  if (!operation) return null
  return { operation, legs: await legsOf(run, id) }
}

export async function legsOf(run: Run, operationId: string): Promise<MovementRow[]> {
  return (await run(`select * from instalment_movement where operation_id = ? and deleted_at is null order by leg`, [operationId])) as MovementRow[]
}

export async function setOperationStatus(run: Run, id: string, status: OperationStatus, outcome?: { code: string; message: string }) {
  await run(`update instalment_operation set status = ?, outcome = coalesce(?::jsonb, outcome), updated_at = now() where id = ?`, [
    status,
    outcome ? JSON.stringify(outcome) : null,
    id,
  ])
}

/** Settles one leg with the processor's answer. */
export async function settleMovement(
  run: Run,
  id: string,
  settled: { status: MovementStatus; reference?: string | null; failureCode?: string | null; failureMessage?: string | null },
) {
  await run(
    `update instalment_movement
        set status = ?, processor_reference = coalesce(?, processor_reference), failure_code = ?, failure_message = ?,
            settled_at = case when ? in ('succeeded', 'failed') then now() else settled_at end, updated_at = now()
      where id = ?`,
    [settled.status, settled.reference ?? null, settled.failureCode ?? null, settled.failureMessage ?? null, settled.status, id],
  )
}

/** Moves every leg of an operation in `from` to `to` (blocked refunds released or voided). */
export async function moveLegs(run: Run, operationId: string, from: MovementStatus, to: MovementStatus) {
  await run(`update instalment_movement set status = ?, updated_at = now() where operation_id = ? and status = ? and deleted_at is null`, [to, operationId, from])
}

/** Adds legs to a running operation (a compensation refund). */
export async function addLegs(run: Run, operationId: string, legs: readonly NewMovement[]) {
  const ids = entityIds("imov", legs.length, new Date())
  const insert = insertRows("instalment_movement", legs.map((leg, k) => ({ ...leg, id: ids[k], operation_id: operationId })))
  await run(insert.sql, [insert.param])
}

/**
 * The plan's charges and what is left to refund on each, from the ledger: what went back, and
 * what is on its way back (pending and blocked refund legs are counted as gone).
 */
export async function refundableCharges(run: Run, planId: string): Promise<RefundableCharge[]> {
  const rows = (await run(
    `select c.processor_reference as charge_id, c.amount_cents, c.purpose, c.created_at,
            coalesce(sum(r.amount_cents) filter (where r.status in ('succeeded', 'pending', 'blocked')), 0)::int as refunded
       from instalment_movement c
       left join instalment_movement r
              on r.plan_id = c.plan_id and r.refunded_charge = c.processor_reference and r.kind = 'refund' and r.deleted_at is null
      where c.plan_id = ? and c.kind = 'charge' and c.status = 'succeeded' and c.deleted_at is null
      group by c.id
      order by c.created_at, c.id`,
    [planId],
  )) as { charge_id: string; amount_cents: number; purpose: string; refunded: number }[]
  return rows.map((r, k) => ({ chargeId: r.charge_id, amount: r.amount_cents, refunded: r.refunded, purpose: r.purpose, sequence: k }))
}

/** Operations still executing whose last change is older than `olderThanMs` (real time): crashed or stuck. */
export async function staleOperations(run: Run, olderThanMs: number, limit: number): Promise<OperationRow[]> {
  return (await run(
    `select * from instalment_operation
      where status = 'executing' and deleted_at is null and updated_at <= now() - (? * interval '1 millisecond')
        and decided->>'kind' <> 'lender'
      order by updated_at, id
      limit ?`,
    [olderThanMs, limit],
  )) as OperationRow[]
}

/** The operations of these keys that exist (collection looks a batch's attempt keys up at once). */
export async function operationsByKeys(run: Run, keys: readonly string[]): Promise<Map<string, OperationRow>> {
  if (keys.length === 0) return new Map()
  const rows = (await run(`select * from instalment_operation where idempotency_key = ${ANY_OF_JSON} and deleted_at is null`, [JSON.stringify(keys)])) as OperationRow[]
  return new Map(rows.map((r) => [r.idempotency_key, r]))
}

/** Writes many operations (one leg each, its id given) in one statement (a collection batch). */
export async function insertOperationsWithLegs(
  run: Run,
  entries: readonly { operation: NewOperation & { id: string; plan_id: string }; leg: NewMovement & { id: string } }[],
): Promise<void> {
  if (entries.length === 0) return
  const ops = insertRows("instalment_operation", entries.map((e) => e.operation))
  const movements = insertRows("instalment_movement", entries.map((e) => ({ ...e.leg, operation_id: e.operation.id })))
  await run(`with ops as (${ops.sql}) ${movements.sql}`, [ops.param, movements.param])
}

/**
 * The operation executing on a plan, if any (the plan is busy until it is settled), and whether
 * its driver is gone (unchanged for `staleAfterMs`). Read under the plan's lock, it is final: an
 * operation starts and ends only under that lock.
 */
export async function executingOperationOn(run: Run, planId: string, staleAfterMs = 0): Promise<{ id: string; stale: boolean } | null> {
  const [row] = (await run(
    `select id, updated_at <= now() - (? * interval '1 millisecond') as stale
       from instalment_operation where plan_id = ? and status = 'executing' and deleted_at is null limit 1`,
    [staleAfterMs, planId],
  )) as { id: string; stale: boolean }[]
  return row ?? null
}

/** Which of these plans are busy with an operation. */
export async function busyPlans(run: Run, planIds: readonly string[]): Promise<Set<string>> {
  if (planIds.length === 0) return new Set()
  const rows = (await run(
    `select distinct plan_id from instalment_operation where plan_id = ${ANY_OF_JSON} and status = 'executing' and deleted_at is null`,
    [JSON.stringify(planIds)],
  )) as { plan_id: string }[]
  return new Set(rows.map((r) => r.plan_id))
}

/**
 * Settles many charge legs still pending and completes their operations, in one statement; the
 * operations it settled (a leg another process settled first is left as that process wrote it).
 */
export async function settleChargeLegs(
  run: Run,
  settled: readonly { id: string; status: MovementStatus; reference: string | null; failureCode: string | null; failureMessage: string | null }[],
): Promise<Set<string>> {
  if (settled.length === 0) return new Set()
  const rows = (await run(
    `with v as (select * from jsonb_to_recordset(?::jsonb) as v(id text, status text, reference text, failure_code text, failure_message text)),
     settled as (
       update instalment_movement m
          set status = v.status, processor_reference = coalesce(v.reference, m.processor_reference), failure_code = v.failure_code,
              failure_message = v.failure_message, settled_at = now(), updated_at = now()
         from v
        -- the "= any(array(...))" makes it a primary-key lookup per leg, whatever the table's statistics say
        where m.id = v.id and m.id = any(array(select id from v)) and m.status = 'pending' and m.deleted_at is null
        returning m.operation_id),
     -- "= any(array(...))": an index lookup per operation (an "in (select ...)" made it a scan of the table)
     completed as (update instalment_operation set status = 'completed', updated_at = now() where id = any(array(select operation_id from settled)))
     select operation_id from settled`,
    [JSON.stringify(settled.map((s) => ({ id: s.id, status: s.status, reference: s.reference, failure_code: s.failureCode, failure_message: s.failureMessage })))],
  )) as { operation_id: string }[]
  return new Set(rows.map((r) => r.operation_id))
}

/** Sets the status of many operations in one statement. */
export async function setOperationsStatus(run: Run, ids: readonly string[], status: OperationStatus): Promise<void> {
  if (ids.length === 0) return
  await run(`update instalment_operation set status = ?, updated_at = now() where id = ${ANY_OF_JSON}`, [status, JSON.stringify(ids)])
}
