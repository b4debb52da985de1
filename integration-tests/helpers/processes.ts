/**
 * Medusa as separate processes, for the multi-process test and the browser tests' demo store
 * (browser/support/demo-server.ts): `medusa <command>` run to its end
 * (migrations, the seed) and `medusa start` kept running (a server or the worker), straight from
 * this repository's TypeScript sources, as `npm start` and the benches run it (no build: the
 * admin is disabled, or served through Vite with NODE_ENV=development). Every started process is
 * its own process group, so `stop()` ends it and the children it started; what it printed last is
 * kept for the error messages.
 */
import { spawn, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"

const ROOT = path.resolve(__dirname, "../..")
const MEDUSA = path.join(ROOT, "node_modules", ".bin", "medusa")
const KEEP_OUTPUT = 6000

/**
 * Where Medusa's CLI keeps its settings (configstore under XDG_CONFIG_HOME), for the processes the
 * tests start: telemetry off. MEDUSA_DISABLE_TELEMETRY stops the CLI from recording events, but it
 * still forks a sender process at the end of every command (3 s of CPU over a run) and writes
 * `telemetry.enabled: true` and a machine id into the user's own ~/.config/medusa.
 */
function cliSettingsHome(): string {
  const home = path.join(os.tmpdir(), "medusa-instalments-tests-cli")
  const file = path.join(home, "medusa", "config.json")
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    // Written whole or not at all: another jest worker may be reading it.
    const draft = `${file}.${process.pid}`
    fs.writeFileSync(draft, JSON.stringify({ telemetry: { enabled: false } }))
    fs.renameSync(draft, file)
  }
  return home
}

function cliEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, XDG_CONFIG_HOME: cliSettingsHome() }
}

export interface MedusaProcess {
  name: string
  base: string
  pid: number
  /** The last lines it printed (stdout and stderr). */
  output(): string
  stop(): Promise<void>
}

/** `medusa <args>` to its end; rejects with its last output when it fails. */
export function runMedusa(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(MEDUSA, args, { cwd: ROOT, env: cliEnv(env), stdio: ["ignore", "pipe", "pipe"] })
    const output = keepTail(child)
    child.on("error", reject)
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`medusa ${args.join(" ")} exited ${code}:\n${output()}`))))
  })
}

/** `medusa start` on `port` (its mode and the rest in `env`); answers once it is listening. */
export async function startMedusa(name: string, port: number, env: NodeJS.ProcessEnv, timeoutMs = 240_000): Promise<MedusaProcess> {
  const child = spawn(MEDUSA, ["start"], { cwd: ROOT, env: cliEnv({ ...env, PORT: String(port) }), stdio: ["ignore", "pipe", "pipe"], detached: true })
  const output = keepTail(child)
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()))
  const proc: MedusaProcess = {
    name,
    base: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      signalGroup(child, "SIGTERM")
      const timer = setTimeout(() => signalGroup(child, "SIGKILL"), 10_000)
      await exited
      clearTimeout(timer)
    },
  }
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} (medusa start) exited ${child.exitCode}:\n${output()}`)
    if (await answers(`${proc.base}/health`)) return proc
    if (Date.now() > deadline) {
      await proc.stop()
      throw new Error(`${name} did not answer /health within ${timeoutMs / 1000} s:\n${output()}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-(child.pid as number), signal)
  } catch {
    // already gone
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok
  } catch {
    return false
  }
}

function keepTail(child: ChildProcess): () => string {
  let tail = ""
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-KEEP_OUTPUT)
  }
  child.stdout?.on("data", keep)
  child.stderr?.on("data", keep)
  return () => tail
}
