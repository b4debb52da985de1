/**
 * The module's options, read once when Medusa builds the service: the plugin options (the
 * engine's configuration, src/options), the shopper links, the test clock, the terms version, and
 * the card processor with its sandbox store. A bad or unsafe option stops the boot with a message
 * naming it and the fix.
 */
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { EngineConfig } from "../../domain/config"
import { PLAN_CODES } from "../../domain/codes"
import { ruleAndWaysOut } from "../../options/consumer-credit"
import { parsePluginOptions } from "../../options/plugin-options"
import {
  createMemorySandboxStore,
  createPostgresSandboxStore,
  createSandboxProcessor,
  type CardProcessor,
  type SandboxClock,
  type SandboxStore,
  type SqlClient,
  type StripeWebhooks,
} from "../../processors"
import { loggerOf } from "./plugin-logger"
import { parseStripeOptions, stripeAdapters, type StripeOptionsInput } from "./stripe-options"
import { parseSelfServiceOptions, projectJwtSecret, warnOnce, type SelfServiceOptionsInput, type SelfServiceSettings } from "./shopper-links/options"
import type { StoreClock } from "./store-clock"
import { moduleClock, parseTestClockOption } from "./test-clock"

/** Options of the module: the plugin options (see src/options) plus the wiring choices below. */
export interface InstalmentsModuleOptions {
  /**
   * Card processor: `sandbox` (default, offline test cards), `stripe` (with the `stripe` option),
   * or a function that builds one from the module's clock and sandbox store (tests wrap the
   * sandbox with faults; see test-support/faulty-processor.ts).
   */
  processor?: "sandbox" | "stripe" | ProcessorFactory
  /** With `processor: "stripe"`: `{ api_key, webhook_secret }` (./stripe-options.ts). */
  stripe?: StripeOptionsInput
  /**
   * Where the sandbox keeps its cards, charges and refunds: `database` (default: a table of this
   * module, so they survive a restart and the server and worker processes share them) or `memory`
   * (one process, gone at restart).
   */
  sandbox_store?: "database" | "memory"
  /**
   * How long a request waits, in milliseconds, for a payment already running on the same plan
   * before answering `plan_busy` (409, retryable). Default 5000.
   */
  busy_wait_ms?: number
  /** Version of the credit terms the shopper accepts at checkout, recorded on every plan. */
  terms_version?: string
  /** Signed links to the shopper's page: `{ secret, base_url, link_ttl_days }` (./shopper-links/options.ts). */
  self_service?: SelfServiceOptionsInput
  /** The sandbox test clock (admin route, tests, demo): default false, refused in production (./test-clock.ts). */
  test_clock?: boolean
  [option: string]: unknown
}

/** Builds the card processor from what the module provides. */
export type ProcessorFactory = (provided: { clock: SandboxClock; store: () => SandboxStore }) => CardProcessor

/** What the service is built with. */
export interface ModuleSettings {
  readonly engineConfig: EngineConfig
  readonly processor: CardProcessor
  /** The store's test clock (kept in Postgres, moved by the admin route); the real time, immovable, without `test_clock`. */
  readonly clock: StoreClock
  /** Whether the `test_clock` option turned the test clock on. */
  readonly testClock: boolean
  readonly termsVersion: string
  /**
   * How shopper links are signed and where they point; and Stripe's publishable key
   * (`stripe.publishable_key`), with which the page loads Stripe.js for the bank's 3-D Secure, else null.
   */
  readonly selfService: SelfServiceSettings & { readonly stripePublishableKey: string | null }
  readonly busyWaitMs: number
  /** Stripe's webhook checker when the processor is Stripe (POST /hooks/instalments/stripe), else null. */
  readonly stripeWebhooks: StripeWebhooks | null
}

const DEFAULT_TERMS_VERSION = "2026-11"
/** How long a request waits for another operation on the same plan (usually one processor call). */
const BUSY_WAIT_MS = 5_000

/** Reads the module's options; `cradle` is the module's container (Medusa's config and database connection). */
export function readModuleOptions(options: InstalmentsModuleOptions | undefined, cradle: Record<string, unknown>): ModuleSettings {
  // `database` is Medusa's own (it injects it into every module's options); the rest is ours.
  const { processor = "sandbox", stripe, sandbox_store = "database", terms_version, self_service, test_clock, busy_wait_ms, database: _database, ...engineOptions } = options ?? {}
  const engineConfig = parsePluginOptions(engineOptions)
  const selfService = parseSelfServiceOptions(self_service, { env: process.env, jwtSecret: projectJwtSecret(cradle) })
  const testClock = parseTestClockOption(test_clock, process.env)
  for (const warning of selfService.warnings) warnOnce(loggerOf(cradle), warning)
  if (!PLAN_CODES.some((code) => engineConfig.plans[code].offered)) {
    // A large seller without an authorisation: nothing is exempt. Fine for a store that lends only through Alma.
    warnOnce(loggerOf(cradle), `medusa-instalments: direct mode offers no plan. ${ruleAndWaysOut(engineConfig.consumerCredit.merchantSize)}`)
  }
  if (processor !== "sandbox" && processor !== "stripe" && typeof processor !== "function") {
    throw new Error(`medusa-instalments: option "processor" must be "sandbox" or "stripe" (got "${String(processor)}")`)
  }
  if (processor !== "stripe" && stripe !== undefined) {
    throw new Error('medusa-instalments: option "stripe" is set but "processor" is not "stripe": add processor: "stripe" to charge through Stripe, or remove the stripe option')
  }
  const stripeSettings = processor === "stripe" ? parseStripeOptions(stripe, process.env) : null
  const stripeAdapter = stripeSettings ? stripeAdapters(stripeSettings) : null
  const clock = moduleClock(testClock)
  const store = () => sandboxStore(sandbox_store, cradle)
  return {
    engineConfig,
    selfService: { ...selfService, stripePublishableKey: stripeSettings?.publishableKey ?? null },
    testClock,
    termsVersion: terms_version ?? DEFAULT_TERMS_VERSION,
    clock,
    processor: stripeAdapter?.processor ?? chosenProcessor(processor, { clock, store }),
    busyWaitMs: parseBusyWait(busy_wait_ms),
    stripeWebhooks: stripeAdapter?.webhooks ?? null,
  }
}

/** The sandbox, or what a factory builds (Stripe's is built from its options). */
function chosenProcessor(option: "sandbox" | "stripe" | ProcessorFactory, provided: Parameters<ProcessorFactory>[0]): CardProcessor {
  if (typeof option === "function") return option(provided)
  return createSandboxProcessor({ clock: provided.clock, store: provided.store() })
}

/** The sandbox's store the `sandbox_store` option names; the database one on Medusa's shared connection. */
function sandboxStore(option: unknown, cradle: Record<string, unknown>): SandboxStore {
  if (option === "memory") return createMemorySandboxStore()
  if (option !== "database") {
    throw new Error(`medusa-instalments: option "sandbox_store" must be "database" or "memory" (got "${String(option)}")`)
  }
  return createPostgresSandboxStore(() => {
    const connection = cradle[ContainerRegistrationKeys.PG_CONNECTION] as SqlClient | undefined
    if (!connection) throw new Error("medusa-instalments: the sandbox store needs Medusa's database connection")
    return connection
  })
}

function parseBusyWait(value: unknown): number {
  if (value === undefined) return BUSY_WAIT_MS
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 60_000) {
    throw new Error(`medusa-instalments: option "busy_wait_ms" must be a whole number of milliseconds from 0 to 60000 (got ${JSON.stringify(value)})`)
  }
  return value
}
