// Diagnostics for Medusa's test-app shutdown (temporary while a rare teardown hang is chased).
// When the app's shutdown takes more than 4 s, prints what is still open: HTTP requests in flight,
// the database pool's connections, and the process's handles.
const http = require("http")
const path = require("path")

const inFlight = new Set()
if (!http.Server.prototype.__instalmentsWatched) {
  const emit = http.Server.prototype.emit
  http.Server.prototype.emit = function (event, ...args) {
    if (event === "request") {
      const [req, res] = args
      const entry = { method: req.method, url: req.url, started: Date.now() }
      inFlight.add(entry)
      res.on("close", () => inFlight.delete(entry))
    }
    return emit.call(this, event, ...args)
  }
  http.Server.prototype.__instalmentsWatched = true
}

function describePool(container) {
  try {
    const knex = container.resolve("__pg_connection__")
    const pool = knex?.client?.pool
    if (!pool) return "no pool"
    return `used ${pool.numUsed()} free ${pool.numFree()} pendingAcquires ${pool.numPendingAcquires()} pendingCreates ${pool.numPendingCreates()}`
  } catch (e) {
    return `pool unreadable: ${e.message}`
  }
}

function handles() {
  const counts = {}
  for (const h of process._getActiveHandles()) {
    const name = h?.constructor?.name ?? typeof h
    counts[name] = (counts[name] ?? 0) + 1
  }
  return JSON.stringify(counts)
}

function dump(label, container) {
  const now = Date.now()
  const requests = [...inFlight].map((r) => `${r.method} ${r.url} (${now - r.started} ms)`).join("; ") || "none"
  process.stderr.write(
    `\n[shutdown-watch] ${label} ${globalThis.expect?.getState?.().testPath ?? ""}\n` +
      `  requests in flight: ${requests}\n  pool: ${describePool(container)}\n  handles: ${handles()}\n`,
  )
}

const bootstrapPath = path.join(path.dirname(require.resolve("@medusajs/test-utils")), "medusa-test-runner-utils", "bootstrap-app.js")
const bootstrap = require(bootstrapPath)
const startApp = bootstrap.startApp
bootstrap.startApp = async (options) => {
  const started = await startApp(options)
  const shutdown = started.shutdown
  started.shutdown = async () => {
    const timers = [Number(process.env.SHUTDOWN_WATCH_FIRST_MS ?? 4_000), 30_000, 120_000].map((ms) => setTimeout(() => dump(`shutdown still running after ${ms} ms`, started.container), ms))
    try {
      return await shutdown()
    } finally {
      timers.forEach(clearTimeout)
    }
  }
  return started
}
