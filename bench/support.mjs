// What the benches share: a throw-away database (embedded Postgres, or your own server), the
// environment Medusa runs with, `medusa <command>` as a child process, a started server, medians.
import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { freePort, PG_PASSWORD, PG_USER, startEmbeddedPostgres } from "../scripts/embedded-pg.mjs"

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const medusa = path.join(root, "node_modules", ".bin", "medusa")

/**
 * A fresh database `name` in a temporary folder: on `ownServerUrl` (postgres://user:pass@host:port,
 * kept afterwards for EXPLAIN) or else on a throw-away embedded Postgres. `stop()` removes it all.
 * `statementCounts` (embedded only) loads pg_stat_statements, for `countStatements`.
 */
export async function benchDatabase(name, ownServerUrl, { statementCounts = false } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "instalments-bench-"))
  fs.chmodSync(dir, 0o755)
  const pgPort = ownServerUrl ? undefined : await freePort()
  const extraFlags = statementCounts ? ["-c", "shared_preload_libraries=pg_stat_statements", "-c", "pg_stat_statements.track=top"] : []
  const postgres = ownServerUrl ? undefined : await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: pgPort, persistent: false, extraFlags })
  const server = ownServerUrl ? ownServerUrl.replace(/\/$/, "") : `postgres://${PG_USER}:${PG_PASSWORD}@localhost:${pgPort}`
  const admin = new pg.Client({ connectionString: `${server}/postgres` })
  await admin.connect()
  await admin.query(`drop database if exists ${name} with (force)`)
  await admin.query(`create database ${name}`)
  await admin.end()
  return {
    dir,
    url: `${server}/${name}`,
    async stop() {
      await postgres?.stop().catch(() => {})
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Medusa's environment for a bench: quiet, no admin build, no telemetry, on `url`. */
export function benchEnv(url, extra = {}) {
  return {
    ...process.env,
    DATABASE_URL: url,
    LOG_LEVEL: "error",
    MEDUSA_DISABLE_TELEMETRY: "true",
    MEDUSA_ADMIN_DISABLED: "true",
    NODE_ENV: "development",
    ...extra,
  }
}

/** `medusa <args>`; its output is dropped, or handed line by line to `onLine`. */
export function runMedusa(args, env, onLine) {
  return new Promise((resolve, reject) => {
    const child = spawn(medusa, args, { cwd: root, env, stdio: ["ignore", onLine ? "pipe" : "ignore", "inherit"] })
    let buffer = ""
    child.stdout?.on("data", (chunk) => {
      buffer += chunk
      let newline
      while ((newline = buffer.indexOf("\n")) >= 0) {
        onLine(buffer.slice(0, newline))
        buffer = buffer.slice(newline + 1)
      }
    })
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`medusa ${args.join(" ")} exited ${code}`))))
  })
}

/** `medusa start` on `port`, answering once /health does; `stop()` ends it and its children; `pid` is its process. */
export async function startServer(env, port) {
  const server = spawn(medusa, ["start"], { cwd: root, env: { ...env, PORT: String(port) }, stdio: ["ignore", "ignore", "inherit"], detached: true })
  const base = `http://localhost:${port}`
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) break
    } catch {}
    if (i >= 360) throw new Error("the server did not start")
    await new Promise((r) => setTimeout(r, 500))
  }
  return {
    base,
    pid: server.pid,
    stop() {
      try {
        process.kill(-server.pid, "SIGTERM")
      } catch {}
    },
  }
}

/**
 * Counts the SQL statements the database runs (all clients): `total()` is the running count, its own
 * queries excluded. Needs a database from `benchDatabase(..., { statementCounts: true })`.
 */
export async function countStatements(url) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query("create extension if not exists pg_stat_statements")
  return {
    async total() {
      const { rows } = await client.query("select coalesce(sum(calls), 0)::bigint as calls from pg_stat_statements where query not like '%pg_stat_statements%'")
      return Number(rows[0].calls)
    },
    end: () => client.end().catch(() => {}),
  }
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export { freePort }
