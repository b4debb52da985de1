/**
 * A throw-away Redis for the multi-process test and `bench:collect --workers`: Debian's
 * `redis-server`, started on a free loopback port with its data in a temp folder, and stopped.
 *
 * Where the binary comes from: no npm package ships a prebuilt redis-server inside its tarball
 * (redis-memory-server downloads and compiles Redis's source at install time, which only the npm
 * registry being reachable rules out), so it is Debian's package. When `redis-server` is not on
 * PATH and the process is root with apt-get (this project's machines and CI), it is installed with
 * `apt-get install -y redis-server`, after an `apt-get update` if the package lists are empty or old.
 * Elsewhere the error says how to install it.
 *
 * CommonJS, so that both jest's TypeScript specs and the benches' ES modules can load it.
 */
const { spawn, spawnSync } = require("node:child_process")
const fs = require("node:fs")
const net = require("node:net")
const os = require("node:os")
const path = require("node:path")
const { freePort } = require("./free-port")

/** The `redis-server` found on PATH, or undefined. */
function findRedisServer(env = process.env) {
  for (const dir of (env.PATH || "").split(path.delimiter)) {
    if (!dir) continue
    const candidate = path.join(dir, "redis-server")
    try {
      fs.accessSync(candidate, fs.constants.X_OK)
      return candidate
    } catch {}
  }
  for (const candidate of ["/usr/bin/redis-server", "/usr/sbin/redis-server", "/usr/local/bin/redis-server"]) {
    if (fs.existsSync(candidate)) return candidate
  }
  return undefined
}

/**
 * The path of `redis-server`, installing Debian's package first when it is missing and this
 * process may (root, apt-get present). `log` receives one line per step taken.
 */
function ensureRedisServer(log = () => {}) {
  const found = findRedisServer()
  if (found) return found
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0
  const aptGet = findOnPath("apt-get")
  if (!isRoot || !aptGet) {
    throw new Error(
      "redis-server is not installed, and this process cannot install it (it needs root and apt-get). " +
        "Install Redis 7 (Debian/Ubuntu: sudo apt-get install -y redis-server; macOS: brew install redis) and run again.",
    )
  }
  // policy-rc.d-less containers would start Debian's own redis service on port 6379 at install:
  // RUNLEVEL=1 makes invoke-rc.d leave it stopped (the tests start their own on a free port).
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive", RUNLEVEL: "1" }
  const install = () => spawnSync(aptGet, ["install", "-y", "--no-install-recommends", "redis-server"], { env, encoding: "utf8" })
  log("redis-server is missing: apt-get install -y redis-server ...")
  let result = install()
  if (result.status !== 0) {
    log("apt-get install failed; apt-get update, then once more ...")
    spawnSync(aptGet, ["update"], { env, encoding: "utf8" })
    result = install()
  }
  const installed = findRedisServer()
  if (result.status !== 0 || !installed) {
    throw new Error(`apt-get install -y redis-server failed (exit ${result.status}): ${(result.stderr || "").trim().slice(-2000)}`)
  }
  return installed
}

function findOnPath(name) {
  for (const dir of (process.env.PATH || "").split(path.delimiter)) {
    if (dir && fs.existsSync(path.join(dir, name))) return path.join(dir, name)
  }
  return undefined
}

/**
 * Starts a redis-server of its own: loopback only, a free port, no persistence, data folder in
 * the temp folder. Answers once Redis answers PING; `stop()` ends it and removes its folder.
 */
async function startRedis({ log = () => {}, timeoutMs = 30_000 } = {}) {
  const binary = ensureRedisServer(log)
  const port = await freePort()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "instalments-redis-"))
  const child = spawn(
    binary,
    ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode", "yes", "--logfile", ""],
    { stdio: ["ignore", "pipe", "pipe"] },
  )
  let output = ""
  child.stdout.on("data", (chunk) => (output = (output + chunk).slice(-4000)))
  child.stderr.on("data", (chunk) => (output = (output + chunk).slice(-4000)))
  const exited = new Promise((resolve) => child.once("exit", resolve))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM")
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000)
      await exited
      clearTimeout(timer)
    }
    fs.rmSync(dir, { recursive: true, force: true })
  }
  const deadline = Date.now() + timeoutMs
  while (!(await pong(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop()
      throw new Error(`redis-server did not answer on 127.0.0.1:${port}: ${output.trim()}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return { url: `redis://127.0.0.1:${port}`, port, pid: child.pid, stop }
}

/** Whether a Redis answers PING on the port (raw RESP, no client library needed). */
function pong(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port })
    let answer = ""
    const done = (ok) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(1000, () => done(false))
    socket.on("error", () => done(false))
    socket.on("connect", () => socket.write("PING\r\n"))
    socket.on("data", (chunk) => {
      answer += chunk
      if (answer.includes("\r\n")) done(answer.startsWith("+PONG"))
    })
  })
}

/**
 * The keys matching `pattern` on the Redis at `port` (KEYS: for tests only, never on a production
 * Redis). Lets a test see that Medusa's modules really went through this Redis.
 */
function redisKeys(port, pattern) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: "127.0.0.1", port })
    let buffer = ""
    socket.setTimeout(5000, () => {
      socket.destroy()
      reject(new Error("Redis did not answer KEYS"))
    })
    socket.on("error", reject)
    socket.on("connect", () => socket.write(`*2\r\n$4\r\nKEYS\r\n$${Buffer.byteLength(pattern)}\r\n${pattern}\r\n`))
    socket.on("data", (chunk) => {
      buffer += chunk
      const keys = parseBulkArray(buffer)
      if (keys) {
        socket.destroy()
        resolve(keys)
      }
    })
  })
}

/** A RESP array of bulk strings once whole, else undefined (more is coming). */
function parseBulkArray(text) {
  const lines = text.split("\r\n")
  if (!lines[0].startsWith("*") || lines.length < 2) return undefined
  const count = Number(lines[0].slice(1))
  if (lines.length < 1 + 2 * count + 1) return undefined
  return Array.from({ length: count }, (_, k) => lines[2 + 2 * k])
}

module.exports = { findRedisServer, ensureRedisServer, startRedis, redisKeys }
