#!/usr/bin/env node
// npm run bench:checkout — the same Store-API checkout (cart → address → shipping → payment
// session → complete) with the instalments provider (p3x, tok_visa) and with Medusa's
// pp_system_default, alternated in one run on one server. Prints both medians and the ratio.
// Not a test: it measures. Usage: npm run bench:checkout [-- --rounds 40]
import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { freePort, PG_PASSWORD, PG_USER, startEmbeddedPostgres } from "../scripts/embedded-pg.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const medusa = path.join(root, "node_modules", ".bin", "medusa")
const roundsArg = process.argv.indexOf("--rounds")
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 30
const WARMUP = 5

function run(args, env, quiet = true) {
  return new Promise((resolve, reject) => {
    const child = spawn(medusa, args, { cwd: root, env, stdio: ["ignore", quiet ? "ignore" : "inherit", "inherit"] })
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`medusa ${args.join(" ")} exited ${code}`))))
  })
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "instalments-bench-"))
  fs.chmodSync(dir, 0o755)
  const pgPort = await freePort()
  const port = await freePort()
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: pgPort, persistent: false })
  const url = `postgres://${PG_USER}:${PG_PASSWORD}@localhost:${pgPort}/bench`
  const admin = new pg.Client({ connectionString: url.replace("/bench", "/postgres") })
  await admin.connect()
  await admin.query("create database bench")
  await admin.end()
  const summaryFile = path.join(dir, "store.json")
  const env = {
    ...process.env,
    DATABASE_URL: url,
    PORT: String(port),
    LOG_LEVEL: "error",
    MEDUSA_DISABLE_TELEMETRY: "true",
    MEDUSA_ADMIN_DISABLED: "true",
    DEMO_SUMMARY_FILE: summaryFile,
    NODE_ENV: "development",
  }
  let server
  try {
    process.stdout.write("bench:checkout — migrating and seeding a fresh database ...\n")
    await run(["db:migrate"], env)
    await run(["exec", "./demo/seed.ts"], env)
    const store = JSON.parse(fs.readFileSync(summaryFile, "utf8"))
    server = spawn(medusa, ["start"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"], detached: true })
    const base = `http://localhost:${port}`
    await waitForHealth(base)
    const client = storeClient(base, store.publishable_key)
    const variant = await client.variantOf("office-chair")

    const timings = { instalments: [], system: [] }
    const steps = { instalments: { session: [], complete: [] }, system: { session: [], complete: [] } }
    for (let round = 0; round < WARMUP + ROUNDS; round++) {
      // Alternate the order inside each round so neither provider always runs on a warmer server.
      const order = round % 2 ? ["system", "instalments"] : ["instalments", "system"]
      for (const kind of order) {
        const result = await client.checkout(store.region_id, variant, kind)
        if (round >= WARMUP) {
          timings[kind].push(result.total)
          steps[kind].session.push(result.session)
          steps[kind].complete.push(result.complete)
        }
      }
    }
    const mi = median(timings.instalments)
    const ms = median(timings.system)
    process.stdout.write(
      [
        `rounds: ${ROUNDS} per provider (after ${WARMUP} warm-up rounds), one full Store-API checkout each`,
        `pp_system_default           median ${ms.toFixed(1)} ms  (baseline)`,
        `pp_instalments_instalments  median ${mi.toFixed(1)} ms  (p3x, tok_visa: eligibility, credit decision, first charge, plan + history written)`,
        `ratio instalments / system: ${(mi / ms).toFixed(3)}x`,
        `  of which, medians: payment session ${median(steps.system.session).toFixed(1)} → ${median(steps.instalments.session).toFixed(1)} ms, ` +
          `complete ${median(steps.system.complete).toFixed(1)} → ${median(steps.instalments.complete).toFixed(1)} ms (system → instalments)`,
        "",
      ].join("\n"),
    )
  } finally {
    if (server) {
      try {
        process.kill(-server.pid, "SIGTERM")
      } catch {}
    }
    await postgres.stop().catch(() => {})
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

async function waitForHealth(base) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error("the server did not start")
}

function storeClient(base, key) {
  async function call(method, route, body) {
    const res = await fetch(base + route, {
      method,
      headers: { "x-publishable-api-key": key, "content-type": "application/json" },
      body: body ? JSON.stringify(body) : undefined,
    })
    const json = await res.json()
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(json)}`)
    return json
  }
  return {
    async variantOf(handle) {
      const { products } = await call("GET", `/store/products?handle=${handle}&fields=*variants`)
      return products[0].variants[0].id
    },
    /** One whole checkout; returns its wall time in ms, and that of the session and completion calls. */
    async checkout(regionId, variantId, kind) {
      const started = performance.now()
      const { cart } = await call("POST", "/store/carts", {
        region_id: regionId,
        email: "bench@example.com",
        items: [{ variant_id: variantId, quantity: 1 }],
        shipping_address: { country_code: "fr", first_name: "B", last_name: "Ench", address_1: "1 rue", city: "Paris", postal_code: "75001" },
      })
      const { shipping_options } = await call("GET", `/store/shipping-options?cart_id=${cart.id}`)
      await call("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id })
      const { payment_collection } = await call("POST", "/store/payment-collections", { cart_id: cart.id })
      const session =
        kind === "instalments"
          ? { provider_id: "pp_instalments_instalments", data: { plan: "p3x", card_token: "tok_visa", phone: "+33612345678", locale: "fr" } }
          : { provider_id: "pp_system_default" }
      const sessionStarted = performance.now()
      await call("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, session)
      const completeStarted = performance.now()
      const done = await call("POST", `/store/carts/${cart.id}/complete`)
      const ended = performance.now()
      if (done.type !== "order") throw new Error(`checkout did not place an order: ${JSON.stringify(done)}`)
      return { total: ended - started, session: completeStarted - sessionStarted, complete: ended - completeStarted }
    },
  }
}

main().catch((error) => {
  process.stderr.write(`bench:checkout failed: ${error.stack ?? error}\n`)
  process.exit(1)
})
