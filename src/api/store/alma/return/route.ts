/**
 * GET /store/alma/return?pid=<payment id>[&cart_id=…][&locale=fr] — the storefront calls this when
 * Alma sends the shopper back to its return page (Alma adds `?pid=`). Same path as the IPN: the
 * payment is read from Alma and, once accepted, the cart is completed (or the order found).
 *
 * Answers (200):
 *   { type: "order", order: { id, display_id } }                   — placed (by this call or the IPN)
 *   { type: "pending", payment_url }                               — not accepted yet: send the shopper back there
 *   { type: "refused", reasons: [{ code: "credit_refused", message }] }  — in the shopper's language
 * 409 amount_mismatch (the cart changed after Alma's page), 404 for a payment of another store,
 * 502/504 when Alma cannot be reached (nothing was placed: try again).
 */
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { describeReasons } from "../../../../domain/texts"
import { AlmaApiError, gatewayStatus } from "../../../../lenders/alma/errors"
import { parseOr400 } from "../../../utils/validation"
import { confirmAlmaPayment } from "../../../hooks/alma/confirm-payment"

const ReturnQuery = z.object({
  pid: z.string({ error: "is required: the pid Alma added to your return URL" }).min(1, "must not be empty"),
  cart_id: z.string().optional(),
  locale: z.string().max(100).optional(),
})

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = parseOr400(ReturnQuery, req.query, "query")
  let outcome
  try {
    outcome = await confirmAlmaPayment(req.scope, query.pid, "return")
  } catch (error) {
    if (!(error instanceof AlmaApiError)) throw error
    res.status(gatewayStatus(error)).json({ type: "alma_unavailable", message: `${error.message}. No order was placed: try again in a moment.` })
    return
  }
  if (outcome.type === "unknown_payment") throw new MedusaError(MedusaError.Types.NOT_FOUND, outcome.message)
  if (query.cart_id && query.cart_id !== outcome.cart_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `query parameter "cart_id": Alma payment ${query.pid} belongs to another cart`)
  }
  const locale = query.locale ?? (req as MedusaRequest & { locale?: string }).locale
  switch (outcome.type) {
    case "order": {
      const graph = req.scope.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await graph.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: outcome.order_id } })
      res.json({ type: "order", cart_id: outcome.cart_id, order: data[0] ?? { id: outcome.order_id } })
      return
    }
    case "pending":
      res.json({ type: "pending", cart_id: outcome.cart_id, payment_url: outcome.payment_url, alma_state: outcome.alma_state })
      return
    case "refused":
      res.json({ type: "refused", cart_id: outcome.cart_id, alma_state: outcome.alma_state, reasons: describeReasons(["credit_refused"], locale) })
      return
    case "amount_mismatch":
      res.status(409).json({ type: "amount_mismatch", cart_id: outcome.cart_id, message: outcome.message })
      return
  }
}
