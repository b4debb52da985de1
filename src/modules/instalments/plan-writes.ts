/**
 * Reading plans under their row lock and writing revised plans, for one plan or a whole batch, in a
 * fixed number of statements: the revision runner and the collection batch write the same way.
 * Every write bumps the plan's `version`.
 */
import type { LedgerEvent } from "../../domain/outcome"
import type { PlanSnapshot } from "../../domain/plan"
import { ledgerRows, snapshotToInstalmentColumns, snapshotToPlanColumns, type InstalmentRow, type PlanRow } from "./mapping"
import { ANY_OF_JSON, insertRows, type Run } from "./sql"

/** Locks the plans (in id order, so two writers never deadlock) and reads them with their instalments. */
export async function lockPlans(run: Run, ids: readonly string[], options: { skipLocked?: boolean } = {}): Promise<PlanRow[]> {
  if (ids.length === 0) return []
  const sorted = [...ids].sort()
  const plans = (await run(
    `select * from instalment_plan where id = ${ANY_OF_JSON} and deleted_at is null order by id for update${options.skipLocked ? " skip locked" : ""}`,
    [JSON.stringify(sorted)],
  )) as PlanRow[]
  return withInstalments(run, plans)
}

export async function lockPlan(run: Run, id: string): Promise<PlanRow | null> {
  const [row] = await lockPlans(run, [id])
  return row ?? null
}

/** Reads plans (no lock) with their instalments. */
export async function readPlans(run: Run, ids: readonly string[]): Promise<PlanRow[]> {
  if (ids.length === 0) return []
  const plans = (await run(`select * from instalment_plan where id = ${ANY_OF_JSON} and deleted_at is null`, [JSON.stringify(ids)])) as PlanRow[]
  return withInstalments(run, plans)
}

/** The plans with their instalments (one query for them all). */
export async function withInstalments(run: Run, plans: PlanRow[]): Promise<PlanRow[]> {
  if (plans.length === 0) return plans
  const instalments = (await run(`select * from instalment where plan_id = ${ANY_OF_JSON} and deleted_at is null order by number`, [
    JSON.stringify(plans.map((p) => p.id)),
  ])) as (InstalmentRow & { plan_id: string })[]
  const byPlan = new Map<string, InstalmentRow[]>(plans.map((p) => [p.id, []]))
  for (const i of instalments) byPlan.get(i.plan_id)?.push(i)
  return plans.map((p) => ({ ...p, instalments: byPlan.get(p.id) ?? [] }))
}

/** A revised plan to write. */
export interface PlanWrite {
  /** The plan as read under the lock, with its instalments. */
  row: PlanRow
  plan: PlanSnapshot
  events: readonly LedgerEvent[]
  /** The idempotency key each event carries, by index in `events` (an operation's key on its first event). */
  keys?: ReadonlyMap<number, string>
  /** The processor's charge that paid each instalment, by instalment number. */
  chargeReferences?: ReadonlyMap<number, string>
}

/** Columns written as timestamps; every other column's type follows from its JavaScript value. */
const TIMESTAMP_COLUMNS = new Set(["withdrawal_requested_at", "paid_at", "occurred_at"])
const INTEGER_COLUMNS = new Set(["number", "attempts", "amount_cents", "customer_fee_cents", "late_fee_cents", "paid_amount_cents"])

function columnType(column: string, value: unknown): string {
  if (TIMESTAMP_COLUMNS.has(column)) return "timestamptz"
  if (INTEGER_COLUMNS.has(column) || typeof value === "number") return "integer"
  if (typeof value === "boolean") return "boolean"
  return "text"
}

/** `update <table> … from jsonb_to_recordset(rows)`: one statement for all rows. */
async function bulkUpdate(run: Run, table: string, rows: Record<string, unknown>[], extra = "", keepWhenNull: string[] = []) {
  if (rows.length === 0) return
  const columns = Object.keys(rows[0]).filter((c) => c !== "id")
  const definitions = ["id text", ...columns.map((c) => `"${c}" ${columnType(c, rows[0][c])}`)].join(", ")
  const assignments = columns
    .map((c) => (keepWhenNull.includes(c) ? `"${c}" = coalesce(v."${c}", t."${c}")` : `"${c}" = v."${c}"`))
    .join(", ")
  // The "= any(array(...))" makes it a primary-key lookup per row, whatever the table's statistics say.
  await run(
    `with v as (select * from jsonb_to_recordset(?::jsonb) as v(${definitions}))
     update ${table} t set ${assignments}${extra}, updated_at = now()
       from v
      where t.id = v.id and t.id = any(array(select id from v))`,
    [JSON.stringify(rows)],
  )
}

/** Whether the stored instalment already holds these columns. */
function unchanged(stored: InstalmentRow, columns: Record<string, unknown>): boolean {
  return Object.entries(columns).every(([column, value]) => {
    const current = (stored as Record<string, unknown>)[column]
    if (value instanceof Date || current instanceof Date) {
      return (value === null && current === null) || (value !== null && current !== null && new Date(value as Date).getTime() === new Date(current as Date).getTime())
    }
    return (current ?? null) === (value ?? null)
  })
}

/** Writes the plans, their changed instalments and their events: three statements for any number of plans. */
export async function writePlans(run: Run, writes: readonly PlanWrite[], actor: string, at: Date): Promise<void> {
  if (writes.length === 0) return
  await bulkUpdate(
    run,
    "instalment_plan",
    writes.map((w) => ({ id: w.row.id, ...snapshotToPlanColumns(w.plan) })),
    ", version = t.version + 1",
  )
  const instalmentRows: Record<string, unknown>[] = []
  for (const w of writes) {
    const stored = new Map((w.row.instalments ?? []).map((i) => [i.number, i]))
    for (const instalment of w.plan.instalments) {
      const row = stored.get(instalment.number)
      if (!row) throw new Error(`plan ${w.row.id} has no stored instalment ${instalment.number}`)
      const columns = { ...snapshotToInstalmentColumns(instalment), charge_reference: w.chargeReferences?.get(instalment.number) ?? null }
      if (unchanged(row, { ...columns, charge_reference: columns.charge_reference ?? row.charge_reference })) continue
      instalmentRows.push({ id: row.id, ...columns })
    }
  }
  await bulkUpdate(run, "instalment", instalmentRows, "", ["charge_reference"])
  const events = writes.flatMap((w) => ledgerRows(w.row.id, w.events, { actor, at, keyOf: (index) => w.keys?.get(index) }))
  if (events.length === 0) return
  const insert = insertRows("instalment_plan_event", events)
  await run(insert.sql, [insert.param])
}

/** Appends events to plans' histories and bumps their version (a decline, a refund sent), in one statement. */
export async function appendEvents(
  run: Run,
  entries: readonly { planId: string; events: readonly LedgerEvent[]; keys?: ReadonlyMap<number, string> }[],
  actor: string,
  at: Date,
): Promise<void> {
  const rows = entries.flatMap((e) => ledgerRows(e.planId, e.events, { actor, at, keyOf: (index) => e.keys?.get(index) }))
  if (rows.length === 0) return
  const insert = insertRows("instalment_plan_event", rows)
  await run(`with events as (${insert.sql}) update instalment_plan set version = version + 1, updated_at = now() where id = ${ANY_OF_JSON}`, [
    insert.param,
    JSON.stringify(entries.map((e) => e.planId)),
  ])
}
