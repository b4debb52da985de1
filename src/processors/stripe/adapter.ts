/**
 * The Stripe card processor: the port (../port.ts) on Stripe's API through the official SDK.
 * Cards are PaymentMethods attached to Customers, verifications SetupIntents, charges
 * PaymentIntents, refunds Refunds; every creating call carries an idempotency key derived from the
 * port's. The client is built by the caller (the module's boot from its options; tests point it at
 * the fake Stripe in test-support/fake-stripe).
 */
import type Stripe from "stripe"
import type { CardProcessor, ProcessorCapabilities } from "../port"
import { cardOperations } from "./card-operations"
import { chargeOperations } from "./charge-operations"
import { refundOperations } from "./refund-operations"

export const STRIPE_PROCESSOR_NAME = "stripe"

export type StripeProcessorOptions = {
  /** A Stripe client (`new Stripe(apiKey, …)`). */
  client: Stripe
  /** Whether the key is a test-mode key (`sk_test_…`, `rk_test_…`): reported in `capabilities.testMode`. */
  testMode: boolean
}

export function createStripeProcessor(options: StripeProcessorOptions): CardProcessor {
  const context = { stripe: options.client }
  const capabilities: ProcessorCapabilities = Object.freeze({
    zeroAmountVerification: true,
    creditDecision: "none",
    partialRefunds: true,
    currencies: "any",
    testMode: options.testMode,
  })
  return {
    name: STRIPE_PROCESSOR_NAME,
    capabilities,
    ...cardOperations(context),
    ...chargeOperations(context),
    ...refundOperations(context),
  }
}
