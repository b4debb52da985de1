/**
 * GET /store/alma/return?pid=<payment id>&cart_id=<the shopper's cart>[&locale=fr] — the
 * storefront calls this when Alma sends the shopper back to its return page (Alma adds `?pid=`;
 * the storefront adds the cart it keeps). Same path as the IPN: the payment is read from Alma and,
 * once accepted, the cart is completed (or the order found).
 *
 * The pid travels in URLs (Referer, analytics), so it opens nothing by itself: the payment must be
 * the one of that cart's Alma session, checked in our database before Alma is asked anything or
 * anything is placed; another cart's payment and an unknown one answer the same 404. The cart id
 * is never echoed.
 *
 * Answers (200):
 *   { type: "order", order: { id, display_id } }                   — placed (by this call or the IPN)
 *   { type: "pending", payment_url }                               — not accepted yet: send the shopper back there
 *   { type: "refused", reasons: [{ code: "credit_refused", message }] }  — in the shopper's language
 * 400 without pid or cart_id, 404 for a payment that is not this cart's, 409 amount_mismatch (the
 * cart changed after Alma's page), 502/504 when Alma cannot be reached (nothing was placed: try again).
 */
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { describeReasons } from "../../../../domain/texts"
import { AlmaApiError, gatewayStatus } from "../../../../lenders/alma/errors"
import { parseOr400 } from "../../../../http/validation"
import { almaSessionOfCart, confirmAlmaPayment } from "../../../hooks/alma/confirm-payment"

const ReturnQuery = z.object({
  pid: z
    .string({ error: "is required, once: the pid Alma added to your return URL" })
    .min(1, "must not be empty")
    .max(100, "is not an Alma payment id (at most 100 characters)"),
  cart_id: z
    .string({ error: "is required, once: the id of the shopper's cart, which the storefront keeps" })
    .min(1, "must not be empty")
    .max(200, "is not a cart id (at most 200 characters)"),
  locale: z.string({ error: 'must be a language tag such as "fr"' }).max(100).optional(),
})

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = parseOr400(ReturnQuery, req.query, "query")
  const notThisCart = new MedusaError(MedusaError.Types.NOT_FOUND, `No Alma payment ${query.pid} on this cart`)
  if (!(await almaSessionOfCart(req.scope, query.cart_id, query.pid))) throw notThisCart
  let outcome
  try {
    outcome = await confirmAlmaPayment(req.scope, query.pid, "return", { retry: false })
  } catch (error) {
    if (!(error instanceof AlmaApiError)) throw error
    res.status(gatewayStatus(error)).json({ type: "alma_unavailable", message: `${error.message}. No order was placed: try again in a moment.` })
    return
  }
  if (outcome.type === "unknown_payment") throw new MedusaError(MedusaError.Types.NOT_FOUND, outcome.message)
  // Alma's own record of the payment names the cart too: it must agree.
  if (outcome.cart_id !== query.cart_id) throw notThisCart
  const locale = query.locale ?? (req as MedusaRequest & { locale?: string }).locale
  switch (outcome.type) {
    case "order": {
      const graph = req.scope.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await graph.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: outcome.order_id } })
      res.json({ type: "order", order: data[0] ?? { id: outcome.order_id } })
      return
    }
    case "pending":
      res.json({ type: "pending", payment_url: outcome.payment_url, alma_state: outcome.alma_state })
      return
    case "refused":
      res.json({ type: "refused", alma_state: outcome.alma_state, reasons: describeReasons(["credit_refused"], locale) })
      return
    case "amount_mismatch":
      res.status(409).json({ type: "amount_mismatch", message: outcome.message })
      return
  }
}
