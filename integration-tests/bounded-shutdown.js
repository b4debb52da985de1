// Medusa's test runner stops each spec file's app with a shutdown that can wait forever: when the
// app's own shutdown (HTTP server, modules, database pool) takes more than 5 s, test-utils logs
// "Error during shutdown:: Timeout" and retries it with no limit (bootstrap-app.js, startApp). In
// about one full run in three, exchanges.spec.ts ended that way with every test passed: its app
// had one database connection out of the pool and never given back (no request in flight), so
// the pool's destroy waited forever and the afterAll failed after 240 s. The runner drops and
// re-creates the spec's database before each test, killing the connections of whatever the app
// still does in the background; the connection's taker is not known yet.
//
// This bounds the wait: after 4 s of shutdown, and again after 30 s
// (INSTALMENTS_TEST_SHUTDOWN_BOUND_MS), it prints what is still open (HTTP requests in flight, the
// database pool with the test that took each connection still out, the process's handles); after
// 30 s it lets the runner go on with the rest of its cleanup (dropping the spec's database). What
// stayed open is left to jest's --forceExit. A real hang is reported with what to look at, instead
// of failing a passed run.
const http = require("http")
const path = require("path")

/** How long the runner waits for the app's shutdown; integration-tests/http/sandbox-shop.spec.ts lowers it (its last file, test-harness/zz-shutdown, keeps the app from shutting down). */
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

/** Transactions of the test apps not ended yet, with the stack that started each. */
const openTransactions = new Map()

/** An Error holding the `frames` innermost frames of where it was made (jest's own limit is 100). */
function stackOf(message, frames) {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = frames
  try {
    return new Error(message)
  } finally {
    Error.stackTraceLimit = limit
  }
}

/**
 * Which test took each connection now out of the app's pool, and when, so that a connection never
 * given back names its taker in the report. Not a stack: the app takes a connection for nearly
 * every query, and capturing a stack each time (even 14 frames) was 1-2 % of an HTTP spec's CPU.
 */
function watchPool(container) {
  const holders = new Map()
  holders.openTransactions = openTransactions
  try {
    const client = container.resolve("__pg_connection__")?.client
    if (!client) return holders
    const acquire = client.acquireConnection.bind(client)
    const release = client.releaseConnection.bind(client)
    client.acquireConnection = async (...args) => {
      const connection = await acquire(...args)
      holders.set(connection, { test: globalThis.expect?.getState?.().currentTestName ?? "(no test running)", at: new Date() })
      return connection
    }
    client.releaseConnection = (connection, ...args) => {
      holders.delete(connection)
      return release(connection, ...args)
    }
    // A connection out of the pool for good is usually a transaction that never ended: keep where
    // each open transaction was started (with a deep stack: the caller's awaited chain).
    const transaction = client.transaction.bind(client)
    client.transaction = (...args) => {
      const startedHere = stackOf("started here", 40)
      const trx = transaction(...args)
      openTransactions.set(trx, startedHere)
      const ended = () => openTransactions.delete(trx)
      trx._promise?.then(ended, ended)
      return trx
    }
  } catch {
    // No pool to watch: the report says so.
  }
  return holders
}

/**
 * The stack of `error` without its own line and the frames of stackOf and the wrapper. Formatted
 * only here, in a report: the Error is kept as it was made, because formatting a stack (through
 * jest's source maps) on every connection and transaction cost a fifth of an HTTP spec's CPU time.
 */
function callers(error) {
  return error.stack.split("\n").slice(3).join("\n")
}

function describePool(container, holders) {
  try {
    const pool = container.resolve("__pg_connection__")?.client?.pool
    if (!pool) return "closed"
    const taken = [...holders.values()].map(({ test, at }) => `\n    a connection taken at ${at.toISOString()} by: ${test}`).join("")
    const open = [...openTransactions.values()].map((error) => `\n    a transaction not ended, started at:\n${callers(error)}`).join("")
    return `${pool.numUsed()} in use, ${pool.numFree()} free, ${pool.numPendingAcquires()} waiting, ${pool.numPendingCreates()} being created${taken}${open}`
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

function report(label, container, holders) {
  const now = Date.now()
  const requests = [...inFlight].map((r) => `${r.method} ${r.url} (${now - r.started} ms)`).join("; ") || "none"
  const spec = globalThis.expect?.getState?.().testPath ?? ""
  process.stderr.write(
    `\n[bounded-shutdown] ${label} ${spec}\n  requests in flight: ${requests}\n  database pool: ${describePool(container, holders)}\n  handles: ${describeHandles()}\n`,
  )
}

const bootstrap = require(path.join(path.dirname(require.resolve("@medusajs/test-utils")), "medusa-test-runner-utils", "bootstrap-app.js"))
const startApp = bootstrap.startApp
bootstrap.startApp = async (options) => {
  const started = await startApp(options)
  const holders = watchPool(started.container)
  const shutdown = started.shutdown
  started.shutdown = async () => {
    let bound
    const boundMs = shutdownBoundMs()
    const early = setTimeout(() => report("the app's shutdown is still running after 4 s", started.container, holders), 4_000)
    const gaveUp = new Promise((resolve) => {
      bound = setTimeout(() => {
        report(`the app's shutdown is still running after ${boundMs / 1000} s: going on without it`, started.container, holders)
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
