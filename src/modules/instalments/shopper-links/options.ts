/**
 * The module option `self_service` (medusa-config.ts):
 *
 *   self_service: {
 *     secret: process.env.INSTALMENTS_LINK_SECRET, // signs the links: at least 32 random bytes (required in production)
 *     base_url: "https://shop.example.com",         // where shoppers reach this Medusa server (https in production)
 *     link_ttl_days: 45,                             // how long a link in an e-mail stays valid
 *   }
 *
 * With NODE_ENV=production the store does not start without a secret, or with a base URL that is
 * not https or points at this machine: a forgeable link opens a shopper's plan and charges their
 * card. Outside production, without `secret`, the key is derived from Medusa's own
 * `projectConfig.http.jwtSecret` (with a warning); never from the demo value "supersecret", which is
 * public: then a random key of this process signs the links.
 */
import { createHmac, randomBytes } from "node:crypto"
import { z } from "@medusajs/framework/zod"
import type { LinkSettings } from "./signing"

const PREFIX = "medusa-instalments:"
export const DEFAULT_BASE_URL = "http://localhost:9000"
/** A plan runs up to 3 months and an e-mail (with a fresh link) goes out before every due date. */
export const DEFAULT_LINK_TTL_DAYS = 45
const DEMO_SECRET = "supersecret"
const MIN_SECRET_BYTES = 32
const SECRET_EXAMPLE =
  "self_service: { secret: process.env.INSTALMENTS_LINK_SECRET, base_url: \"https://shop.example.com\" }, with INSTALMENTS_LINK_SECRET set to the output of `openssl rand -base64 48`"
const BASE_URL_EXAMPLE = 'self_service: { base_url: "https://shop.example.com" }, the public https address of this Medusa server'

const SelfServiceOptions = z
  .strictObject(
    {
      secret: z
        .string({ error: `must be a string of at least ${MIN_SECRET_BYTES} bytes` })
        .refine((s) => Buffer.byteLength(s, "utf8") >= MIN_SECRET_BYTES, `must be at least ${MIN_SECRET_BYTES} bytes: use ${SECRET_EXAMPLE}`)
        .optional(),
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

type ParsedOptions = NonNullable<z.infer<typeof SelfServiceOptions>>

/** The option as a store writes it (the plugin's public types, src/index.ts). */
export type SelfServiceOptionsInput = NonNullable<z.input<typeof SelfServiceOptions>>

export interface SelfServiceSettings extends LinkSettings {
  /** Why the settings are weak (a derived or per-process key): shown once at boot. */
  readonly warnings: readonly string[]
}

/** What the options are checked against: the environment and Medusa's resolved config. */
export interface BootContext {
  readonly env: NodeJS.ProcessEnv
  /** Medusa's `projectConfig.http.jwtSecret` (see `projectJwtSecret`). */
  readonly jwtSecret?: string
}

/** Medusa's resolved `projectConfig.http.jwtSecret`, from the module's container (undefined when absent). */
export function projectJwtSecret(cradle: Record<string, unknown>): string | undefined {
  try {
    const config = cradle.configModule as { projectConfig?: { http?: { jwtSecret?: unknown } } } | undefined
    const secret = config?.projectConfig?.http?.jwtSecret
    return typeof secret === "string" && secret !== "" ? secret : undefined
  } catch {
    // A container without Medusa's config (a bare module test): no secret to derive from.
    return undefined
  }
}

export function isProduction(env: NodeJS.ProcessEnv): boolean {
  return env.NODE_ENV === "production"
}

/** Validates the option; a bad or unsafe value stops the boot with a message naming it and the fix. */
export function parseSelfServiceOptions(raw: unknown, context: BootContext = { env: process.env }): SelfServiceSettings {
  const parsed = SelfServiceOptions.safeParse(raw ?? undefined)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const name = ["self_service", ...issue.path.map(String)].join(".")
    throw new Error(`${PREFIX} option "${name}" ${issue.message}`)
  }
  const options = parsed.data ?? {}
  if (isProduction(context.env)) refuseUnsafeProductionOptions(options)
  const key = options.secret ? { secret: options.secret, warnings: [] } : fallbackKey(context.jwtSecret)
  return {
    secret: key.secret,
    baseUrl: (options.base_url ?? DEFAULT_BASE_URL).replace(/\/+$/, ""),
    linkTtlDays: options.link_ttl_days ?? DEFAULT_LINK_TTL_DAYS,
    warnings: key.warnings,
  }
}

function refuseUnsafeProductionOptions(options: ParsedOptions): void {
  const refuse = (option: string, problem: string) => {
    throw new Error(`${PREFIX} option "self_service.${option}" ${problem}`)
  }
  if (!options.secret) {
    refuse("secret", `is required when NODE_ENV=production: it signs the shoppers' links, and a derived key can be forged. Set ${SECRET_EXAMPLE}.`)
  }
  if (!options.base_url) refuse("base_url", `is required when NODE_ENV=production: the links in the e-mails point at it. Set ${BASE_URL_EXAMPLE}.`)
  const url = new URL(options.base_url as string)
  if (url.protocol !== "https:") {
    refuse("base_url", `must start with https:// when NODE_ENV=production (got ${url.protocol}//…): a link sent over http can be read on the way. Set ${BASE_URL_EXAMPLE}.`)
  }
  if (isThisMachine(url.hostname)) {
    refuse("base_url", `points at this machine (${url.hostname}): the shoppers' browsers cannot reach it. Set ${BASE_URL_EXAMPLE}.`)
  }
}

/** localhost, 127.0.0.0/8, ::1 and 0.0.0.0: addresses that only ever mean the shopper's own machine. */
function isThisMachine(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "")
  return host === "localhost" || host.endsWith(".localhost") || /^127(\.\d{1,3}){3}$/.test(host) || host === "[::1]" || host === "0.0.0.0"
}

/**
 * Outside production only: a key derived from Medusa's jwtSecret (a key of its own, so a leaked link
 * key never is the session key, and the other way round); with no jwtSecret or the public demo one,
 * a random key of this process (links then stop working at a restart).
 */
function fallbackKey(jwtSecret: string | undefined): { secret: string; warnings: string[] } {
  if (jwtSecret && jwtSecret !== DEMO_SECRET) {
    return {
      secret: createHmac("sha256", jwtSecret).update("medusa-instalments/self-service-links").digest("hex"),
      warnings: [`${PREFIX} self-service links are signed with a key derived from Medusa's jwtSecret. Set the module option self_service.secret (required in production): ${SECRET_EXAMPLE}.`],
    }
  }
  return {
    secret: processKey(),
    warnings: [
      `${PREFIX} self-service links are signed with a random key of this process (Medusa's jwtSecret is ${jwtSecret ? `the public demo value "${DEMO_SECRET}"` : "not set"}): they stop working when the server restarts. Set the module option self_service.secret (required in production): ${SECRET_EXAMPLE}.`,
    ],
  }
}

let randomKey: string | undefined

/** One key per process: the module is built more than once in some runners, and all must agree. */
function processKey(): string {
  randomKey ??= randomBytes(32).toString("hex")
  return randomKey
}

const warned = new Set<string>()

/** A boot warning, once per process (the module is built more than once in some runners). */
export function warnOnce(logger: { warn: (message: string) => void }, message: string): void {
  if (warned.has(message)) return
  warned.add(message)
  logger.warn(message)
}
