/**
 * Every answer POST /store/carts/:id/complete can give, as one discriminated union. Medusa answers
 * 200 with the order, or 200 with the cart and an error for an authorisation error or a payment
 * that needs more (3-D Secure, a redirect); the plugin refuses at completion with a 400 whose
 * message starts with the reason code (card_declined, credit_refused…), and Alma's provider with
 * `alma_payment_pending` until the shopper accepted on Alma's page. In every case but the order
 * the cart stays open: the shopper can pick again and pay.
 *
 * 3-D Secure (the plugin's direct mode on Stripe): Medusa 2.21 answers the provider's "requires
 * more" with a 400 that names no reason ("Session: … was not authorized with the provider"); the
 * cart's session then has status `requires_more` and `data.shopper_action`, read here into
 * `authentication`: hand its client_secret to Stripe.js (`stripe.handleNextAction({ clientSecret })`),
 * then place the order again.
 */
import { InstalmentsApiError, messageOf, splitReason } from "./errors.js"
import type { PlacedOrder } from "./types.js"

/** The cart as Medusa returns it with an error, with the fields the kit reads. */
export interface OpenCart {
  id: string
  payment_collection?: { payment_sessions?: { provider_id: string; status?: string; data?: Record<string, unknown> }[] } | null
  [field: string]: unknown
}

/** What the shopper's browser needs to pass 3-D Secure (the session's `data.shopper_action`). */
export interface ShopperAuthentication {
  type: "authenticate"
  /** For Stripe.js: `stripe.handleNextAction({ clientSecret: client_secret })`. */
  client_secret: string
  /** "payment": the first instalment; "setup": the card's verification (d15/d30, deferred start). */
  intent: "payment" | "setup"
}

export type PlaceOrderResult =
  /** The order is placed: show the confirmation. */
  | { type: "order"; order: PlacedOrder }
  /** Medusa kept the cart: the payment was not authorised. Show `message`, let the shopper pay again. */
  | { type: "cart"; cart: OpenCart; error: { code: string | null; message: string; type: string } }
  /**
   * The payment needs the shopper first (Alma's page, 3-D Secure): send them to `url`, or have them
   * pass `authentication` with Stripe.js, then complete again.
   */
  | { type: "requires_more"; url: string | null; code: string | null; message: string; cart?: OpenCart; authentication?: ShopperAuthentication }
  /** The store refused the completion (a 4xx): the reason in the shopper's words; the cart stays open. */
  | { type: "refused"; status: number; code: string | null; message: string }

const REQUIRES_MORE = "payment_requires_more_error"
const PENDING_CODES = ["alma_payment_pending"]

/** Where a provider's session data sends the shopper (Alma: payment_url; a 3-D Secure step: redirect_url). */
export function redirectUrlOf(cart: OpenCart | undefined): string | null {
  for (const session of cart?.payment_collection?.payment_sessions ?? []) {
    const data = session.data ?? {}
    for (const key of ["payment_url", "redirect_url"]) {
      const value = data[key]
      if (typeof value === "string" && value !== "") return value
    }
  }
  return null
}

/** The 3-D Secure a session waits for (status requires_more, `data.shopper_action`), or null. */
export function authenticationOf(cart: OpenCart | undefined): ShopperAuthentication | null {
  for (const session of cart?.payment_collection?.payment_sessions ?? []) {
    const action = session.data?.shopper_action
    if (session.status === "requires_more" && isObject(action) && typeof action.client_secret === "string") return action as unknown as ShopperAuthentication
  }
  return null
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null
}

/**
 * Reads one completion answer. `cartForRedirect` is asked for the cart only when a pending Alma
 * payment (a 400 that carries no cart) needs the session's payment_url.
 */
export async function readCompletion(
  status: number,
  body: unknown,
  cartForRedirect: () => Promise<OpenCart | undefined>,
): Promise<PlaceOrderResult> {
  if (status >= 500) throw new InstalmentsApiError(status, body)
  if (status >= 400) {
    const { code, message } = splitReason(messageOf(body))
    if (code && PENDING_CODES.includes(code)) {
      return { type: "requires_more", url: redirectUrlOf(await cartForRedirect()), code, message }
    }
    // Medusa's own refusal names no reason: a session waiting for 3-D Secure is one.
    const authentication = code === null && status === 400 ? authenticationOf(await cartForRedirect()) : null
    if (authentication) return { type: "requires_more", url: null, code: "authentication_required", message, authentication }
    return { type: "refused", status, code, message }
  }
  if (!isObject(body)) throw new InstalmentsApiError(502, { message: "The store's completion answer is not JSON" })
  if (body.type === "order") return { type: "order", order: body.order as PlacedOrder }
  const cart = body.cart as OpenCart
  const error = isObject(body.error) ? body.error : {}
  const type = typeof error.type === "string" ? error.type : "unknown_error"
  const { code, message } = splitReason(typeof error.message === "string" ? error.message : "The payment was not authorised")
  if (type === REQUIRES_MORE) {
    const authentication = authenticationOf(cart)
    return { type: "requires_more", url: redirectUrlOf(cart), code, message, cart, ...(authentication ? { authentication } : {}) }
  }
  return { type: "cart", cart, error: { code, message, type } }
}
