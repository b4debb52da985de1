/**
 * The Stripe adapter's tests run it against the fake Stripe (test-support/fake-stripe) on
 * loopback, through the official SDK. Not shipped: tsconfig excludes __tests__.
 */
import Stripe from "stripe"
import { type FakeStripe, startFakeStripe } from "../../../../test-support/fake-stripe"
import type { CardProcessor, ProcessorResult } from "../../port"
import { createStripeProcessor } from "../adapter"

export const eur = (cents: number) => ({ cents, currency: "eur" })

export type StripeSetup = { fake: FakeStripe; stripe: Stripe; processor: CardProcessor }

/** A fake Stripe and the adapter pointed at it; call `close` after the tests. */
export async function startStripeSetup(): Promise<StripeSetup & { close: () => Promise<void> }> {
  const apiKey = "sk_test_adapter"
  const fake = await startFakeStripe({ apiKey })
  const stripe = new Stripe(apiKey, fake.clientOptions)
  return { fake, stripe, processor: createStripeProcessor({ client: stripe, testMode: true }), close: fake.close }
}

export function value<T>(result: ProcessorResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`)
  return result.value
}

export function errorOf(result: ProcessorResult<unknown>): { code: string; retryable: boolean } {
  if (result.ok) throw new Error("expected an error")
  return { code: result.error.code, retryable: result.error.retryable }
}

let keys = 0
/** A key no other test uses (the fake keeps keys for its whole life, as Stripe does for 24 h). */
export const newKey = (label: string) => `${label}:${++keys}`
