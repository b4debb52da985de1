#!/usr/bin/env node
// `npm test`: the type check and every jest test, side by side instead of one after the other.
// jest's workers spend part of their time waiting on Postgres: run together, the two finish sooner
// on two cores than in sequence. The type check's output is kept until jest is done, so the two do
// not interleave; the command fails when either fails.
import { spawn } from "node:child_process"
import path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const bin = (name) => path.join(root, "node_modules", ".bin", name)

function run(command, args, { env = process.env, quiet = false } = {}) {
  return new Promise((resolve) => {
    const output = []
    const child = spawn(command, args, { cwd: root, env, stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit" })
    if (quiet) {
      child.stdout.on("data", (chunk) => output.push(chunk))
      child.stderr.on("data", (chunk) => output.push(chunk))
    }
    child.on("error", (error) => resolve({ code: 1, output: Buffer.from(String(error)) }))
    child.on("exit", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output: Buffer.concat(output) }))
  })
}

const typecheck = run("npm", ["run", "--silent", "typecheck"], { quiet: true })
const jestEnv = {
  ...process.env,
  LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
  MEDUSA_DISABLE_TELEMETRY: "true",
  NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules"].filter(Boolean).join(" "),
}
const jest = await run(bin("jest"), ["--forceExit", ...process.argv.slice(2)], { env: jestEnv })
const types = await typecheck
if (types.code !== 0) {
  process.stdout.write(`\nType check (npm run typecheck) failed:\n${types.output}`)
} else {
  process.stdout.write("\nType check (npm run typecheck): no error.\n")
}
process.exit(jest.code !== 0 ? jest.code : types.code)
