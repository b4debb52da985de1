/**
 * What the Stripe operations share: the checks of a port request, and the idempotency keys sent
 * to Stripe. The port scopes keys per operation (a charge and a refund may share one) but Stripe
 * scopes them per account, so each operation prefixes its own; a key longer than Stripe's 255
 * characters is replaced by its SHA-256.
 */
import { createHash } from "node:crypto"
import type Stripe from "stripe"
import { type ProcessorResult, processorError } from "../port"

export type StripeContext = { stripe: Stripe }

export type KeyedOperation = "customer" | "attach" | "verify" | "charge" | "cancel" | "refund"

const STRIPE_KEY_LIMIT = 255

export function stripeKey(operation: KeyedOperation, key: string): string {
  const full = `instalments:${operation}:${key}`
  if (full.length <= STRIPE_KEY_LIMIT) return full
  return `instalments:${operation}:sha256:${createHash("sha256").update(key).digest("hex")}`
}

/** An idempotency key must be a non-empty string: the port's error otherwise, else null. */
export function badKey<T>(key: unknown): ProcessorResult<T> | null {
  return typeof key === "string" && key !== "" ? null : processorError("invalid_request", "idempotencyKey must be a non-empty string")
}

/** The metadata keys the adapter writes on what it creates (a caller's keys of the same name are overwritten). */
export const METADATA_KEY = "idempotency_key"
export const METADATA_OFF_SESSION = "off_session"

/** Stripe's seconds since the epoch, as a Date. */
export const dateOf = (seconds: number) => new Date(seconds * 1000)
