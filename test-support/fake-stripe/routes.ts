/** The fake Stripe's API routes: method, path pattern, and the operation that answers. */
import { attachPaymentMethod, createCustomer, listCustomers } from "./customers"
import { notFound } from "./errors"
import { cancelPaymentIntent, confirmPaymentIntent, createPaymentIntent, createSetupIntent } from "./intents"
import { type Params, expandOf } from "./params"
import { createRefund, listPaymentIntents, listRefunds, searchPaymentIntents } from "./refunds"
import type { FakeStripeState } from "./state"

type Handler = (state: FakeStripeState, params: Params, id: string) => object
type Route = { method: "GET" | "POST"; pattern: RegExp; handler: Handler }

const found = <T>(value: T | undefined, kind: string, id: string): T => {
  if (value === undefined) throw notFound(kind, id)
  return value
}

const ROUTES: Route[] = [
  { method: "POST", pattern: /^\/v1\/customers$/, handler: (s, p) => createCustomer(s, p) },
  { method: "GET", pattern: /^\/v1\/customers$/, handler: (s, p) => listCustomers(s, p) },
  { method: "GET", pattern: /^\/v1\/customers\/([^/]+)$/, handler: (s, _p, id) => s.customer(id, "id") },
  { method: "GET", pattern: /^\/v1\/payment_methods\/([^/]+)$/, handler: (s, _p, id) => s.paymentMethod(id, "id") },
  { method: "POST", pattern: /^\/v1\/payment_methods\/([^/]+)\/attach$/, handler: (s, p, id) => attachPaymentMethod(s, id, p) },
  { method: "POST", pattern: /^\/v1\/setup_intents$/, handler: (s, p) => createSetupIntent(s, p) },
  { method: "GET", pattern: /^\/v1\/setup_intents\/([^/]+)$/, handler: (s, _p, id) => s.setupIntent(id) },
  { method: "POST", pattern: /^\/v1\/payment_intents$/, handler: (s, p) => createPaymentIntent(s, p) },
  { method: "GET", pattern: /^\/v1\/payment_intents$/, handler: (s, p) => listPaymentIntents(s, p) },
  { method: "GET", pattern: /^\/v1\/payment_intents\/search$/, handler: (s, p) => searchPaymentIntents(s, p) },
  { method: "GET", pattern: /^\/v1\/payment_intents\/([^/]+)$/, handler: (s, _p, id) => s.paymentIntent(id) },
  { method: "POST", pattern: /^\/v1\/payment_intents\/([^/]+)\/confirm$/, handler: (s, p, id) => confirmPaymentIntent(s, id, p) },
  { method: "POST", pattern: /^\/v1\/payment_intents\/([^/]+)\/cancel$/, handler: (s, p, id) => cancelPaymentIntent(s, id, p) },
  { method: "POST", pattern: /^\/v1\/refunds$/, handler: (s, p) => createRefund(s, p) },
  { method: "GET", pattern: /^\/v1\/refunds$/, handler: (s, p) => listRefunds(s, p) },
  { method: "GET", pattern: /^\/v1\/refunds\/([^/]+)$/, handler: (s, _p, id) => found(s.refunds.get(id), "refund", id) },
  { method: "GET", pattern: /^\/v1\/charges\/([^/]+)$/, handler: (s, _p, id) => s.charge(id, "id") },
  { method: "GET", pattern: /^\/v1\/disputes\/([^/]+)$/, handler: (s, _p, id) => found(s.disputes.get(id), "dispute", id) },
  { method: "GET", pattern: /^\/v1\/events\/([^/]+)$/, handler: (s, _p, id) => found(s.events.find((e) => e.id === id), "event", id) },
]

/** The route for a request, or null (the server answers 404). */
export function routeFor(method: string, path: string): { handler: Handler; id: string } | null {
  for (const route of ROUTES) {
    const match = route.method === method ? route.pattern.exec(path) : null
    if (match) return { handler: route.handler, id: decodeURIComponent(match[1] ?? "") }
  }
  return null
}

/** Replaces the ids `expand[]` names by their objects (the fields the adapter expands). */
export function expanded(state: FakeStripeState, object: object, params: Params): object {
  const paths = expandOf(params)
  if (paths.length === 0) return object
  const copy = structuredClone(object) as Record<string, unknown>
  for (const path of paths) {
    const id = copy[path]
    if (typeof id !== "string") continue
    if (path === "latest_charge" || path === "charge") copy[path] = state.charges.get(id) ?? id
    else if (path === "payment_method") copy[path] = state.paymentMethods.get(id) ?? id
    else if (path === "payment_intent") copy[path] = state.paymentIntents.get(id) ?? id
  }
  return copy
}
