/**
 * GET /hooks/alma/ipn?pid=<payment id> — Alma's payment notification (IPN). Alma sends a GET
 * (Medusa's /hooks/payment route takes only POST) with `X-Alma-Signature`, the hex HMAC-SHA256
 * of the pid keyed with the API key. A missing or wrong signature is refused with 401 before
 * anything is read or written; the payment's state is then read from Alma, never from the call.
 *
 * Answers: 200 with what happened (order placed, plan refreshed, still pending, refused...);
 * 400 without pid; 401 bad signature; 502/504 when Alma cannot be reached (Alma sends the
 * notification again later).
 */
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AlmaApiError, gatewayStatus } from "../../../../lenders/alma/errors"
import { requireAlma } from "../../../../lenders/alma/registry"
import { isValidIpnSignature } from "../../../../lenders/alma/signature"
import { confirmAlmaPayment } from "../confirm-payment"

export const AUTHENTICATE = false

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const pid = typeof req.query.pid === "string" ? req.query.pid : ""
  if (!pid) {
    res.status(400).json({ type: "invalid_data", message: 'query parameter "pid" is required: the Alma payment id' })
    return
  }
  const alma = requireAlma()
  const signature = req.headers["x-alma-signature"]
  if (!signature) {
    res.status(401).json({ type: "unauthorized", message: "header X-Alma-Signature is missing" })
    return
  }
  if (!isValidIpnSignature(pid, alma.config.apiKey, signature)) {
    res.status(401).json({ type: "unauthorized", message: "X-Alma-Signature does not match this payment id" })
    return
  }
  try {
    res.json(await confirmAlmaPayment(req.scope, pid, "ipn"))
  } catch (error) {
    if (!(error instanceof AlmaApiError)) throw error
    res.status(gatewayStatus(error)).json({ type: "alma_unavailable", message: error.message })
  }
}
