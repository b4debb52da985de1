/** Webhook deliveries signed the way Stripe signs them, with the SDK's own test helper. */
import Stripe from "stripe"
import type { FakeEvent } from "./state"

const sdk = new Stripe("sk_test_webhook_signing_only")

/** The raw body Stripe would POST for `event` and its `Stripe-Signature` header. */
export function signedWebhook(event: FakeEvent, secret: string, timestamp?: number): { payload: string; signature: string } {
  const payload = JSON.stringify(event, null, 2)
  return { payload, signature: sdk.webhooks.generateTestHeaderString({ payload, secret, ...(timestamp ? { timestamp } : {}) }) }
}
