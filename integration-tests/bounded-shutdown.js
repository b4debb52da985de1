// Medusa's test runner stops each spec file's app with a shutdown that can wait forever: when the
// app's own shutdown (HTTP server, modules, database pool) takes more than 5 s, test-utils logs
// "Error during shutdown:: Timeout" and retries it with no limit (bootstrap-app.js, startApp). In
// rare full runs (about one in three CI runs, never in a targeted one) that happened at the end of
// exchanges.spec.ts, with every test passed, and the afterAll hook failed after 240 s.
//
// This bounds the wait: after 4 s and 30 s (INSTALMENTS_TEST_SHUTDOWN_BOUND_MS) of shutdown it prints what is still open (HTTP requests
// in flight, the database pool, the process's handles), and after 30 s it lets the runner go on
// with the rest of its cleanup (dropping the spec's database). What stayed open is left to jest's
// --forceExit. A real hang is thus reported, with what to look at, instead of failing a passed run.
const http = require("http")
const path = require("path")

/** How long the runner waits for the app's shutdown; integration-tests/http/test-harness.spec.ts lowers it. */
const shutdownBoundMs = () => Number(process.env.INSTALMENTS_TEST_SHUTDOWN_BOUND_MS) || 30_000

/** Requests the test apps have received and not answered yet. */
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
    const pool = container.resolve("__pg_connection__")?.client?.pool
    if (!pool) return "closed"
    return `${pool.numUsed()} in use, ${pool.numFree()} free, ${pool.numPendingAcquires()} waiting, ${pool.numPendingCreates()} being created`
  } catch (error) {
    return `unreadable (${error.message})`
  }
}

function describeHandles() {
  const counts = {}
  for (const handle of process._getActiveHandles()) {
    const name = handle?.constructor?.name ?? typeof handle
    counts[name] = (counts[name] ?? 0) + 1
  }
  return JSON.stringify(counts)
}

function report(label, container) {
  const now = Date.now()
  const requests = [...inFlight].map((r) => `${r.method} ${r.url} (${now - r.started} ms)`).join("; ") || "none"
  const spec = globalThis.expect?.getState?.().testPath ?? ""
  process.stderr.write(
    `\n[bounded-shutdown] ${label} ${spec}\n  requests in flight: ${requests}\n  database pool: ${describePool(container)}\n  handles: ${describeHandles()}\n`,
  )
}

const bootstrap = require(path.join(path.dirname(require.resolve("@medusajs/test-utils")), "medusa-test-runner-utils", "bootstrap-app.js"))
const startApp = bootstrap.startApp
bootstrap.startApp = async (options) => {
  const started = await startApp(options)
  const shutdown = started.shutdown
  started.shutdown = async () => {
    let bound
    const boundMs = shutdownBoundMs()
    const early = setTimeout(() => report("the app's shutdown is still running after 4 s", started.container), 4_000)
    const gaveUp = new Promise((resolve) => {
      bound = setTimeout(() => {
        report(`the app's shutdown is still running after ${boundMs / 1000} s: going on without it`, started.container)
        resolve()
      }, boundMs)
    })
    try {
      return await Promise.race([shutdown(), gaveUp])
    } finally {
      clearTimeout(early)
      clearTimeout(bound)
    }
  }
  return started
}
