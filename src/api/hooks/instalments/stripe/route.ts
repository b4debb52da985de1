/**
 * POST /hooks/instalments/stripe — Stripe's webhook endpoint (README, "Stripe's webhooks"). The
 * body is kept raw (src/api/middlewares.ts, `preserveRawBody`, as Medusa's own /hooks/payment
 * does) because the signature covers its exact bytes. A missing or wrong `Stripe-Signature` is a
 * 400 before anything is read or written; a checked event is answered by ./stripe-event.ts.
 * 404 when the module's processor is not Stripe.
 */
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INSTALMENTS_MODULE } from "../../../../modules/instalments"
import type InstalmentsModuleService from "../../../../modules/instalments/service"
import { answerStripeEvent } from "./stripe-event"

export const AUTHENTICATE = false

export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const instalments = req.scope.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  const webhooks = instalments.stripeWebhooks
  if (!webhooks) {
    res.status(404).json({ type: "not_found", message: 'Stripe webhooks are off: the instalments module\'s processor is not "stripe"' })
    return
  }
  const signature = req.headers["stripe-signature"]
  if (typeof signature !== "string" || signature === "") {
    res.status(400).json({ type: "invalid_signature", message: "header Stripe-Signature is missing: only Stripe may call this endpoint" })
    return
  }
  const raw = (req as MedusaRequest & { rawBody?: Buffer }).rawBody
  if (!raw) {
    res.status(400).json({ type: "invalid_data", message: "the body must be Stripe's JSON event (Content-Type: application/json)" })
    return
  }
  const verified = webhooks.verify(raw, signature)
  if (!verified.ok) {
    res.status(400).json({ type: "invalid_signature", message: verified.message })
    return
  }
  const answer = await answerStripeEvent(instalments, webhooks, verified.event)
  res.status(answer.status).json(answer.body)
}
