/**
 * Options of the `alma` payment provider, as a store writes them in medusa-config.ts:
 *
 *   { resolve: "medusa-instalments/providers/alma", id: "alma", options: {
 *       api_key: process.env.ALMA_API_KEY,          // sk_test_… (sandbox) or sk_live_… (live)
 *       api_root: "https://api.sandbox.getalma.eu", // optional: follows the key's mode
 *       plans: ["p3x", "p4x"],                      // the Alma plans offered
 *       deferred_trigger: "on_shipment",            // optional: the plan starts when the order ships
 *       return_url: "https://shop.example/checkout/alma-return",
 *       ipn_url: "https://api.shop.example/hooks/alma/ipn",
 *   } }
 *
 * A bad option stops Medusa at boot with a message that names it.
 */
import { z } from "@medusajs/framework/zod"
import { PLAN_CODES, type PlanCode } from "../../domain/codes"

export const ALMA_LIVE_API_ROOT = "https://api.getalma.eu"
export const ALMA_SANDBOX_API_ROOT = "https://api.sandbox.getalma.eu"

const PREFIX = "medusa-instalments (alma):"

const url = (name: string) =>
  z.string({ error: `must be an absolute http(s) URL (${name})` }).refine((value) => /^https?:\/\/[^\s/]+/.test(value), {
    message: `must be an absolute http(s) URL, e.g. https://shop.example/${name === "ipn_url" ? "hooks/alma/ipn" : "checkout/alma-return"}`,
  })

const AlmaOptionsSchema = z
  .object({
    api_key: z
      .string({ error: "is required: your Alma secret API key, sk_test_… for the sandbox or sk_live_… for live payments" })
      .regex(/^sk_(test|live)_\S+$/, "must start with sk_test_ (sandbox) or sk_live_ (live): copy it from Alma's dashboard"),
    api_root: z
      .string()
      .refine((value) => /^https?:\/\/[^\s/]+/.test(value), { message: "must be an absolute http(s) URL, e.g. https://api.sandbox.getalma.eu" })
      .optional(),
    plans: z
      .array(
        z.enum(PLAN_CODES, { error: (issue) => `"${String(issue.input)}" is not a plan: use ${PLAN_CODES.join(", ")}` }),
        { error: `must be a list of plans, e.g. ["p3x", "p4x"] (any of ${PLAN_CODES.join(", ")})` },
      )
      .min(1, "must list at least one plan")
      .optional(),
    deferred_trigger: z
      .enum(["off", "on_shipment"], { error: 'must be "off" or "on_shipment"' })
      .optional(),
    return_url: url("return_url").optional(),
    return_origins: z
      .array(
        z.string({ error: "must be a list of origins" }).refine((value) => originOf(value) === value.replace(/\/+$/, ""), {
          message: 'must be a list of origins (scheme, host and port, no path), e.g. ["https://shop.example"]',
        }),
        { error: 'must be a list of origins, e.g. ["https://shop.example"]' },
      )
      .optional(),
    ipn_url: url("ipn_url").optional(),
    timeout_ms: z.number({ error: "must be a number of milliseconds" }).int().min(100).max(60_000).optional(),
    retries: z.number({ error: "must be a whole number from 0 to 5" }).int().min(0).max(5).optional(),
  })
  .strict()

export type AlmaOptions = z.input<typeof AlmaOptionsSchema>

export interface AlmaConfig {
  readonly apiKey: string
  /** Follows the key: sk_live_… is live, anything else the sandbox. */
  readonly mode: "live" | "test"
  readonly apiRoot: string
  readonly plans: readonly PlanCode[]
  readonly deferredTrigger: "off" | "on_shipment"
  readonly returnUrl?: string
  /**
   * Where a storefront's `data.return_url` may send the shopper back: the origin of `return_url`
   * and the `return_origins` option. Empty: no storefront may choose (only `return_url` is used).
   */
  readonly returnOrigins: readonly string[]
  readonly ipnUrl?: string
  readonly timeoutMs: number
  /** Extra attempts of a safe call (reads, eligibility) after a network error, a timeout or a 5xx. */
  readonly retries: number
}

export const DEFAULT_ALMA_PLANS: readonly PlanCode[] = ["p2x", "p3x", "p4x"]

/** The demo's key (medusa-config.ts without ALMA_API_KEY): public, and it is also the IPN signing key. */
export const DEMO_ALMA_API_KEY = "sk_test_demo_fake_alma"

/** The origin of an absolute http(s) URL ("https://shop.example:8443"), or null. */
export function originOf(value: string): string | null {
  try {
    const url = new URL(value)
    return url.protocol === "https:" || url.protocol === "http:" ? url.origin : null
  } catch {
    return null
  }
}

/** Validates the options; throws an Error naming each bad option. */
export function parseAlmaOptions(raw: unknown, env: NodeJS.ProcessEnv = process.env): AlmaConfig {
  const parsed = AlmaOptionsSchema.safeParse(raw ?? {})
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      if (issue.code === "unrecognized_keys") {
        return `unknown option ${issue.keys.map((k) => `"${k}"`).join(", ")} (known: ${Object.keys(AlmaOptionsSchema.shape).join(", ")})`
      }
      return `option "${issue.path.join(".")}" ${issue.message}`
    })
    throw new Error(`${PREFIX} ${problems.join("; ")}`)
  }
  const o = parsed.data
  if (o.api_key === DEMO_ALMA_API_KEY && env.NODE_ENV === "production") {
    throw new Error(
      `${PREFIX} option "api_key" is the demo's public key ${DEMO_ALMA_API_KEY}: anyone could sign Alma notifications for this store. Set api_key: process.env.ALMA_API_KEY with your own key from Alma's dashboard (sk_live_… or sk_test_…).`,
    )
  }
  const mode = o.api_key.startsWith("sk_live_") ? "live" : "test"
  return {
    apiKey: o.api_key,
    mode,
    apiRoot: (o.api_root ?? (mode === "live" ? ALMA_LIVE_API_ROOT : ALMA_SANDBOX_API_ROOT)).replace(/\/+$/, ""),
    plans: o.plans ? [...new Set(o.plans)] : DEFAULT_ALMA_PLANS,
    deferredTrigger: o.deferred_trigger ?? "off",
    returnUrl: o.return_url,
    returnOrigins: [...new Set([...(o.return_url ? [originOf(o.return_url)] : []), ...(o.return_origins ?? []).map((v) => v.replace(/\/+$/, ""))])].filter(
      (origin): origin is string => Boolean(origin),
    ),
    ipnUrl: o.ipn_url,
    timeoutMs: o.timeout_ms ?? 10_000,
    retries: o.retries ?? 2,
  }
}
