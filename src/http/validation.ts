import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"

/** Parses a request part with a zod schema; a failure is a 400 that names each bad parameter. */
export function parseOr400<T extends z.ZodType>(schema: T, input: unknown, where: "query" | "body"): z.infer<T> {
  const result = schema.safeParse(input ?? {})
  if (result.success) return result.data
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".")
    return name && !issue.message.includes(name) ? `${where} parameter "${name}": ${issue.message}` : issue.message
  })
  throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; "))
}

/**
 * A whole-number query parameter written with digits only: `z.coerce.number` would also take
 * "" (0), "0x10" (16), "1e1" (10) and a repeated parameter (["5"] → 5).
 */
export function wholeNumberQuery(bounds: { min: number; max?: number; default: number }) {
  const range = bounds.max === undefined ? `${bounds.min} or more` : `from ${bounds.min} to ${bounds.max}`
  const message = `must be a whole number ${range}, written with digits only (e.g. ${bounds.default}), given once`
  return z
    .string({ error: message })
    .regex(/^\d{1,9}$/, message)
    .transform(Number)
    .pipe(z.number().min(bounds.min, message).max(bounds.max ?? Number.MAX_SAFE_INTEGER, message))
    .default(bounds.default)
}
