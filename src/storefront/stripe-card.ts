/**
 * The card with Stripe: what the storefront does with Stripe.js when the store's plugin runs
 * `processor: "stripe"`. The card number is typed into Stripe's own field (an iframe of Stripe's):
 * it never reaches the storefront's code nor Medusa. The storefront hands the plugin the
 * PaymentMethod's id (`pm_…`) as `card_token`; when the bank asks for 3-D Secure, the store's
 * answer carries a `client_secret` that Stripe.js takes to show the bank's challenge, after which
 * the storefront completes the cart (or the self-service payment) again.
 *
 * The kit does not load Stripe.js: the store loads it with its publishable key
 * (`loadStripe("pk_…")` from `@stripe/stripe-js`, or https://js.stripe.com/v3/) and passes the
 * instance. Only the part of its API used here is typed, so the kit needs no Stripe package.
 */

/** Stripe.js's answer to a call that can fail (Stripe documents `{ error }` instead of a throw). */
export interface StripeJsError {
  type?: string
  code?: string
  decline_code?: string
  /** Written by Stripe for the shopper, in the locale Stripe.js was loaded with. */
  message?: string
}

/** The Card Element (`elements.create("card")`): Stripe's iframe with number, expiry and CVC. */
export interface StripeCardElementLike {
  mount(domElement: HTMLElement | string): void
  destroy(): void
  on(event: "change", handler: (event: { complete: boolean; empty?: boolean; error?: StripeJsError }) => void): unknown
}

/** The part of a Stripe.js instance (`Stripe("pk_…")`) the kit uses. */
export interface StripeJsLike {
  elements(options?: { locale?: string; [option: string]: unknown }): {
    create(type: "card", options?: Record<string, unknown>): StripeCardElementLike
  }
  createPaymentMethod(params: {
    type: "card"
    card: StripeCardElementLike
    billing_details?: { name?: string; email?: string; phone?: string }
  }): Promise<{ paymentMethod?: { id: string }; error?: StripeJsError }>
  handleNextAction(params: { clientSecret: string }): Promise<{
    paymentIntent?: { id: string; status: string }
    setupIntent?: { id: string; status: string }
    error?: StripeJsError
  }>
}

export type StripeStep<T> = { ok: true; value: T } | { ok: false; code: string | null; message: string | null }

function failed(error: StripeJsError | undefined): StripeStep<never> {
  return { ok: false, code: error?.decline_code ?? error?.code ?? error?.type ?? null, message: error?.message ?? null }
}

/**
 * The card typed in Stripe's field as a PaymentMethod: its id is the session's `card_token`.
 * Stripe checks the number, expiry and CVC here; eligibility (prepaid, country…) is the plugin's,
 * at the session.
 */
export async function stripeCardToken(
  stripe: StripeJsLike,
  card: StripeCardElementLike,
  billing: { name?: string; email?: string; phone?: string } = {},
): Promise<StripeStep<string>> {
  const { paymentMethod, error } = await stripe.createPaymentMethod({ type: "card", card, billing_details: billing })
  if (error || !paymentMethod?.id) return failed(error)
  return { ok: true, value: paymentMethod.id }
}

/** The statuses after which the store can go on (the payment, or the saved card for later). */
const AUTHENTICATED = ["succeeded", "requires_capture", "processing"]

/**
 * The bank's 3-D Secure challenge, shown by Stripe.js for a `client_secret` the store answered
 * with (the cart's `requires_more.authentication`, or the self-service `requires_action`). On
 * success, complete the cart (or send the self-service payment) again: the store reads the
 * payment from Stripe and never charges twice. On failure the store records nothing paid, and the
 * shopper can try another card.
 */
export async function confirmWithBank(stripe: StripeJsLike, clientSecret: string): Promise<StripeStep<{ id: string; status: string }>> {
  const { paymentIntent, setupIntent, error } = await stripe.handleNextAction({ clientSecret })
  if (error) return failed(error)
  const intent = paymentIntent ?? setupIntent
  if (!intent) return failed(undefined)
  if (!AUTHENTICATED.includes(intent.status)) return { ok: false, code: intent.status, message: null }
  return { ok: true, value: { id: intent.id, status: intent.status } }
}
