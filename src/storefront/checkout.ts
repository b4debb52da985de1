/**
 * The checkout calls: a quote, the payment session with the shopper's plan and card, the order.
 * See the README's "Checkout from a storefront" for the routes these wrap.
 */
import { readCompletion, type OpenCart, type PlaceOrderResult } from "./completion.js"
import { InstalmentsApiError, messageOf, splitReason } from "./errors.js"
import type { Transport } from "./transport.js"
import { quoteCall } from "./quote.js"
import type { AlmaReturn, AlmaSessionData, InstalmentsSessionData, PaymentCollection, PaymentSession, PlanCode } from "./types.js"

export const INSTALMENTS_PROVIDER_ID = "pp_instalments_instalments"
export const ALMA_PROVIDER_ID = "pp_alma_alma"

export type SessionResult<Data> =
  | { type: "session"; paymentCollectionId: string; session: PaymentSession<Data> }
  /** The plan or the card was refused (card_prepaid, amount_above_maximum…): show `message`. */
  | { type: "refused"; status: number; code: string | null; message: string }

export interface InstalmentsSessionInput {
  cartId: string
  plan: PlanCode
  /** What the card form returned (the sandbox: tok_visa…). Never card numbers: the store refuses them. */
  cardToken: string
  /** The shopper's mobile number, international form. */
  phone: string
  locale?: string
  providerId?: string
}

export interface AlmaSessionInput {
  cartId: string
  plan: PlanCode
  locale?: string
  /** Where Alma sends the shopper back (its origin must be in the provider's return_origins). */
  returnUrl?: string
  providerId?: string
}

function ok<T>(status: number, body: unknown): T {
  if (status >= 400) throw new InstalmentsApiError(status, body)
  return body as T
}

export function checkoutCalls(send: Transport) {
  async function paymentCollectionOf(cartId: string): Promise<string> {
    const answer = await send("/store/payment-collections", { method: "POST", body: { cart_id: cartId } })
    return ok<{ payment_collection: PaymentCollection }>(answer.status, answer.body).payment_collection.id
  }

  async function startSession<Data>(cartId: string, providerId: string, data: Record<string, unknown>): Promise<SessionResult<Data>> {
    const paymentCollectionId = await paymentCollectionOf(cartId)
    const answer = await send(`/store/payment-collections/${encodeURIComponent(paymentCollectionId)}/payment-sessions`, {
      method: "POST",
      body: { provider_id: providerId, data },
    })
    if (answer.status >= 400 && answer.status < 500) {
      return { type: "refused", status: answer.status, ...splitReason(messageOf(answer.body)) }
    }
    const collection = ok<{ payment_collection: PaymentCollection<Data> }>(answer.status, answer.body).payment_collection
    const session = collection.payment_sessions?.find((s) => s.provider_id === providerId)
    if (!session) throw new InstalmentsApiError(502, { message: `The store started no ${providerId} payment session` })
    return { type: "session", paymentCollectionId, session }
  }

  async function cart(cartId: string): Promise<OpenCart | undefined> {
    const answer = await send(`/store/carts/${encodeURIComponent(cartId)}`, { method: "GET", query: { fields: "*payment_collection.payment_sessions" } })
    return answer.status < 400 ? (answer.body as { cart: OpenCart }).cart : undefined
  }

  return {
    quote: quoteCall(send),

    /** Starts the instalments payment session: the plan the shopper picked and their card. */
    startInstalmentsSession(input: InstalmentsSessionInput): Promise<SessionResult<InstalmentsSessionData>> {
      const data = { plan: input.plan, card_token: input.cardToken, phone: input.phone, ...(input.locale ? { locale: input.locale } : {}) }
      return startSession(input.cartId, input.providerId ?? INSTALMENTS_PROVIDER_ID, data)
    },

    /** Starts an Alma payment session: its `data.payment_url` is Alma's page. */
    startAlmaSession(input: AlmaSessionInput): Promise<SessionResult<AlmaSessionData>> {
      const data = { plan: input.plan, ...(input.locale ? { locale: input.locale } : {}), ...(input.returnUrl ? { return_url: input.returnUrl } : {}) }
      return startSession(input.cartId, input.providerId ?? ALMA_PROVIDER_ID, data)
    },

    /** Completes the cart and says what happened, whatever Medusa answers. */
    async placeOrder(cartId: string): Promise<PlaceOrderResult> {
      const answer = await send(`/store/carts/${encodeURIComponent(cartId)}/complete`, { method: "POST" })
      return readCompletion(answer.status, answer.body, () => cart(cartId))
    },

    /** Alma sent the shopper back (`?pid=` on the return page): the order, still pending, or refused. */
    async almaReturn(input: { pid: string; cartId: string; locale?: string }): Promise<AlmaReturn> {
      const answer = await send("/store/alma/return", { method: "GET", query: { pid: input.pid, cart_id: input.cartId, locale: input.locale } })
      return ok<AlmaReturn>(answer.status, answer.body)
    },
  }
}
