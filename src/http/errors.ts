/**
 * The HTTP status of the plugin's own errors whose Medusa type gives the wrong one (see
 * src/modules/instalments/errors.ts): Medusa's handler turns every CONFLICT into a generic message
 * and has no 503, so the plugin's routes answer these themselves, in Medusa's error body shape
 * (`{ code, type, message }`), with `retryable` where trying again later is the right move.
 */
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { STATUS_BY_CODE } from "../modules/instalments/errors"

/** The status for `error` when the plugin sets it itself; undefined leaves it to Medusa. */
export function pluginStatusOf(error: unknown): number | undefined {
  if (!(error instanceof MedusaError) || !error.code) return undefined
  return STATUS_BY_CODE[error.code]
}

/** Wraps a route handler: the plugin's errors with a status of their own are answered here. */
export function withPluginErrors<R extends MedusaRequest>(handler: (req: R, res: MedusaResponse) => Promise<unknown>) {
  return async function route(req: R, res: MedusaResponse) {
    try {
      await handler(req, res)
    } catch (error) {
      const status = pluginStatusOf(error)
      if (status === undefined) throw error
      const medusaError = error as MedusaError
      res.status(status).json({ code: medusaError.code, type: medusaError.type, message: medusaError.message, retryable: status === 409 || status === 503 })
    }
  }
}
