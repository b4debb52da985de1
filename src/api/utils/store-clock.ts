/**
 * Middleware: each request reads the store's test clock once before its route runs (a quote, a
 * checkout, a shopper's page, an admin view), so every server lives on the day the admin route set
 * on any of them (src/workflows/store-clock.ts). Without the test clock it reads nothing.
 */
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readStoreClock } from "../../workflows/store-clock"

export async function onStoreClock(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    await readStoreClock(req.scope)
  } catch (error) {
    return next(error)
  }
  next()
}
