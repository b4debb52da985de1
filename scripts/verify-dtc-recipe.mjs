#!/usr/bin/env node
// Verifies docs/storefront-recipe.md ("Add instalments to Medusa's storefront") the way a store owner applies it,
// on a checkout of Medusa's dtc-starter that you fetched yourself (this script fetches nothing from
// GitHub). Not part of `npm test`: it installs the starter from the npm registry and takes minutes.
//
//  1. packs this plugin (`npm run build`, `npm pack`), unless --tarball names a packed one;
//  2. installs the starter's storefront with the pnpm its package.json names, then the tarball;
//  3. applies the recipe exactly as docs/storefront-recipe.md writes it: every new file verbatim, every change
//     with `git apply` of its diffs, and the .env.local it lists;
//  4. type-checks the storefront (tsc), starts the demo store (`scripts/demo.mjs`) unless
//     --store-url and --publishable-key name a running one, and starts `next dev`;
//  5. in Chromium (playwright-core): the product page's badge, a p3x checkout with the sandbox card
//     tok_visa, the confirmation with its schedule, compared to the cent with the admin's plan; then,
//     with the demo store only, an Alma checkout through `npm run fake-alma`'s page and back.
//     Screenshots go to --shots (look at them).
// Each step prints its time. Everything it starts is stopped at the end.
//
//   node scripts/verify-dtc-recipe.mjs /path/to/dtc-starter [--port 8000] [--store-port 9000]
//        [--alma-port 4010] [--tarball medusa-instalments-x.tgz] [--shots dir]
//        [--store-url URL --publishable-key pk_…]
//
// The starter's checkout is changed in place: start from a fresh one (`git stash -u` undoes it).
import { execFileSync, spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { parseArgs } from "node:util"
import { recipeOf } from "./verify-dtc-recipe/readme-recipe.mjs"
import { almaCheckout, checkout } from "./verify-dtc-recipe/journey.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: "string", default: "8000" },
    "store-port": { type: "string", default: "9000" },
    "alma-port": { type: "string", default: "4010" },
    tarball: { type: "string" },
    shots: { type: "string", default: path.join(os.tmpdir(), "dtc-recipe-shots") },
    "store-url": { type: "string" },
    "publishable-key": { type: "string" },
    "no-typecheck": { type: "boolean", default: false },
  },
})
const starter = positionals[0] && path.resolve(positionals[0])
if (!starter || !fs.existsSync(path.join(starter, "apps/storefront/package.json"))) {
  console.error("Usage: node scripts/verify-dtc-recipe.mjs <checkout of medusajs/dtc-starter> (it has apps/storefront)")
  process.exit(2)
}
const storefront = path.join(starter, "apps/storefront")
const port = Number(flags.port)
const children = []

function log(message) {
  process.stdout.write(`[verify-dtc] ${message}\n`)
}

async function step(name, work) {
  const started = Date.now()
  log(`${name} ...`)
  const result = await work()
  log(`${name}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return result
}

function run(command, args, options = {}) {
  execFileSync(command, args, { stdio: "inherit", ...options, env: { ...process.env, ...options.env } })
}

/** pnpm at the version the starter pins (packageManager), from the npm registry. */
function pnpm(args, cwd = starter) {
  const pinned = JSON.parse(fs.readFileSync(path.join(starter, "package.json"), "utf8")).packageManager ?? "pnpm@10"
  run("npx", ["--yes", pinned, ...args], { cwd })
}

/** Starts a long-running process in its own group, resolves once `ready(output)` is true. */
function start(name, command, args, options, ready, timeoutMs = 600_000) {
  const child = spawn(command, args, { ...options, detached: true, stdio: ["ignore", "pipe", "pipe"] })
  children.push(child)
  const logFile = fs.createWriteStream(path.join(flags.shots, `${name}.log`))
  let output = ""
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} was not ready within ${timeoutMs / 1000} s (see ${name}.log)`)), timeoutMs)
    const read = (chunk) => {
      logFile.write(chunk)
      output += chunk.toString()
      if (ready(output)) {
        clearTimeout(timer)
        resolve(output)
      }
    }
    child.stdout.on("data", read)
    child.stderr.on("data", read)
    child.on("exit", (code) => reject(new Error(`${name} exited (${code}) before it was ready (see ${name}.log)`)))
  })
}

async function stopAll() {
  for (const child of children.reverse()) {
    if (child.exitCode !== null) continue
    const exited = new Promise((resolve) => child.on("exit", resolve))
    try {
      process.kill(-child.pid, "SIGINT")
    } catch {}
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, "SIGKILL")
      } catch {}
    }, 20_000)
    await exited
    clearTimeout(timer)
  }
}

async function pack() {
  if (flags.tarball) return path.resolve(flags.tarball)
  run("npm", ["run", "build"], { cwd: root })
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "mi-pack-"))
  run("npm", ["pack", "--ignore-scripts", "--pack-destination", out], { cwd: root })
  return path.join(out, fs.readdirSync(out).find((f) => f.endsWith(".tgz")))
}

/** The demo store of this repository with the fake Alma, or the store named on the command line. */
async function store() {
  if (flags["store-url"] && flags["publishable-key"]) return { url: flags["store-url"], publishableKey: flags["publishable-key"] }
  const storePort = flags["store-port"]
  const almaRoot = `http://localhost:${flags["alma-port"]}`
  await start("fake-alma", process.execPath, [path.join(root, "scripts/fake-alma.mjs")], {
    cwd: root,
    env: { ...process.env, ALMA_FAKE_PORT: flags["alma-port"] },
  }, (output) => output.includes("hosted page"), 60_000)
  await start("demo-store", process.execPath, [path.join(root, "scripts/demo.mjs")], {
    cwd: root,
    env: {
      ...process.env,
      PORT: storePort,
      STORE_CORS: `http://localhost:${port}`,
      ALMA_API_ROOT: almaRoot,
      // The storefront's return page is on this origin (the recipe adds /<country>/checkout/alma-return).
      ALMA_RETURN_URL: `http://localhost:${port}/checkout/alma-return`,
    },
  }, (output) => output.includes("Publishable key"))
  const saved = JSON.parse(fs.readFileSync(path.join(root, ".demo/store.json"), "utf8"))
  return { url: `http://localhost:${storePort}`, publishableKey: saved.publishable_key, admin: saved, alma: true }
}

async function main() {
  fs.mkdirSync(flags.shots, { recursive: true })
  const recipe = recipeOf(fs.readFileSync(path.join(root, "docs", "storefront-recipe.md"), "utf8"))
  log(`recipe: ${recipe.files.length} new files, ${recipe.diffs.length} diffs`)
  const tarball = await step("pack the plugin", pack)
  await step("install the storefront (pnpm)", () => {
    pnpm(["install", "--frozen-lockfile", "--filter", "@dtc/storefront...", "--filter", "."])
    pnpm(["--filter", "@dtc/storefront", "add", tarball])
  })
  await step("apply the recipe", () => {
    for (const file of recipe.files) {
      fs.mkdirSync(path.dirname(path.join(starter, file.path)), { recursive: true })
      fs.writeFileSync(path.join(starter, file.path), file.text)
    }
    for (const diff of recipe.diffs) run("git", ["apply", "--verbose", "-"], { cwd: starter, input: diff, stdio: ["pipe", "inherit", "inherit"] })
  })
  if (!flags["no-typecheck"]) await step("type-check the storefront (tsc)", () => run("npx", ["tsc", "--noEmit", "-p", "."], { cwd: storefront }))
  const medusa = await step("start the demo store", store)
  fs.writeFileSync(
    path.join(storefront, ".env.local"),
    recipe.env
      .replace(/^NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY=.*$/m, `NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY=${medusa.publishableKey}`)
      .replace(/^NEXT_PUBLIC_MEDUSA_BACKEND_URL=.*$/m, `NEXT_PUBLIC_MEDUSA_BACKEND_URL=${medusa.url}`)
      .replace(/^NEXT_PUBLIC_BASE_URL=.*$/m, `NEXT_PUBLIC_BASE_URL=http://localhost:${port}`),
  )
  await step("start the storefront (next dev)", () =>
    start("next-dev", path.join(storefront, "node_modules/.bin/next"), ["dev", "--turbopack", "-p", String(port)], {
      cwd: storefront,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    }, (output) => /Ready in/.test(output)),
  )
  const storefrontUrl = `http://localhost:${port}`
  await step("check out in Chromium (p3x, test card)", () => checkout({ storefront: storefrontUrl, medusa, shots: flags.shots, log }))
  if (medusa.alma) await step("check out in Chromium (Alma, fake Alma's page)", () => almaCheckout({ storefront: storefrontUrl, shots: flags.shots, log }))
  log(`screenshots in ${flags.shots}`)
}

let failed = false
try {
  await main()
} catch (error) {
  failed = true
  console.error(`[verify-dtc] FAILED: ${error.stack ?? error}`)
} finally {
  await stopAll()
}
process.exit(failed ? 1 : 0)
