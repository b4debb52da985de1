export { createStripeProcessor, STRIPE_PROCESSOR_NAME } from "./adapter"
export type { StripeProcessorOptions } from "./adapter"
export { createStripeWebhooks } from "./webhooks"
export type { DisputeFacts, StripeWebhooks, VerifiedEvent } from "./webhooks"
