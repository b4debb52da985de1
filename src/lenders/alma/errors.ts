/**
 * Alma's failures, classified once in the client and turned into clear Medusa errors at the
 * provider's and the routes' boundary. The message says what happened and what to do.
 */
import { MedusaError } from "@medusajs/framework/utils"
import type { AlmaErrorBody } from "./schemas"

export type AlmaErrorKind =
  | "unauthorized" // 401: the API key is wrong or of the other mode
  | "forbidden" // 403: a feature Alma has not enabled on the account
  | "validation" // 400: Alma refused the request (field errors)
  | "not_found" // 404
  | "server" // 5xx: Alma is down
  | "timeout" // no answer in time
  | "network" // no connection
  | "bad_response" // an answer we cannot read

export class AlmaApiError extends Error {
  constructor(
    readonly kind: AlmaErrorKind,
    /** What the client was doing, e.g. "fetch payment payment_123". */
    readonly operation: string,
    readonly detail: string,
    readonly status?: number,
    readonly body?: AlmaErrorBody,
  ) {
    super(`Alma could not ${operation}: ${detail}`)
    this.name = "AlmaApiError"
  }

  /** True when trying the same safe call again may succeed. */
  get transient(): boolean {
    return this.kind === "server" || this.kind === "timeout" || this.kind === "network"
  }
}

/** One line from Alma's error body: field errors first (`amount: … (invalid_value)`), else its message or code. */
export function describeErrorBody(body: AlmaErrorBody | undefined): string {
  if (!body) return "no details"
  if (body.errors?.length) {
    return body.errors
      .map((e) => [e.field, e.message ?? e.error_code].filter(Boolean).join(": ") + (e.error_code && e.message ? ` (${e.error_code})` : ""))
      .join("; ")
  }
  if (body.error_code === "not_found" && body.object_type) return `${body.object_type} ${String(body.value ?? "")} not found`.trim()
  return body.message ?? body.error ?? body.error_code ?? "no details"
}

/** The HTTP status our own routes answer when Alma fails: 502 (bad gateway) or 504 (timeout), 404 passed through. */
export function gatewayStatus(error: AlmaApiError): number {
  if (error.kind === "timeout") return 504
  if (error.kind === "not_found") return 404
  return 502
}

/** The Medusa error the provider throws for an Alma failure. */
export function toMedusaError(error: unknown): Error {
  if (!(error instanceof AlmaApiError)) return error instanceof Error ? error : new Error(String(error))
  const what = `Alma could not ${error.operation}`
  switch (error.kind) {
    case "unauthorized":
      return new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `${what}: Alma refused the API key (HTTP 401). Check the alma provider's api_key option: sk_test_… for the sandbox, sk_live_… for live, matching api_root.`,
        "alma_unauthorized",
      )
    case "forbidden":
      return new MedusaError(MedusaError.Types.NOT_ALLOWED, `${what}: this feature is not enabled on your Alma account (HTTP 403): ${error.detail}`, "alma_forbidden")
    case "validation":
      return new MedusaError(MedusaError.Types.NOT_ALLOWED, `alma_refused: ${what}: ${error.detail}`, "alma_refused")
    case "not_found":
      return new MedusaError(MedusaError.Types.NOT_FOUND, `${what}: ${error.detail}`, "alma_not_found")
    case "timeout":
      return new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `alma_unavailable: ${what}: Alma did not answer in time (${error.detail}). Try again in a moment.`, "alma_unavailable")
    case "server":
    case "network":
      return new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `alma_unavailable: ${what}: Alma is unreachable (${error.detail}). Try again in a moment.`, "alma_unavailable")
    case "bad_response":
      return new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `${what}: Alma's answer was not understood (${error.detail})`, "alma_bad_response")
  }
}
