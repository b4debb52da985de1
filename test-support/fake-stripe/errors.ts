/** Errors the fake Stripe answers with, in the shape of Stripe's `{ error: { … } }` bodies. */
import type Stripe from "stripe"

type ErrorBody = Partial<Stripe.StripeRawError> & { type: string; message: string }

export class FakeStripeError extends Error {
  constructor(readonly status: number, readonly body: ErrorBody) {
    super(body.message)
  }
}

export const notFound = (kind: string, id: string, param = "id") =>
  new FakeStripeError(404, { type: "invalid_request_error", code: "resource_missing", param, message: `No such ${kind}: '${id}'` })

export const invalidRequest = (message: string, param?: string, code?: string) =>
  new FakeStripeError(400, { type: "invalid_request_error", message, ...(param ? { param } : {}), ...(code ? { code } : {}) })
