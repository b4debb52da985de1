export { createStripeProcessor, STRIPE_PROCESSOR_NAME } from "./adapter"
export type { StripeProcessorOptions } from "./adapter"
