import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"

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
