/**
 * The end of an Alma checkout, reached two ways that race each other: Alma's IPN
 * (GET /hooks/alma/ipn?pid=…) and the shopper coming back (GET /store/alma/return?pid=…). Both
 * end in one order, one authorised and captured payment, and one plan, whichever comes first:
 *
 *  1. the payment is read from Alma (the request only names it; its state is never trusted);
 *  2. it must belong to one of our Alma payment sessions (the session id we put in its custom data);
 *  3. accepted and for the cart's total → the cart is completed with Medusa's own workflow, which
 *     locks on the cart id (as processPaymentWorkflow does): the second caller waits, then finds
 *     the order. The provider's authorisation reads Alma again and creates the plan's mirror;
 *  4. an order already placed → the plan's mirror is refreshed from Alma (instalments paid, late...).
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { fromMajor, money, toMajorString } from "../../../domain/money"
import { isAccepted, isRefused } from "../../../lenders/alma/mirror"
import { requireAlma } from "../../../lenders/alma/registry"
import type { AlmaPayment } from "../../../lenders/alma/schemas"
import { syncAlmaPlan } from "../../../lenders/alma/sync"
import { INSTALMENTS_MODULE } from "../../../modules/instalments"
import type InstalmentsModuleService from "../../../modules/instalments/service"

export type ConfirmOutcome =
  | { type: "order"; order_id: string; cart_id: string; payment_id: string }
  | { type: "pending"; cart_id: string; payment_id: string; payment_url: string | null; alma_state: string }
  | { type: "refused"; cart_id: string; payment_id: string; alma_state: string }
  | { type: "amount_mismatch"; cart_id: string; payment_id: string; message: string }
  | { type: "unknown_payment"; payment_id: string; message: string }

/**
 * `retry: false` reads the payment from Alma once: the shopper's return is an anonymous request,
 * and Alma is not asked again on its behalf (the IPN is signed by Alma and may retry).
 */
export async function confirmAlmaPayment(
  container: MedusaContainer,
  pid: string,
  source: "ipn" | "return",
  options: { retry?: boolean } = {},
): Promise<ConfirmOutcome> {
  const alma = requireAlma()
  const payment = await alma.client.getPayment(pid, { retry: options.retry })
  const sessionId = stringOf(payment.custom_data?.session_id)
  const cartId = stringOf(payment.custom_data?.cart_id)
  const session = sessionId ? await almaSession(container, sessionId) : null
  if (!session || !cartId || session.data?.alma_payment_id !== payment.id) {
    return { type: "unknown_payment", payment_id: pid, message: `Alma payment ${pid} is not one of this store's Alma payment sessions` }
  }
  if (isRefused(payment)) return { type: "refused", cart_id: cartId, payment_id: pid, alma_state: payment.state }
  if (!isAccepted(payment)) return { type: "pending", cart_id: cartId, payment_id: pid, payment_url: payment.url ?? null, alma_state: payment.state }

  const existing = await orderOfCart(container, cartId)
  if (existing) {
    const instalments = container.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
    await syncAlmaPlan(instalments, () => alma.client.getPayment(pid), { sessionId: session.id, cause: source })
    return { type: "order", order_id: existing, cart_id: cartId, payment_id: pid }
  }
  const mismatch = await amountMismatch(container, cartId, payment)
  if (mismatch) {
    await alma.client.flagPotentialFraud(pid, "amount_mismatch").catch(() => undefined)
    return { type: "amount_mismatch", cart_id: cartId, payment_id: pid, message: mismatch }
  }
  const { result } = await completeCartWorkflow(container).run({ input: { id: cartId } })
  return { type: "order", order_id: result.id, cart_id: cartId, payment_id: pid }
}

/**
 * The cart's Alma session for this Alma payment, read from our database only: the return page
 * names the cart it came from, and a payment that is not on that cart is refused before Alma is
 * asked anything or anything is placed.
 */
export async function almaSessionOfCart(container: MedusaContainer, cartId: string, pid: string): Promise<{ id: string } | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "payment_collection.payment_sessions.id", "payment_collection.payment_sessions.provider_id", "payment_collection.payment_sessions.data"],
    filters: { id: cartId },
  })
  type Session = { id: string; provider_id?: string; data?: Record<string, unknown> | null }
  const sessions = ((data[0] as { payment_collection?: { payment_sessions?: (Session | null)[] } | null } | undefined)?.payment_collection?.payment_sessions ?? []) as (Session | null)[]
  return sessions.find((s) => s?.provider_id?.startsWith("pp_alma") && s.data?.alma_payment_id === pid) ?? null
}

function stringOf(value: unknown): string | undefined {
  return typeof value === "string" && value ? value : undefined
}

async function almaSession(container: MedusaContainer, sessionId: string) {
  const payments = container.resolve(Modules.PAYMENT)
  const [session] = await payments.listPaymentSessions({ id: sessionId }, { select: ["id", "provider_id", "data", "amount", "currency_code"] })
  return session && session.provider_id.startsWith("pp_alma") ? session : null
}

async function orderOfCart(container: MedusaContainer, cartId: string): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
  return (data[0] as { order_id?: string } | undefined)?.order_id ?? null
}

/** Alma's amount against the cart's total now: a message when they differ. */
async function amountMismatch(container: MedusaContainer, cartId: string, payment: AlmaPayment): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: ["id", "total", "currency_code"], filters: { id: cartId } })
  const cart = data[0]
  if (!cart) return `The cart ${cartId} of Alma payment ${payment.id} no longer exists`
  const total = fromMajor(String(cart.total), cart.currency_code)
  if (total.ok && total.value.currency === "eur" && total.value.cents === payment.purchase_amount) return null
  const cartTotal = total.ok ? `${toMajorString(total.value)} ${total.value.currency.toUpperCase()}` : String(cart.total)
  return `Alma's payment ${payment.id} is for ${toMajorString(money(payment.purchase_amount, "eur"))} EUR but the cart now totals ${cartTotal}: no order was placed; Alma was told (potential fraud: amount_mismatch)`
}
