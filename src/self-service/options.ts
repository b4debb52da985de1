/**
 * The module option `self_service` (medusa-config.ts):
 *
 *   self_service: {
 *     secret: process.env.INSTALMENTS_LINK_SECRET, // signs the links; default: derived from JWT_SECRET
 *     base_url: "https://shop.example.com",         // where shoppers reach this Medusa server
 *     link_ttl_days: 45,                             // how long a link in an e-mail stays valid
 *   }
 *
 * Without `secret` the key is derived from JWT_SECRET (or COOKIE_SECRET), so a store that set those
 * gets signed links with nothing more to do; the demo's "supersecret" works but is warned about.
 */
import { createHmac } from "node:crypto"
import { z } from "@medusajs/framework/zod"
import type { LinkSettings } from "./link"

const PREFIX = "medusa-instalments:"
export const DEFAULT_BASE_URL = "http://localhost:9000"
/** A plan runs up to 3 months and an e-mail (with a fresh link) goes out before every due date. */
export const DEFAULT_LINK_TTL_DAYS = 45
const DEMO_SECRET = "supersecret"

const SelfServiceOptions = z
  .strictObject(
    {
      secret: z.string({ error: "must be a string of at least 32 characters" }).min(32, "must be a string of at least 32 characters").optional(),
      base_url: z
        .string({ error: "must be an http(s) URL such as https://shop.example.com" })
        .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, "must be an http(s) URL such as https://shop.example.com (no query or fragment)")
        .optional(),
      link_ttl_days: z
        .number({ error: "must be a whole number of days from 1 to 365" })
        .int("must be a whole number of days from 1 to 365")
        .min(1, "must be a whole number of days from 1 to 365")
        .max(365, "must be a whole number of days from 1 to 365")
        .optional(),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? `unknown option(s) ${issue.keys.join(", ")}: use secret, base_url, link_ttl_days` : "must be an object { secret, base_url, link_ttl_days }") },
  )
  .optional()

export interface SelfServiceSettings extends LinkSettings {
  /** Why the settings are weak (the demo secret): shown once at boot. */
  readonly warnings: readonly string[]
}

/** Validates the option; a bad value stops the boot with a message naming it. */
export function parseSelfServiceOptions(raw: unknown, env: NodeJS.ProcessEnv = process.env): SelfServiceSettings {
  const parsed = SelfServiceOptions.safeParse(raw ?? undefined)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const name = ["self_service", ...issue.path.map(String)].join(".")
    throw new Error(`${PREFIX} option "${name}" ${issue.message}`)
  }
  const options = parsed.data ?? {}
  const warnings: string[] = []
  let secret = options.secret
  if (!secret) {
    const base = env.JWT_SECRET || env.COOKIE_SECRET || DEMO_SECRET
    if (base === DEMO_SECRET) {
      warnings.push(
        `${PREFIX} self-service links are signed with a key derived from the demo secret "${DEMO_SECRET}": anyone can forge them. Set JWT_SECRET, or the module option self_service.secret, in production.`,
      )
    }
    // A key of its own, so a leaked link key never is the session key, and the other way round.
    secret = createHmac("sha256", base).update("medusa-instalments/self-service-links").digest("hex")
  }
  return {
    secret,
    baseUrl: (options.base_url ?? DEFAULT_BASE_URL).replace(/\/+$/, ""),
    linkTtlDays: options.link_ttl_days ?? DEFAULT_LINK_TTL_DAYS,
    warnings,
  }
}

const warned = new Set<string>()

/** A boot warning, once per process (the module is built more than once in some runners). */
export function warnOnce(message: string): void {
  if (warned.has(message)) return
  warned.add(message)
  console.warn(message)
}
