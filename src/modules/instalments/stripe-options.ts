/**
 * The module's `stripe` options, read when `processor: "stripe"`: the secret key the plugin calls
 * Stripe with and the secret that signs Stripe's webhooks. A missing or malformed one stops the
 * boot with a message that names it; reading them never calls Stripe.
 *
 *   stripe: { api_key: "sk_test_…", webhook_secret: "whsec_…", publishable_key?: "pk_test_…" }
 *
 * `publishable_key` (optional) lets the self-service page load Stripe.js for the bank's 3-D Secure
 * challenge (src/self-service/bank-payment.ts); it must be of the same mode as the secret key.
 *
 * `api_base` (e.g. "http://127.0.0.1:12111") points the client at another server than
 * api.stripe.com: the tests' fake Stripe. It is refused with NODE_ENV=production.
 */
import Stripe from "stripe"
import { type CardProcessor, type StripeWebhooks, createStripeProcessor, createStripeWebhooks } from "../../processors"
import { isProduction } from "./shopper-links/options"

export type StripeOptionsInput = { api_key?: unknown; webhook_secret?: unknown; api_base?: unknown; [option: string]: unknown }

export type StripeSettings = {
  readonly apiKey: string
  readonly webhookSecret: string
  /** `sk_test_…` / `rk_test_…`: Stripe's test mode, no real money. */
  readonly testMode: boolean
  readonly apiBase: URL | null
  /** `pk_test_…` / `pk_live_…`, for Stripe.js on the self-service page; null without it. */
  readonly publishableKey: string | null
}

const API_KEY = /^(sk|rk)_(test|live)_[A-Za-z0-9]+$/
const WEBHOOK_SECRET = /^whsec_[A-Za-z0-9+/=]+$/
const PUBLISHABLE_KEY = /^pk_(test|live)_[A-Za-z0-9]+$/
const KNOWN = ["api_key", "webhook_secret", "publishable_key", "api_base"]
const PREFIX = "medusa-instalments:"

export function parseStripeOptions(raw: unknown, env: NodeJS.ProcessEnv): StripeSettings {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new Error(`${PREFIX} option "stripe" is required with processor "stripe": { api_key: "sk_test_…" or "sk_live_…", webhook_secret: "whsec_…" } (Stripe dashboard → Developers)`)
  }
  const input = raw as StripeOptionsInput
  const unknown = Object.keys(input).filter((key) => !KNOWN.includes(key))
  if (unknown.length > 0) throw new Error(`${PREFIX} option "stripe.${unknown[0]}" is not known: the stripe options are ${KNOWN.join(", ")}`)
  if (typeof input.api_key !== "string" || !API_KEY.test(input.api_key)) {
    throw new Error(
      `${PREFIX} option "stripe.api_key" must be a Stripe secret key, sk_test_… or sk_live_… (or a restricted key rk_…): ${input.api_key === undefined ? "it is missing" : "this is not one"}. A publishable key (pk_…) is for Stripe.js only.`,
    )
  }
  if (typeof input.webhook_secret !== "string" || !WEBHOOK_SECRET.test(input.webhook_secret)) {
    throw new Error(
      `${PREFIX} option "stripe.webhook_secret" must be the signing secret (whsec_…) of the Stripe webhook endpoint that points at /hooks/instalments/stripe: ${input.webhook_secret === undefined ? "it is missing" : "this is not one"}`,
    )
  }
  const testMode = input.api_key.includes("_test_")
  return { apiKey: input.api_key, webhookSecret: input.webhook_secret, testMode, apiBase: parseApiBase(input.api_base, env), publishableKey: parsePublishableKey(input.publishable_key, testMode) }
}

/** The publishable key, of the secret key's mode: a test key with a live one would show challenges Stripe then refuses. */
function parsePublishableKey(raw: unknown, testMode: boolean): string | null {
  if (raw === undefined) return null
  if (typeof raw !== "string" || !PUBLISHABLE_KEY.test(raw)) {
    const secret = typeof raw === "string" && /^(sk|rk)_/.test(raw) ? " (this looks like a secret key: never give it to a browser)" : ""
    throw new Error(`${PREFIX} option "stripe.publishable_key" must be a Stripe publishable key, pk_test_… or pk_live_… (Stripe dashboard → Developers → API keys)${secret}; leave it out to pay 3-D Secure instalments from your storefront only`)
  }
  const keyIsTest = raw.startsWith("pk_test_")
  if (keyIsTest !== testMode) {
    const [publishable, secret] = keyIsTest ? ["pk_test_…", "sk_live_…"] : ["pk_live_…", "sk_test_…"]
    throw new Error(
      `${PREFIX} option "stripe.publishable_key" is a ${keyIsTest ? "test" : "live"} key (${publishable}) but "stripe.api_key" is a ${keyIsTest ? "live" : "test"} one (${secret}): use the two keys of the same mode, both from Stripe's dashboard in test mode or both in live mode`,
    )
  }
  return raw
}

function parseApiBase(raw: unknown, env: NodeJS.ProcessEnv): URL | null {
  if (raw === undefined) return null
  const url = typeof raw === "string" && URL.canParse(raw) ? new URL(raw) : null
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || url.pathname !== "/") {
    throw new Error(`${PREFIX} option "stripe.api_base" must be a URL like http://127.0.0.1:12111 (got ${JSON.stringify(raw)}); leave it out to call api.stripe.com`)
  }
  if (isProduction(env)) throw new Error(`${PREFIX} option "stripe.api_base" is for tests only and is refused when NODE_ENV=production: remove it to call api.stripe.com`)
  return url
}

/** The Stripe processor and webhook checker for these settings, on one client. Building them makes no call. */
export function stripeAdapters(settings: StripeSettings): { processor: CardProcessor; webhooks: StripeWebhooks } {
  const base = settings.apiBase
  const client = new Stripe(settings.apiKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: "medusa-instalments" },
    ...(base ? { host: base.hostname, port: Number(base.port || (base.protocol === "https:" ? 443 : 80)), protocol: base.protocol === "https:" ? "https" : "http" } : {}),
  })
  return { processor: createStripeProcessor({ client, testMode: settings.testMode }), webhooks: createStripeWebhooks({ client, secret: settings.webhookSecret }) }
}
