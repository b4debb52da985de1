/**
 * Plugin options: what a store owner writes in medusa-config.ts, validated and turned into the
 * engine's `EngineConfig` (cents, basis points). The one place outside the engine that knows about
 * both shapes, and the only one allowed to use zod.
 *
 *   plugins: [{
 *     resolve: "medusa-instalments",
 *     options: {
 *       plans: { p3x: { min_amount: 100, fee_percent: 1.5 }, d30: true },  // or ["p3x", "d30"]
 *       countries: ["fr", "be"],
 *       cards: { networks: ["visa", "mastercard", "cb"], allow_prepaid: false },
 *       revision_policy: "spread",        // or "last_first"
 *       deferred_start: "off",            // or "on_shipment"
 *       retry_days: [1, 3, 7],
 *       time_zone: "Europe/Paris",
 *       merchant_size: "sme",             // or "large"
 *       credit_authorisation: false,      // true: the store holds a consumer-credit authorisation
       support: { holidays: ["01-01", "2027-05-06"] }, // days a complaint's reply clock skips
 *     },
 *   }]
 *
 * Every option is optional; leaving one out keeps the default of docs/business-rules.md. Amounts
 * are in euros (numbers or decimal strings, at most 2 decimals), percentages in percent.
 * `plans`: the plans listed are the ones offered (a plan set to `false` or `{ enabled: false }`
 * is not); without `plans`, all five are offered when the store declares a consumer-credit
 * authorisation, and otherwise only the plans exempt from consumer-credit law for its
 * `merchant_size` (./consumer-credit.ts, docs/business-rules.md §11).
 */
import { z } from "@medusajs/framework/zod"
import { isTimeZone } from "../domain/calendar"
import { DEFAULT_ACCEPTED_NETWORKS, PLAN_CODES, REVISION_POLICIES, isPlanCode, type CardNetwork, type PlanCode } from "../domain/codes"
import { defaultEngineConfig, defaultPlanSettings, type EngineConfig, type PlanSettings } from "../domain/config"
import { MERCHANT_SIZES } from "../domain/credit-exemption"
import { decimalToScaledInteger, formatScaledInteger } from "../domain/decimal"
import { isHolidayEntry } from "../domain/support-clock"
import { creditRefusals, exemptDefaults } from "./consumer-credit"

const PREFIX = "medusa-instalments:"

/** Largest customer fee a store may set: docs/business-rules.md §1 allows only a small one. */
export const MAX_FEE_BASIS_POINTS = 1_000 // 10 %
export const MAX_FEE_FIXED_CENTS = 1_000 // 10.00 €
export const MAX_POSTPONEMENTS = 3

// ---- field schemas (each issue message says what is expected) -----------------------------

type Ctx = { addIssue: (issue: { code: "custom"; message: string }) => void }

/** A decimal (number or string) with at most `scale` decimals, as an integer × 10^scale within [0, maxScaled]. */
function decimal(scale: number, maxScaled: number, expected: string) {
  return z.unknown().transform((value, ctx: Ctx) => {
    const scaled = typeof value === "number" || typeof value === "string" ? decimalToScaledInteger(value, scale, "exact") : undefined
    if (scaled === undefined || scaled < 0 || scaled > maxScaled) {
      ctx.addIssue({ code: "custom", message: expected })
      return z.NEVER
    }
    return scaled
  })
}

/** Euros → cents, optionally capped (`maxCents`). */
const euros = (maxCents?: number) =>
  maxCents === undefined
    ? decimal(2, Number.MAX_SAFE_INTEGER, "must be a number of euros ≥ 0, at most 2 decimals")
    : decimal(2, maxCents, `must be a number of euros from 0 to ${formatScaledInteger(maxCents, 2)}, at most 2 decimals`)

const bool = z.boolean({ error: "must be true or false" })

const planObject = z.strictObject({
  enabled: bool.optional(),
  min_amount: euros().optional(),
  max_amount: euros().optional(),
  // percent with 2 decimals = basis points
  fee_percent: decimal(2, MAX_FEE_BASIS_POINTS, `must be a percentage from 0 to ${formatScaledInteger(MAX_FEE_BASIS_POINTS, 2)}, at most 2 decimals (e.g. 1.5)`).optional(),
  fee_fixed: euros(MAX_FEE_FIXED_CENTS).optional(),
  max_postponements: z
    .number({ error: `must be a whole number from 0 to ${MAX_POSTPONEMENTS}` })
    .int({ error: `must be a whole number from 0 to ${MAX_POSTPONEMENTS}` })
    .min(0, { error: `must be a whole number from 0 to ${MAX_POSTPONEMENTS}` })
    .max(MAX_POSTPONEMENTS, { error: `must be a whole number from 0 to ${MAX_POSTPONEMENTS}` })
    .optional(),
})
type PlanObjectOutput = z.output<typeof planObject>

const planEntry = z.union([bool, planObject], { error: "must be true, false or an object such as { min_amount: 50, fee_percent: 1.5 }" })

const planCode = z.enum(PLAN_CODES, { error: `must be a plan code: ${PLAN_CODES.join(", ")}` })
const planList = z.array(planCode, { error: `must be a list of plan codes (${PLAN_CODES.join(", ")}) or an object keyed by plan code` })
const planMap = z.record(z.string(), planEntry)

const ACCEPTABLE_NETWORKS = DEFAULT_ACCEPTED_NETWORKS as readonly [CardNetwork, ...CardNetwork[]]
const networksMessage = `must be one of ${ACCEPTABLE_NETWORKS.join(", ")} (Maestro, Visa Electron and other cards with systematic authorisation are always refused)`

const RETRY_DAYS = "must be a list of whole numbers of days from 1 to 30, e.g. [1, 3, 7]"
const RETRY_DAY = "must be a whole number of days from 1 to 30"
const retryDay = z.number({ error: RETRY_DAY }).int({ error: RETRY_DAY }).min(1, { error: RETRY_DAY }).max(30, { error: RETRY_DAY })

const HOLIDAY = "must be a day \"YYYY-MM-DD\" (one day) or \"MM-DD\" (every year), e.g. \"2027-05-06\" or \"12-25\""

const optionsSchema = z.strictObject({
  plans: z.unknown().optional(), // a list or a map: checked by `plansSchemaFor`, for clearer messages than a union's
  countries: z
    .array(
      z
        .string({ error: "must be a two-letter country code such as \"fr\"" })
        .regex(/^[A-Za-z]{2}$/, { error: "must be a two-letter country code such as \"fr\"" }),
      { error: "must be a list of two-letter country codes such as [\"fr\", \"be\"]" },
    )
    .min(1, { error: "must list at least one country" })
    .optional(),
  cards: z
    .strictObject(
      {
        networks: z
          .array(z.enum(ACCEPTABLE_NETWORKS, { error: networksMessage }), { error: `must be a list of card networks: ${ACCEPTABLE_NETWORKS.join(", ")}` })
          .min(1, { error: "must list at least one card network" })
          .optional(),
        allow_prepaid: bool.optional(),
      },
      { error: "must be an object such as { networks: [\"visa\", \"mastercard\"], allow_prepaid: false }" },
    )
    .optional(),
  revision_policy: z.enum(REVISION_POLICIES, { error: `must be one of ${REVISION_POLICIES.join(", ")}` }).optional(),
  deferred_start: z.enum(["off", "on_shipment"], { error: "must be one of off, on_shipment" }).optional(),
  retry_days: z
    .array(retryDay, { error: RETRY_DAYS })
    .max(10, { error: "must list at most 10 retries" })
    .optional(),
  time_zone: z.string({ error: "must be an IANA time zone such as \"Europe/Paris\"" }).optional(),
  merchant_size: z.enum(MERCHANT_SIZES, { error: `must be one of ${MERCHANT_SIZES.join(", ")} ("sme": a micro, small or medium enterprise)` }).optional(),
  credit_authorisation: bool.optional(),
  support: z
    .strictObject(
      {
        holidays: z
          .array(z.unknown().refine(isHolidayEntry, { error: HOLIDAY }), { error: `must be a list of days, each ${HOLIDAY.slice(8)}` })
          .optional(),
      },
      { error: "must be an object such as { holidays: [\"01-01\", \"2027-05-06\"] }" },
    )
    .optional(),
})

/** The options a store owner may write, as TypeScript sees them (for medusa-config.ts authors). */
export interface PluginOptions {
  plans?: PlanCode[] | Partial<Record<PlanCode, boolean | PlanOptions>>
  countries?: string[]
  cards?: { networks?: ("visa" | "mastercard" | "amex" | "cb")[]; allow_prepaid?: boolean }
  revision_policy?: "spread" | "last_first"
  deferred_start?: "off" | "on_shipment"
  retry_days?: number[]
  time_zone?: string
  /** `"sme"` (default): a micro, small or medium enterprise; `"large"`: any other seller. */
  merchant_size?: "sme" | "large"
  /** Whether the store holds a consumer-credit authorisation (default false). Not legal advice. */
  credit_authorisation?: boolean
  /** `holidays`: the store's public holidays, skipped by a formal complaint's 48-working-hour reply clock (default: France's fixed-date ones). */
  support?: { holidays?: string[] }
}

export interface PlanOptions {
  enabled?: boolean
  min_amount?: number | string
  max_amount?: number | string
  fee_percent?: number | string
  fee_fixed?: number | string
  max_postponements?: number
}

// ---- error messages -------------------------------------------------------------------------

type PathItem = PropertyKey

function pathText(path: readonly PathItem[]): string {
  return path.reduce<string>((text, key) => (typeof key === "number" ? `${text}[${key}]` : text === "" ? String(key) : `${text}.${String(key)}`), "")
}

function valueAt(raw: unknown, path: readonly PathItem[]): unknown {
  let value = raw
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

function shown(value: unknown): string {
  if (value === undefined) return "nothing"
  if (typeof value === "function") return "a function"
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

function line(path: readonly PathItem[], message: string, raw: unknown): string {
  return `${PREFIX} option "${pathText(path)}" ${message} (got ${shown(valueAt(raw, path))})`
}

interface Issue {
  readonly code: string
  readonly path: readonly PathItem[]
  readonly message: string
  readonly keys?: readonly string[]
  readonly errors?: readonly (readonly Issue[])[]
}

/** Known keys of the object at `path`, for "unknown key" messages. */
function knownKeys(path: readonly PathItem[]): string {
  if (path.length === 0) return Object.keys(optionsSchema.shape).join(", ")
  if (path[0] === "cards") return "networks, allow_prepaid"
  if (path[0] === "support") return "holidays"
  if (path[0] === "plans") return Object.keys(planObject.shape).join(", ")
  return ""
}

function describe(issue: Issue, raw: unknown, base: readonly PathItem[]): string[] {
  const path = [...base, ...issue.path]
  if (issue.code === "unrecognized_keys") {
    return (issue.keys ?? []).map((key) => line([...path, key], `is not an option; expected one of: ${knownKeys(path)}`, raw))
  }
  if (issue.code === "invalid_union" && issue.errors) {
    // A plan entry that is neither a boolean nor a valid object: report the object's problems if it is one.
    const value = valueAt(raw, path)
    if (value !== null && typeof value === "object") {
      const objectBranch = issue.errors.find((branch) => branch.every((i) => i.code !== "invalid_type" || i.path.length > 0))
      if (objectBranch) return objectBranch.flatMap((i) => describe(i, raw, path))
    }
  }
  return [line(path, issue.message, raw)]
}

// ---- options → EngineConfig ------------------------------------------------------------------

function planSettings(entry: boolean | PlanObjectOutput): PlanSettings {
  const defaults = defaultPlanSettings()
  if (typeof entry === "boolean") return { ...defaults, offered: entry }
  return {
    offered: entry.enabled ?? true,
    min: entry.min_amount ?? defaults.min,
    max: entry.max_amount ?? defaults.max,
    fee: { basisPoints: entry.fee_percent ?? 0, fixedCents: entry.fee_fixed ?? 0 },
    maxPostponements: entry.max_postponements ?? defaults.maxPostponements,
  }
}

/** Validates `plans` (list or map) into settings for every plan code, collecting error lines. */
function parsePlans(value: unknown, raw: unknown, errors: string[]): Record<PlanCode, PlanSettings> | undefined {
  const plans = {} as Record<PlanCode, PlanSettings>
  for (const code of PLAN_CODES) plans[code] = { ...defaultPlanSettings(), offered: value === undefined }
  if (value === undefined) return plans
  if (Array.isArray(value)) {
    const parsed = planList.safeParse(value)
    if (!parsed.success) {
      errors.push(...parsed.error.issues.flatMap((i) => describe(i as Issue, raw, ["plans"])))
      return undefined
    }
    for (const code of parsed.data) plans[code] = { ...plans[code], offered: true }
    return plans
  }
  if (value === null || typeof value !== "object") {
    errors.push(line(["plans"], `must be a list of plan codes (${PLAN_CODES.join(", ")}) or an object keyed by plan code`, raw))
    return undefined
  }
  const unknown = Object.keys(value).filter((key) => !isPlanCode(key))
  for (const key of unknown) errors.push(line(["plans", key], `is not a plan code; valid plan codes are ${PLAN_CODES.join(", ")}`, raw))
  const parsed = planMap.safeParse(value)
  if (!parsed.success) {
    errors.push(...parsed.error.issues.filter((i) => isPlanCode(i.path[0])).flatMap((i) => describe(i as Issue, raw, ["plans"])))
    return undefined
  }
  let valid = unknown.length === 0
  for (const [code, entry] of Object.entries(parsed.data)) {
    if (!isPlanCode(code)) continue
    const settings = planSettings(entry)
    if (settings.min > settings.max) {
      errors.push(line(["plans", code, "min_amount"], `must not be more than "plans.${code}.max_amount" (${formatScaledInteger(settings.max, 2)} €)`, raw))
      valid = false
    }
    plans[code] = settings
  }
  return valid ? plans : undefined
}

export interface ParseOptions {
  /** Top-level keys that belong to other parts of the plugin and are not checked here. */
  readonly ignoreKeys?: readonly string[]
}

/**
 * Validates the plugin options and returns the engine configuration. Throws an Error naming every
 * bad option by its path, what is expected and what was given, one line each.
 */
export function parsePluginOptions(raw: unknown, options: ParseOptions = {}): EngineConfig {
  const input = raw ?? {}
  if (typeof input !== "object" || Array.isArray(input)) {
    throw new Error(`${PREFIX} the plugin options must be an object such as { plans: ["p3x", "d30"] } (got ${shown(raw)})`)
  }
  const checked = { ...(input as Record<string, unknown>) }
  for (const key of options.ignoreKeys ?? []) delete checked[key]

  const errors: string[] = []
  const parsed = optionsSchema.safeParse(checked)
  if (!parsed.success) errors.push(...parsed.error.issues.map((i) => i as Issue).flatMap((i) => describe(i, input, [])))
  const plans = parsePlans(checked.plans, input, errors)
  const o = parsed.success ? parsed.data : undefined

  if (plans && !PLAN_CODES.some((code) => plans[code].offered)) {
    errors.push(line(["plans"], `must offer at least one plan (${PLAN_CODES.join(", ")})`, input))
  }
  // Checks zod does not express; run on the raw values so they are reported along with the rest.
  const retryDays = checked.retry_days
  if (Array.isArray(retryDays) && retryDays.some((d, k) => k > 0 && typeof d === "number" && typeof retryDays[k - 1] === "number" && d <= retryDays[k - 1])) {
    errors.push(line(["retry_days"], "must list days in increasing order, e.g. [1, 3, 7]", input))
  }
  if (typeof checked.time_zone === "string" && !isTimeZone(checked.time_zone)) {
    errors.push(line(["time_zone"], "must be an IANA time zone such as \"Europe/Paris\"", input))
  }
  if (errors.length > 0 || !o || !plans) throw new Error(errors.join("\n"))

  // Without an authorisation, direct mode offers only plans outside consumer-credit law (§11).
  const consumerCredit = { merchantSize: o.merchant_size ?? "sme", authorised: o.credit_authorisation ?? false } as const
  const offered = consumerCredit.authorised || checked.plans !== undefined ? plans : exemptDefaults(plans, consumerCredit.merchantSize)
  if (!consumerCredit.authorised) {
    const refusals = creditRefusals(offered, consumerCredit.merchantSize)
    if (refusals.length > 0) throw new Error(refusals.join("\n"))
  }

  const defaults = defaultEngineConfig()
  return {
    ...defaults,
    plans: offered,
    countries: o.countries ? [...new Set(o.countries.map((c) => c.toLowerCase()))] : defaults.countries,
    cards: {
      ...defaults.cards,
      networks: o.cards?.networks ? [...new Set(o.cards.networks)] : defaults.cards.networks,
      allowPrepaid: o.cards?.allow_prepaid ?? defaults.cards.allowPrepaid,
    },
    revisionPolicy: o.revision_policy ?? defaults.revisionPolicy,
    deferredStart: o.deferred_start ?? defaults.deferredStart,
    retryDays: o.retry_days ?? defaults.retryDays,
    timeZone: o.time_zone ?? defaults.timeZone,
    consumerCredit,
    supportHolidays: o.support?.holidays ? [...new Set(o.support.holidays as string[])] : defaults.supportHolidays,
  }
}
