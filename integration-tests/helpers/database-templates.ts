/**
 * Databases built once per jest run and copied for each spec, on the run's test Postgres (the jest
 * global setup's). Postgres copies a database with `CREATE DATABASE … TEMPLATE` in a fraction of a
 * second, where building it again means running Medusa's migrations (and for the demo store, its
 * seed) in every spec.
 *
 * Whichever spec needs a template first builds it while holding the template's advisory lock; the
 * others wait on the lock and then copy it (or, not to wait, do without it: see appRunner). A template is created in one statement (a copy of the
 * database it was built in, or `CREATE DATABASE` followed by its build, marked done by the builder),
 * so a spec that finds it finds it whole.
 */
import { Client } from "@medusajs/framework/pg"

export function databaseUrl(name: string): string {
  const { DB_USERNAME, DB_PASSWORD, DB_HOST = "localhost", DB_PORT } = process.env
  if (!DB_PORT) throw new Error("DB_PORT is not set: the jest global setup starts the test Postgres and sets it")
  return `postgres://${DB_USERNAME}:${DB_PASSWORD}@${DB_HOST}:${DB_PORT}/${name}`
}

/** A session on the maintenance database holding `template`'s lock until `release()`. */
export interface TemplateLock {
  /** The session, to build the template with. */
  client: Client
  /** The template's comment (what its builder left there), or null when there is no template. */
  comment(): Promise<string | null>
  exists(): Promise<boolean>
  /** Creates `name` as a copy of the template. */
  copyTo(name: string): Promise<void>
  /** Creates the template as a copy of `source`, whose sessions are ended first (Postgres copies no database in use). */
  copyFrom(source: string): Promise<void>
  /** Lets the next spec in: ends the session, which also releases the lock. */
  release(): Promise<void>
}

/** Waits for `template`'s lock. */
export function lockTemplate(template: string): Promise<TemplateLock> {
  return takeLock(template, "pg_advisory_lock") as Promise<TemplateLock>
}

/** `template`'s lock, or null when another session holds it. */
export function tryLockTemplate(template: string): Promise<TemplateLock | null> {
  return takeLock(template, "pg_try_advisory_lock")
}

async function takeLock(template: string, lockFunction: "pg_advisory_lock" | "pg_try_advisory_lock"): Promise<TemplateLock | null> {
  const client = new Client({ connectionString: databaseUrl("postgres") })
  await client.connect()
  try {
    // pg_advisory_lock answers once it has the lock; pg_try_advisory_lock answers at once, false when it is held.
    const { rows } = await client.query(`select ${lockFunction}(hashtext($1)) as locked`, [template])
    if (rows[0].locked === false) {
      await client.end()
      return null
    }
  } catch (error) {
    await client.end().catch(() => {})
    throw error
  }
  const found = () => client.query("select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1", [template])
  return {
    client,
    async comment() {
      return (await found()).rows[0]?.comment ?? null
    },
    async exists() {
      return (await found()).rows.length > 0
    },
    async copyTo(name) {
      await client.query(`create database ${client.escapeIdentifier(name)} template ${client.escapeIdentifier(template)}`)
    },
    async copyFrom(source) {
      const database = client.escapeIdentifier(source)
      await client.query(`alter database ${database} with allow_connections false`)
      try {
        await client.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [source])
        await client.query(`create database ${client.escapeIdentifier(template)} template ${database}`)
      } finally {
        await client.query(`alter database ${database} with allow_connections true`)
      }
    },
    async release() {
      await client.end().catch(() => {})
    },
  }
}

export async function databaseExists(name: string): Promise<boolean> {
  const client = new Client({ connectionString: databaseUrl("postgres") })
  await client.connect()
  try {
    return (await client.query("select 1 from pg_database where datname = $1", [name])).rows.length > 0
  } finally {
    await client.end()
  }
}

export async function dropDatabase(name: string) {
  const client = new Client({ connectionString: databaseUrl("postgres") })
  await client.connect()
  try {
    await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`)
  } finally {
    await client.end()
  }
}
