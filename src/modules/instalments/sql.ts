/**
 * The module's hand-written SQL helpers, for the paths that run after every checkout or over
 * whole batches (checkout's plan insert, the order attach, the collection job). Everything else
 * goes through the DML services Medusa generates.
 */
import { randomBytes } from "node:crypto"

/** Runs one statement with bound parameters and returns its rows. */
export type Run = (query: string, params: unknown[]) => Promise<unknown[]>

interface KnexLike {
  raw: (query: string, params: unknown[]) => Promise<{ rows: unknown[] }>
}

/**
 * SQL with bound parameters, in the operation's transaction when there is one. (The entity
 * manager's own `execute` inlines every parameter into the SQL text: with a batch's JSON that
 * escaping costs more than the query.)
 */
export function boundSql(sharedContext: { transactionManager?: unknown; manager?: unknown }): Run {
  const manager = (sharedContext.transactionManager ?? sharedContext.manager) as {
    getTransactionContext: () => KnexLike | undefined
    getKnex: () => KnexLike
  }
  const knex = manager.getTransactionContext() ?? manager.getKnex()
  return async (query, params) => (await knex.raw(query, params)).rows
}

/** The module's knex itself, for the read queries written with its query builder (reads/admin-queries.ts). */
export function knexOf(sharedContext: { transactionManager?: unknown; manager?: unknown }): unknown {
  const manager = (sharedContext.transactionManager ?? sharedContext.manager) as { getTransactionContext: () => unknown; getKnex: () => unknown }
  return manager.getTransactionContext() ?? manager.getKnex()
}

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

/**
 * Random bytes from a pool refilled 4 KiB at a time: a draw per character, as the ULID library
 * does, was a seventh of the collection's time, and a draw per plan of a 500-plan batch still
 * costs 1.4 ms against 0.01 ms for one draw. Ids are not secrets.
 */
let pool = Buffer.alloc(0)
let poolOffset = 0
function randomFromPool(length: number): Buffer {
  if (poolOffset + length > pool.length) {
    pool = randomBytes(Math.max(4096, length))
    poolOffset = 0
  }
  poolOffset += length
  return pool.subarray(poolOffset - length, poolOffset)
}

/** Ids in Medusa's format: `<prefix>_` + a ULID (10 characters of time, 16 random). */
export function entityIds(prefix: string, count: number, at: Date): string[] {
  let time = ""
  for (let t = at.getTime(), k = 0; k < 10; k++, t = Math.floor(t / 32)) time = CROCKFORD[t % 32] + time
  const random = randomFromPool(count * 16)
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    let id = `${prefix}_${time}`
    for (let k = 0; k < 16; k++) id += CROCKFORD[random[i * 16 + k] & 31]
    ids.push(id)
  }
  return ids
}

/** Ids for ledger rows (`ievt_…`, the prefix the event model declares). */
export function eventIds(count: number, at: Date): string[] {
  return entityIds("ievt", count, at)
}

/** `= any(…)` over a list passed as one JSON parameter (the SQL builder would spread a plain array). */
export const ANY_OF_JSON = "any(array(select jsonb_array_elements_text(?::jsonb)))"

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/

/**
 * `insert into <table> (<columns>) select <columns> from jsonb_populate_recordset(…)`: rows of one
 * shape (the first row's keys) sent as one JSON parameter. Postgres converts each value to its
 * column's type (ISO strings to timestamps, objects to jsonb); columns not given take their
 * defaults (`created_at`, `updated_at`...). The statement has no RETURNING, so it can be a CTE.
 */
export function insertRows(table: string, rows: readonly Record<string, unknown>[]): { sql: string; param: string } {
  const columns = Object.keys(rows[0] ?? {})
  for (const name of [table, ...columns]) {
    if (!IDENTIFIER.test(name)) throw new Error(`insertRows: "${name}" is not a plain SQL identifier`)
  }
  const list = columns.map((c) => `"${c}"`).join(", ")
  return {
    sql: `insert into "${table}" (${list}) select ${list} from jsonb_populate_recordset(null::"${table}", ?::jsonb)`,
    param: JSON.stringify(rows),
  }
}
