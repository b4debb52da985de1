#!/usr/bin/env node
// npm run db:generate — regenerates the plugin module's migrations from its DML models.
// `medusa plugin:db:generate` needs a Postgres to diff against: this starts a throw-away one.
import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { freePort, PG_PASSWORD, PG_USER, startEmbeddedPostgres } from "./embedded-pg.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "instalments-dbgen-"))
fs.chmodSync(dir, 0o755)
const port = await freePort()
const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port, persistent: false })
const code = await new Promise((resolve) => {
  const child = spawn(path.join(root, "node_modules", ".bin", "medusa"), ["plugin:db:generate"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, DB_HOST: "localhost", DB_PORT: String(port), DB_USERNAME: PG_USER, DB_PASSWORD: PG_PASSWORD },
  })
  child.on("exit", resolve)
})
await postgres.stop().catch(() => {})
fs.rmSync(dir, { recursive: true, force: true })
process.exit(code ?? 1)
