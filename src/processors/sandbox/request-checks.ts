/**
 * Checks on what callers send the sandbox processor. A malformed request comes back as an
 * `invalid_request` value (the port's rule: adapters do not throw for what the caller got wrong),
 * before anything is claimed or stored.
 */
import { type ProcessorError, type ProcessorResult, processorError } from "../port"

export function invalid(message: string): ProcessorResult<never> {
  return processorError("invalid_request", message)
}

/** An error the port's own checks (`checkAmount`) found, as a result. */
export function fail(error: ProcessorError): ProcessorResult<never> {
  return { ok: false, error }
}

export function checkKey(key: unknown, field = "idempotencyKey"): ProcessorResult<never> | null {
  if (typeof key !== "string" || key.trim() === "" || key.length > 255) {
    return invalid(`${field} must be a non-empty string of at most 255 characters`)
  }
  return null
}

export function checkMetadata(metadata: unknown): ProcessorResult<never> | null {
  if (metadata === undefined) return null
  if (typeof metadata !== "object" || metadata === null || Array.isArray(metadata)) return invalid("metadata must be an object of strings")
  for (const v of Object.values(metadata)) if (typeof v !== "string") return invalid("metadata values must be strings")
  return null
}

export function checkRef(value: unknown, field: "cardRef" | "chargeId"): ProcessorResult<never> | null {
  return typeof value !== "string" || value === "" ? invalid(`${field} must be a non-empty string`) : null
}
