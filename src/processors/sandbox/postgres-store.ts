/**
 * The sandbox store in Postgres: one row per record in `instalment_sandbox_record` (created by the
 * instalments module's migrations), one statement per call.
 *
 * It runs on its own connection, outside the caller's transaction, on purpose: a processor's
 * charge stands even when the plugin's transaction that asked for it rolls back, and the plugin's
 * compensation paths (refunding a charge a failed checkout did not keep) rely on that.
 */
import { type SandboxStore, toJson } from "./store"

/** The part of a knex instance the store uses (Medusa's `__pg_connection__` is one). */
export interface SqlClient {
  raw(sql: string, bindings: readonly unknown[]): PromiseLike<{ rows: unknown[] }>
}

export const SANDBOX_TABLE = "instalment_sandbox_record"

type Row = { key: string; value: unknown }

/** `client` is asked for the connection at each call, so the store can be built before the database is up. */
export function createPostgresSandboxStore(client: () => SqlClient): SandboxStore {
  const run = async (sql: string, bindings: readonly unknown[]) => (await client().raw(sql, bindings)).rows as Row[]
  return {
    async get<T = unknown>(key: string): Promise<T | undefined> {
      const rows = await run(`select value from ${SANDBOX_TABLE} where key = ?`, [key])
      return rows.length ? (rows[0].value as T) : undefined
    },
    async put(entries: Readonly<Record<string, unknown>>): Promise<void> {
      const pairs = Object.entries(entries)
      if (pairs.length === 0) return
      const json = `{${pairs.map(([key, value]) => `${JSON.stringify(key)}:${toJson(value)}`).join(",")}}`
      await run(
        `insert into ${SANDBOX_TABLE} (key, value) select key, value from jsonb_each(?::jsonb)
         on conflict (key) do update set value = excluded.value, updated_at = now()`,
        [json],
      )
    },
    async claim<T = unknown>(key: string, value: unknown, alsoRead?: string) {
      // The read does not see the insert (one snapshot): it is for another key anyway.
      const rows = (await run(
        `with claimed as (insert into ${SANDBOX_TABLE} (key, value) values (?, ?::jsonb) on conflict (key) do nothing returning key)
         select exists (select 1 from claimed) as claimed, (select value from ${SANDBOX_TABLE} where key = ?) as read`,
        [key, toJson(value), alsoRead ?? null],
      )) as unknown as Array<{ claimed: boolean; read: T | null }>
      return { claimed: rows[0].claimed, read: rows[0].read ?? undefined }
    },
    async release(key: string, value: unknown): Promise<boolean> {
      const rows = await run(`delete from ${SANDBOX_TABLE} where key = ? and value = ?::jsonb returning key`, [key, toJson(value)])
      return rows.length === 1
    },
    async list<T = unknown>(prefix: string): Promise<Array<[string, T]>> {
      const rows = await run(`select key, value from ${SANDBOX_TABLE} where starts_with(key, ?) order by key`, [prefix])
      return rows.map((row) => [row.key, row.value as T])
    },
  }
}
