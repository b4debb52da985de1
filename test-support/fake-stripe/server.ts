/**
 * The fake Stripe served over HTTP on loopback (node:http), for the official SDK:
 *
 *   const fake = await startFakeStripe({ apiKey: "sk_test_fake" })
 *   const stripe = new Stripe("sk_test_fake", fake.clientOptions)
 *
 * It checks the secret key, answers in Stripe's JSON shapes and error bodies, and keeps
 * idempotency keys as Stripe documents them: the same key with the same parameters replays the
 * first answer (header `Idempotent-Replayed: true`), with other parameters it is a 400
 * `idempotency_error`; answers to requests refused before they ran (400, 401, 404) are not kept.
 */
import http from "node:http"
import type { AddressInfo } from "node:net"
import { FakeStripeError } from "./errors"
import { authenticate } from "./intents"
import { parseForm } from "./params"
import { openDispute } from "./refunds"
import { expanded, routeFor } from "./routes"
import { type FakeEvent, FakeStripeState, type FakeStripeOptions } from "./state"
import { signedWebhook } from "./webhooks"

type Answer = { status: number; body: object }

/** What each injected fault answers (a disconnect answers nothing). */
const FAULTS: Record<Exclude<FakeFault, "disconnect">, [number, object]> = {
  server_error: [500, { error: { type: "api_error", message: "fake Stripe: injected server error" } }],
  rate_limited: [429, { error: { type: "invalid_request_error", code: "rate_limit", message: "fake Stripe: injected rate limit" } }],
  // Another request with the same idempotency key is still running.
  key_in_use: [409, { error: { type: "invalid_request_error", code: "idempotency_key_in_use", message: "There is currently another in-progress request using this idempotency key." } }],
}
type Saved = { fingerprint: string; answer: Answer }
/** A fault the next requests meet (tests of transient errors). */
export type FakeFault = "server_error" | "rate_limited" | "disconnect" | "key_in_use"

export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>

export async function startFakeStripe(options: FakeStripeOptions & { port?: number }) {
  const state = new FakeStripeState(options)
  const idempotency = new Map<string, Saved>()
  const faults: FakeFault[] = []
  const requests: Array<{ method: string; path: string; idempotencyKey: string | null }> = []

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const url = new URL(req.url ?? "/", "http://fake")
    const method = req.method ?? "GET"
    const key = headerOf(req, "idempotency-key")
    requests.push({ method, path: url.pathname, idempotencyKey: key })
    const fault = faults.shift()
    if (fault === "disconnect") return void req.socket.destroy()
    if (fault) return send(res, ...FAULTS[fault])
    if (headerOf(req, "authorization") !== `Bearer ${state.apiKey}`) {
      return send(res, 401, { error: { type: "invalid_request_error", message: "Invalid API Key provided" } })
    }
    const body = Buffer.concat(chunks).toString("utf8")
    const params = parseForm(method === "GET" ? url.search.slice(1) : body)
    const fingerprint = `${method} ${url.pathname} ${[...new URLSearchParams(body)].map(([k, v]) => `${k}=${v}`).sort().join("&")}`
    const saved = key && method === "POST" ? idempotency.get(key) : undefined
    if (saved) {
      if (saved.fingerprint !== fingerprint) {
        return send(res, 400, {
          error: { type: "idempotency_error", message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.` },
        })
      }
      return send(res, saved.answer.status, saved.answer.body, { "Idempotent-Replayed": "true" })
    }
    const answer = answerOf(state, method, url.pathname, params)
    if (key && method === "POST" && (answer.status === 200 || answer.status === 402)) idempotency.set(key, { fingerprint, answer })
    send(res, answer.status, answer.body, key ? { "Idempotency-Key": key } : {})
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo

  return {
    state,
    port,
    /** Options for `new Stripe(key, …)` that point the SDK at this fake (no retries: tests stay deterministic). */
    clientOptions: { host: "127.0.0.1", port, protocol: "http" as const, maxNetworkRetries: 0 },
    /** The requests received, oldest first. */
    requests,
    /** The next requests fail with these faults, one each, before doing anything. */
    failNext: (...next: FakeFault[]) => void faults.push(...next),
    /** The shopper passes or fails the 3-D Secure challenge of an intent (Stripe.js's part). */
    authenticate: (intentId: string, outcome: "succeed" | "fail" = "succeed") => authenticate(state, intentId, outcome),
    openDispute: (chargeId: string) => openDispute(state, chargeId),
    /** An event as Stripe would POST it to a webhook endpoint: the raw body and its `Stripe-Signature`. */
    signedWebhook: (event: FakeEvent, secret: string, timestamp?: number) => signedWebhook(event, secret, timestamp),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

function answerOf(state: FakeStripeState, method: string, path: string, params: ReturnType<typeof parseForm>): Answer {
  const route = routeFor(method, path)
  if (!route) return { status: 404, body: { error: { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${path}).` } } }
  try {
    return { status: 200, body: expanded(state, route.handler(state, params, route.id), params) }
  } catch (error) {
    if (error instanceof FakeStripeError) return { status: error.status, body: { error: error.body } }
    throw error
  }
}

function headerOf(req: http.IncomingMessage, name: string): string | null {
  const value = req.headers[name]
  return typeof value === "string" ? value : null
}

function send(res: http.ServerResponse, status: number, body: object, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", "request-id": `req_fake${Date.now()}`, ...headers }).end(JSON.stringify(body))
}
