/**
 * Collection, the module's batch path: what the daily job does to each plan it examines, and the
 * bulk SQL that writes a whole batch at once. The service (section "collection") runs it in one
 * transaction per batch, under the plans' row locks.
 *
 * The batch's plans are collected side by side, `CHARGES_IN_FLIGHT` at a time. Per plan, in this
 * order (each step is an engine revision, composed in memory):
 *  1. a freeze whose period is over is lifted (`releaseExpiredFreeze`);
 *  2. what is due is charged (`collectDueRevision`, then `applyChargeSucceeded` / `applyChargeFailed`
 *     through the service's `executeCharges`, as for any revision): a decline is recorded and the
 *     retry schedule takes over. The charge carries `collectionAttemptKey`, so a second worker, a
 *     retried job or a run after a crash gets the processor's first answer, never a second charge;
 *  3. instalments more than 15 days overdue are marked late (`evaluateDelays`).
 * Charging comes before the delay check so that an instalment the clock jumped past is still
 * charged once before it is marked late.
 */
import type { LocalDate } from "../../domain/calendar"
import type { ChargeMovement, LedgerEvent, RevisionContext, RevisionOutcome } from "../../domain/outcome"
import type { InstalmentSnapshot, PlanSnapshot } from "../../domain/plan"
import type { Result } from "../../domain/result"
import { collectDueRevision, collectionAttemptKey } from "../../domain/revisions/collect"
import { evaluateDelays } from "../../domain/revisions/delays"
import { releaseExpiredFreeze } from "../../domain/revisions/freeze"
import { ledgerRows, snapshotToInstalmentColumns, snapshotToPlanColumns, type InstalmentRow, type PlanRow } from "./mapping"
import { ANY_OF_JSON, insertRows, type Run } from "./sql"

/**
 * Plans of a batch charged at the same time. A real processor answers a charge in a few hundred
 * milliseconds; charged one after another, a batch would take that latency times its size. Each
 * plan is charged once whatever the order (its row is locked, its charge carries its attempt key).
 */
export const CHARGES_IN_FLIGHT = 8

/** `fn` over `items`, at most `limit` running at once; the answers in the items' order. */
export async function mapConcurrently<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await fn(items[index])
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  return results
}

/** Plan statuses the collection charges. */
export const COLLECTED_STATUSES = ["active", "late", "serious_delay", "terminated"] as const

/** What one collection run (or one batch of it) did. */
export interface CollectionSummary {
  /** Plans read under lock. */
  examined: number
  /** Plans whose charge succeeded. */
  charged: number
  /** Plans whose charge was declined (a retry follows, or the plan is late). */
  failed: number
  /** Plans with nothing to do today (a retry not due yet, a freeze...). */
  skipped: number
  /** Plans a freeze was lifted from. */
  unfrozen: number
  /** Plans where an instalment became more than 15 days overdue. */
  seriousDelays: number
  /** Plans left for the next run: the processor was unavailable, or another worker held them. */
  errors: number
  /** Cents charged successfully and declined. */
  chargedCents: number
  failedCents: number
}

export function emptySummary(): CollectionSummary {
  return { examined: 0, charged: 0, failed: 0, skipped: 0, unfrozen: 0, seriousDelays: 0, errors: 0, chargedCents: 0, failedCents: 0 }
}

export function addSummaries(a: CollectionSummary, b: CollectionSummary): CollectionSummary {
  const sum = emptySummary()
  for (const key of Object.keys(sum) as (keyof CollectionSummary)[]) sum[key] = a[key] + b[key]
  return sum
}

/** The composed result for one plan: its revised snapshot, its events, each with the key it carries. */
export interface PlanCollection {
  planId: string
  before: PlanSnapshot
  outcome: RevisionOutcome
  /** Idempotency key of each event, by index in `outcome.events` (the attempt key on the attempt event). */
  keys: Map<number, string>
  chargeReferences: Map<number, string>
  charge?: { key: string; movement: ChargeMovement; succeeded: boolean }
}

/** Charges a collection revision: the service's `executeCharges` (processor call + settle). */
export type ChargeExecutor = (
  revised: RevisionOutcome,
  key: string,
) => Promise<{ outcome: RevisionOutcome; chargeReferences: Map<number, string> }>

/** Applies `revision` when it has something to say (`no_change` and other refusals leave the plan as it is). */
function fold(
  current: { plan: PlanSnapshot; events: LedgerEvent[] },
  result: Result<RevisionOutcome>,
): boolean {
  if (!result.ok) return false
  current.plan = result.value.plan
  current.events.push(...result.value.events)
  return true
}

/** The plan as collection sees it today: a freeze whose period is over is lifted first. */
function releasedToday(before: PlanSnapshot, ctx: RevisionContext) {
  const current = { plan: before, events: [] as LedgerEvent[] }
  fold(current, releaseExpiredFreeze(current.plan, {}, ctx))
  return current
}

/** The key of the collection attempt due on this plan today, if any (to look the batch's keys up at once). */
export function dueAttemptKey(planId: string, before: PlanSnapshot, ctx: RevisionContext): string | undefined {
  const { plan } = releasedToday(before, ctx)
  const due = collectDueRevision(plan, {}, ctx)
  return due.ok ? collectionAttemptKey(planId, plan, due.value.movements[0] as ChargeMovement) : undefined
}

/**
 * Everything collection does to one plan today. `knownKeys` are attempt keys already in the
 * ledger: such an attempt was written by another run, so it is not made again.
 */
export async function collectPlan(
  planId: string,
  before: PlanSnapshot,
  ctx: RevisionContext,
  knownKeys: ReadonlySet<string>,
  chargeWith: ChargeExecutor,
): Promise<PlanCollection> {
  const current = releasedToday(before, ctx)
  const keys = new Map<number, string>()
  let chargeReferences = new Map<number, string>()
  let charge: PlanCollection["charge"]

  const due = collectDueRevision(current.plan, {}, ctx)
  if (due.ok) {
    const movement = due.value.movements[0] as ChargeMovement
    const key = collectionAttemptKey(planId, current.plan, movement)
    if (!knownKeys.has(key)) {
      const charged = await chargeWith({ ...due.value, plan: current.plan }, key)
      keys.set(current.events.length, key)
      current.plan = charged.outcome.plan
      current.events.push(...charged.outcome.events)
      chargeReferences = charged.chargeReferences
      charge = { key, movement, succeeded: charged.chargeReferences.size > 0 }
    }
  }

  fold(current, evaluateDelays(current.plan, {}, ctx))
  return { planId, before, outcome: { plan: current.plan, movements: [], events: current.events }, keys, chargeReferences, charge }
}

/** Adds what one plan's collection did to a summary. */
export function summarise(summary: CollectionSummary, result: PlanCollection): void {
  summary.examined++
  const types = result.outcome.events.map((e) => e.type)
  if (types.includes("plan.unfrozen")) summary.unfrozen++
  if (types.includes("plan.serious_delay")) summary.seriousDelays++
  if (!result.charge) {
    summary.skipped++
  } else if (result.charge.succeeded) {
    summary.charged++
    summary.chargedCents += result.charge.movement.amount.cents
  } else {
    summary.failed++
    summary.failedCents += result.charge.movement.amount.cents
  }
}

// ---- bulk SQL ----------------------------------------------------------------------------------

/**
 * Candidates of a run, after `after` in id order (keyset pagination: each page is an index walk
 * from where the last one stopped, whatever the number of plans). A plan is a candidate when
 * something may be due (an unpaid instalment due today or before: a first charge, a retry, a
 * delay to record) or when its freeze is over. The row is locked and read again before acting.
 */
export async function selectCandidateIds(
  run: Run,
  input: { today: LocalDate; after: string; limit: number; processor: string },
): Promise<string[]> {
  // Only the plans this plugin collects: a lender (Alma) collects its own.
  const rows = (await run(
    `select id from instalment_plan
      where deleted_at is null and id > ? and processor = ?
        and ((status in (${COLLECTED_STATUSES.map(() => "?").join(", ")}) and next_due_date <= ?)
          or (status = 'frozen' and frozen_until <= ?))
      order by id
      limit ?`,
    [input.after, input.processor, ...COLLECTED_STATUSES, input.today, input.today, input.limit],
  )) as { id: string }[]
  return rows.map((r) => r.id)
}

/** Locks the plans (in id order, so two workers never deadlock) and reads them with their instalments. */
export async function lockAndLoadPlans(run: Run, ids: string[]): Promise<PlanRow[]> {
  const plans = (await run(`select * from instalment_plan where id = ${ANY_OF_JSON} and deleted_at is null order by id for update`, [JSON.stringify(ids)])) as PlanRow[]
  if (plans.length === 0) return plans
  const instalments = (await run(`select * from instalment where plan_id = ${ANY_OF_JSON} and deleted_at is null`, [JSON.stringify(plans.map((p) => p.id))])) as (InstalmentRow & {
    plan_id: string
  })[]
  const byPlan = new Map<string, InstalmentRow[]>(plans.map((p) => [p.id, []]))
  for (const i of instalments) byPlan.get(i.plan_id)?.push(i)
  return plans.map((p) => ({ ...p, instalments: byPlan.get(p.id) ?? [] }))
}

/** Which of these idempotency keys the ledger already holds (`deleted_at is null` lets Postgres use the unique index). */
export async function existingKeys(run: Run, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set()
  const rows = (await run(`select idempotency_key from instalment_plan_event where idempotency_key = ${ANY_OF_JSON} and deleted_at is null`, [JSON.stringify(keys)])) as { idempotency_key: string }[]
  return new Set(rows.map((r) => r.idempotency_key))
}

/** Columns written as timestamps; every other column's type follows from its JavaScript value. */
const TIMESTAMP_COLUMNS = new Set(["withdrawal_requested_at", "paid_at", "occurred_at"])

function columnType(column: string, value: unknown): string {
  if (TIMESTAMP_COLUMNS.has(column)) return "timestamptz"
  if (typeof value === "number") return "integer"
  if (typeof value === "boolean") return "boolean"
  if (column === "data") return "jsonb"
  return "text"
}

/** `update <table> … from jsonb_to_recordset(rows)`: one statement for the whole batch. */
async function bulkUpdate(run: Run, table: string, rows: Record<string, unknown>[], keepWhenNull: string[] = []) {
  if (rows.length === 0) return
  const columns = Object.keys(rows[0]).filter((c) => c !== "id")
  const definitions = ["id text", ...columns.map((c) => `"${c}" ${columnType(c, rows[0][c])}`)].join(", ")
  const assignments = columns
    .map((c) => (keepWhenNull.includes(c) ? `"${c}" = coalesce(v."${c}", t."${c}")` : `"${c}" = v."${c}"`))
    .join(", ")
  await run(
    `update ${table} t set ${assignments}, updated_at = now()
       from jsonb_to_recordset(?::jsonb) as v(${definitions})
      where t.id = v.id`,
    [JSON.stringify(rows)],
  )
}

/** Writes the plans that changed, their changed instalments and their events, in three statements. */
export async function writeCollections(run: Run, rowsById: Map<string, PlanRow>, results: PlanCollection[], actor: string, at: Date) {
  const changed = results.filter((r) => r.outcome.events.length > 0)
  if (changed.length === 0) return
  await bulkUpdate(
    run,
    "instalment_plan",
    changed.map((r) => ({ id: r.planId, ...snapshotToPlanColumns(r.outcome.plan) })),
  )
  const instalmentRows: Record<string, unknown>[] = []
  for (const r of changed) {
    const ids = new Map((rowsById.get(r.planId)?.instalments ?? []).map((i) => [i.number, i.id]))
    const before = new Map<number, InstalmentSnapshot>(r.before.instalments.map((i) => [i.number, i]))
    for (const instalment of r.outcome.plan.instalments) {
      if (before.get(instalment.number) === instalment) continue // the engine keeps unchanged instalments as they were
      const id = ids.get(instalment.number)
      if (!id) throw new Error(`collection: plan ${r.planId} has no stored instalment ${instalment.number}`)
      instalmentRows.push({ id, ...snapshotToInstalmentColumns(instalment), charge_reference: r.chargeReferences.get(instalment.number) ?? null })
    }
  }
  await bulkUpdate(run, "instalment", instalmentRows, ["charge_reference"])
  const events = changed.flatMap((r) => ledgerRows(r.planId, r.outcome.events, { actor, at, keyOf: (index) => r.keys.get(index) }))
  const insert = insertRows("instalment_plan_event", events)
  await run(insert.sql, [insert.param])
}
