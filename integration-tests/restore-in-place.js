// Puts a test's database back in place: only the tables written since the snapshot, in the same
// database, instead of dropping it and copying it again from its template.
//
// Medusa's runner restores the spec's database before every HTTP test (and our shared apps restore
// each file's start, helpers/shared-app.ts): it drops the database and copies its snapshot, a
// template database. The copy is a new database: every pooled connection of the app is ended, and
// the next ones start with Postgres's catalog caches empty, which the test's first requests pay
// for. Measured on sandbox-shop.spec.ts alone (122 tests, one run each, INSTALMENTS_TEST_RESTORE
// below): 154.9 s wall and 161 s of CPU with copies, 125.5 s and 131 s in place. In an earlier
// trial its requests took 91.5 s after copies and 77.8 s after in-place restores (a checkout's
// completion 387 → 344 ms on average, a payment collection 62 → 43 ms).
//
// How it works, in the pg clients of the test file's module registry (this file is loaded by
// setup.js, before the app):
//  - Every statement the app and the test send to the database is read for the tables it writes:
//    `insert into`, `update`, `delete from` (and the tables whose foreign keys cascade from those).
//  - A snapshot (the runner's `createPostgresDatabaseTemplate`) also copies tables and sequences
//    into a schema of the same database (`_restore_<n>`): the first, every non-empty table; a later
//    one, the non-empty tables written since the snapshot the database was restored to (its
//    parent), whose copies it shares for the others. Then the runner makes its template as before:
//    the fallback below needs it.
//  - A restore then runs one transaction on a connection of its own: delete the written tables and
//    insert them back from the snapshot's copies; every sequence back to its value. Foreign keys and
//    triggers are not fired meanwhile (session_replication_role = replica, as a replica applies
//    rows), so the order does not matter and the plugin's append-only guards let the rows go.
//  - Restoring another snapshot than the last (a shared app's file start) also puts back the tables
//    the last one copied, when the other is its parent; else every table non-empty in either.
//  - Anything else (a statement that is not a select, insert, update or delete, such as the fault
//    triggers of test-support/db-faults.ts; a snapshot taken with other tables than the database
//    has now; a snapshot this database does not hold; an error, e.g. a lock still held after 3 s)
//    falls back to the runner's drop and copy, which is exact. A snapshot after such a statement
//    reads the database's tables again.
// Assumptions, checked by integration-tests/http/test-harness/restore-in-place.spec.ts: the app
// writes only through statements (no database function writes, apart from the triggers that
// session_replication_role turns off), through the pg copies patched here.
// INSTALMENTS_TEST_RESTORE=copy turns it off (the runner's copy every time);
// INSTALMENTS_TEST_RESTORE=verify compares every table and sequence with the template after each
// in-place restore and fails the restore on any difference.
const path = require("node:path")
const templates = require(path.join(path.dirname(require.resolve("@medusajs/test-utils")), "medusa-test-runner-utils", "postgres-template.js"))
const { Client, escapeIdentifier: ident, escapeLiteral: literal } = require("@medusajs/framework/pg")
const { databaseUrl } = require("./helpers/database-templates")

const MODE = process.env.INSTALMENTS_TEST_RESTORE ?? "in-place"
const WRITTEN = /\b(?:insert\s+into|update|delete\s+from)\s+(?:only\s+)?(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)"?/gi
const READ_OR_WRITE = /^\s*(?:select|with|insert|update|delete|begin|start\s+transaction|commit|rollback|savepoint|release|set|show)\b/i
/** Only these can write (a `with` through a data-modifying part): the others are not scanned. */
const MAY_WRITE = /^\s*(?:with|insert|update|delete)\b/i

/** What is known of each database restored in this test file, by name. */
const databases = new Map()
/** The snapshots each template database holds (its database's, when it was made), by template name. */
const snapshotsInTemplate = new Map()
/** Snapshots taken in this file: each has a schema of its own (`_restore_<n>`). */
let schemaCount = 0
/** How the last restore went, for the harness test. */
const restores = { last: null }

function database(name) {
  if (!databases.has(name)) {
    databases.set(name, { current: null, written: new Set(), otherStatement: null, snapshots: new Map(), client: null, catalog: null })
  }
  return databases.get(name)
}

/** Notes what `sql`, sent to `name`, writes. */
function track(name, sql) {
  const db = databases.get(name)
  if (!db || typeof sql !== "string") return
  if (!READ_OR_WRITE.test(sql)) {
    db.otherStatement ??= sql.trim().slice(0, 80)
    return
  }
  if (MAY_WRITE.test(sql)) for (const table of tablesWritten(sql)) db.written.add(table)
}

/** The names after `insert into`, `update` and `delete from` (a name that is no table is ignored later). */
function tablesWritten(sql) {
  return [...sql.matchAll(WRITTEN)].map(([, table]) => table.toLowerCase())
}

/** The pg copies the app and the tests use: Medusa's (links, raw queries) and MikroORM's (the modules). */
function pgClients() {
  const clients = new Set([Client])
  try {
    const mikroOrm = path.dirname(require.resolve("@mikro-orm/postgresql/package.json"))
    clients.add(require(require.resolve("pg", { paths: [mikroOrm] })).Client)
  } catch {
    // One pg for both.
  }
  return clients
}

if (MODE !== "copy") {
  for (const PgClient of pgClients()) {
    if (PgClient.prototype.__instalmentsRestoreInPlace) continue
    const query = PgClient.prototype.query
    PgClient.prototype.query = function (text, ...rest) {
      if (!this.__restoring) track(this.database, typeof text === "string" ? text : text?.text)
      return query.call(this, text, ...rest)
    }
    Object.defineProperty(PgClient.prototype, "__instalmentsRestoreInPlace", { value: true })
  }
  const copySnapshot = templates.createPostgresDatabaseTemplate
  const copyBack = templates.restorePostgresDatabaseFromTemplate
  templates.createPostgresDatabaseTemplate = (args) => snapshot(args, copySnapshot)
  templates.restorePostgresDatabaseFromTemplate = (args) => restore(args, copyBack)
}

async function snapshot({ databaseName, templateName }, copySnapshot) {
  const db = database(databaseName)
  const client = await sessionOf(databaseName, db)
  const parent = db.current ? db.snapshots.get(db.current) : null
  const written = takeWritten(db)
  const schemaChanged = db.otherStatement
  db.otherStatement = null
  // Read again after a schema change: a snapshot knows the tables it was taken with.
  if (!db.catalog || schemaChanged) db.catalog = await readCatalog(client)
  // Tables not written since the parent snapshot are the parent's: only the others are copied.
  const shares = parent?.catalog === db.catalog
  const changed = shares ? writtenWithCascades(db, written) : new Set(db.catalog.tables)
  const exists = [...changed].map((table) => `select ${literal(table)} as name where exists (select 1 from public.${ident(table)})`)
  const filled = exists.length ? new Set((await client.query(exists.join(" union all "))).rows.map((row) => row.name)) : new Set()
  const schema = `_restore_${++schemaCount}`
  const sources = new Map()
  if (shares) for (const [table, source] of parent.sources) if (!changed.has(table)) sources.set(table, source)
  for (const table of filled) sources.set(table, schema)
  const { sequences } = db.catalog
  const sequenceValues = sequences.length
    ? sequences.map((sequence) => `select ${literal(sequence)}::text as name, last_value, is_called from public.${ident(sequence)}`).join(" union all ")
    : "select null::text as name, 0::bigint as last_value, false as is_called where false"
  const taken = { schema, sources, catalog: db.catalog, parent, changed }
  const replaced = db.snapshots.get(templateName)
  db.snapshots.set(templateName, taken)
  await client.query(
    [
      `create schema ${schema}`,
      ...[...filled].map((table) => `create unlogged table ${schema}.${ident(table)} as table public.${ident(table)}`),
      `create unlogged table ${schema}._sequences as ${sequenceValues}`,
      ...unusedSchemas(db, replaced).map((unused) => `drop schema ${unused} cascade`),
    ].join(";\n"),
  )
  await copySnapshot({ databaseName, templateName })
  db.client = null // the copy ended the database's sessions
  // The runner replaced the template of that name: no other template's record may bring the old one back.
  for (const held of snapshotsInTemplate.values()) if (held.get(templateName) !== taken) held.delete(templateName)
  snapshotsInTemplate.set(templateName, new Map(db.snapshots))
  db.current = templateName
}

/** The schemas of a replaced snapshot that no snapshot of the database reads any more. */
function unusedSchemas(db, replaced) {
  if (!replaced) return []
  const used = new Set([...db.snapshots.values()].flatMap((taken) => [taken.schema, ...taken.sources.values()]))
  return [...new Set([replaced.schema, ...replaced.sources.values()])].filter((schema) => !used.has(schema))
}

async function restore({ databaseName, templateName }, copyBack) {
  const db = databases.get(databaseName)
  let reason = whyNotInPlace(db, templateName)
  if (!reason) {
    try {
      const tables = await restoreInPlace(databaseName, db, templateName)
      if (MODE === "verify") {
        const differences = await differencesFromTemplate(databaseName, templateName)
        if (differences.length) throw new Error(`restored in place, ${databaseName} differs from ${templateName} in ${differences.join(", ")}`)
      }
      restores.last = { database: databaseName, template: templateName, way: "in place", tables }
      db.current = templateName
      return
    } catch (error) {
      if (MODE === "verify") throw error
      await db.client?.query("rollback").catch(() => {})
      reason = `in place failed: ${error.message}`
    }
  }
  await copyBack({ databaseName, templateName })
  restores.last = { database: databaseName, template: templateName, way: "copy", reason }
  if (db) {
    db.client = null
    db.snapshots = new Map(snapshotsInTemplate.get(templateName) ?? [])
    db.catalog = db.snapshots.get(templateName)?.catalog ?? null
    db.current = db.catalog ? templateName : null
    db.written = new Set()
    db.otherStatement = null
  }
}

function whyNotInPlace(db, templateName) {
  if (!db) return "no snapshot of this database was taken in place"
  if (!db.snapshots.has(templateName)) return `the database holds no copy of ${templateName}`
  if (!db.current) return "the database's state is unknown"
  if (db.otherStatement) return `a statement other than select, insert, update or delete: ${db.otherStatement}`
  if (db.snapshots.get(templateName).catalog !== db.catalog) return `the database's tables are not those of ${templateName}`
  return null
}

/** The tables put back; one transaction. */
async function restoreInPlace(databaseName, db, templateName) {
  const target = db.snapshots.get(templateName)
  const current = db.snapshots.get(db.current)
  const tables = writtenWithCascades(db, takeWritten(db))
  if (current !== target) {
    // The current snapshot differs from its parent in the tables it copied; from any other, in
    // the tables either holds rows in (those empty in both are equal).
    const differ = current.parent === target ? current.changed : new Set([...current.sources.keys(), ...target.sources.keys()])
    for (const table of differ) tables.add(table)
  }
  const client = await sessionOf(databaseName, db)
  const statements = ["begin", "set local lock_timeout = '3s'", "set local session_replication_role = replica"]
  for (const table of tables) statements.push(`delete from public.${ident(table)}`)
  for (const table of tables) {
    const source = target.sources.get(table)
    if (!source) continue // empty in the snapshot
    const { columns, identityAlways } = db.catalog.columns.get(table)
    const list = columns.map(ident).join(", ")
    statements.push(`insert into public.${ident(table)} (${list}) ${identityAlways ? "overriding system value " : ""}select ${list} from ${source}.${ident(table)}`)
  }
  statements.push(`select setval(format('public.%I', name), last_value, is_called) from ${target.schema}._sequences`)
  statements.push("commit")
  await client.query(statements.join(";\n"))
  return tables.size
}

/**
 * The tables written so far; those written from now on (a write racing the snapshot or the
 * restore) are the next restore's.
 */
function takeWritten(db) {
  const written = db.written
  db.written = new Set()
  return written
}

/** The `written` tables, and those whose rows a delete or update of theirs cascades to. */
function writtenWithCascades(db, written) {
  const { tables, cascadesTo } = db.catalog
  const found = new Set()
  const pending = [...written]
  while (pending.length) {
    const table = pending.pop()
    if (found.has(table) || !tables.includes(table)) continue
    found.add(table)
    pending.push(...(cascadesTo.get(table) ?? []))
  }
  return found
}

/** A connected client of our own on database `name` (not the app's pool), whose statements are not tracked. */
async function untrackedClient(name) {
  const client = new Client({ connectionString: databaseUrl(name) })
  client.__restoring = true
  await client.connect()
  return client
}

/** The database's untracked session, kept until the session ends (a copy of the database ends it). */
async function sessionOf(name, db) {
  if (db.client) return db.client
  const client = await untrackedClient(name)
  const forget = () => {
    if (db.client === client) db.client = null
  }
  client.on("error", forget)
  client.on("end", forget)
  db.client = client
  return client
}

async function readCatalog(client) {
  const rows = async (sql) => (await client.query(sql)).rows
  const tables = (await rows(`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r' order by 1`)).map((r) => r.name)
  const sequences = (await rows(`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'S' order by 1`)).map((r) => r.name)
  const cascadesTo = new Map()
  const foreignKeys = await rows(`
    select referenced.relname as referenced, referencing.relname as referencing
    from pg_constraint c
    join pg_class referenced on referenced.oid = c.confrelid
    join pg_class referencing on referencing.oid = c.conrelid
    join pg_namespace n on n.oid = c.connamespace
    where c.contype = 'f' and n.nspname = 'public' and (c.confdeltype in ('c', 'n', 'd') or c.confupdtype in ('c', 'n', 'd'))`)
  for (const { referenced, referencing } of foreignKeys) cascadesTo.set(referenced, [...(cascadesTo.get(referenced) ?? []), referencing])
  const columns = new Map(tables.map((table) => [table, { columns: [], identityAlways: false }]))
  const attributes = await rows(`
    select c.relname as table_name, a.attname as name, a.attgenerated as generated, a.attidentity as identity
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped order by a.attnum`)
  for (const { table_name, name, generated, identity } of attributes) {
    const table = columns.get(table_name)
    if (generated) continue // computed by Postgres on insert
    table.columns.push(name)
    if (identity === "a") table.identityAlways = true
  }
  return { tables, sequences, cascadesTo, columns }
}

/** The tables and sequences whose content differs between two databases (the harness test's check). */
async function differencesFromTemplate(databaseName, templateName) {
  const fingerprint = async (name) => {
    const client = await untrackedClient(name)
    try {
      const { tables, sequences } = await readCatalog(client)
      const parts = tables.map((table) => `select ${literal(table)} as name, count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as content from public.${ident(table)} t`)
      parts.push(...sequences.map((sequence) => `select ${literal(sequence)} as name, last_value::text || ':' || is_called as content from public.${ident(sequence)}`))
      return new Map((await client.query(parts.join(" union all "))).rows.map((row) => [row.name, row.content]))
    } finally {
      await client.end()
    }
  }
  const [restored, template] = await Promise.all([fingerprint(databaseName), fingerprint(templateName)])
  const names = new Set([...restored.keys(), ...template.keys()])
  return [...names].filter((name) => restored.get(name) !== template.get(name)).sort()
}

module.exports = { restores, differencesFromTemplate, tablesWritten }
