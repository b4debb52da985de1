/**
 * Keys of money operations. An operation's idempotency key names what triggered it (a shopper's
 * request on the plan version they saw, Medusa's refund id, a collection attempt...), never the
 * clock or a random draw; each processor call of the operation (a leg) carries a key derived from
 * it, so asking again (a retry, a second process, the reconciler) asks for the same thing.
 */
import { createHash } from "node:crypto"

/** Longest processor key sent as is (Stripe takes 255 characters); longer ones are hashed. */
const MAX_PROCESSOR_KEY = 255

/** The key of one leg of an operation, e.g. `medusa-refund:ref_1:refund:2`. */
export function processorKey(operationKey: string, leg: string): string {
  const key = `${operationKey}:${leg}`
  if (key.length <= MAX_PROCESSOR_KEY) return key
  return `h:${createHash("sha256").update(operationKey).digest("base64url")}:${leg}`
}

/** What makes two requests the same request: the operation's name and its input, as canonical JSON. */
export function fingerprintOf(name: string, input: unknown): string {
  return createHash("sha256").update(canonicalJson([name, input ?? null])).digest("base64url")
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` fingerprint alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`
  }
  return JSON.stringify(value ?? null)
}

/** A short, stable stand-in for a secret-ish value (a card token) inside a key. */
export function digestOf(value: string): string {
  return createHash("sha256").update(value).digest("base64url").slice(0, 22)
}
