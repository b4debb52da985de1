/**
 * Test helpers for the domain tests (not shipped: tsconfig excludes __tests__).
 */
import type { LocalDate } from "../calendar"
import type { PlanCode } from "../codes"
import { defaultEngineConfig, type EngineConfig } from "../config"
import { money, type Money } from "../money"
import type { RevisionContext, RevisionOutcome } from "../outcome"
import { createPlan, type CreatePlanOptions, type PlanSnapshot } from "../plan"
import { quotePlan } from "../quote"
import type { Result } from "../result"
import { checkInvariants } from "../invariants"
import { applyChargeSucceeded } from "../revisions/charges"

export const eur = (cents: number): Money => money(cents, "eur")

export function ctxOn(today: LocalDate, config: EngineConfig = defaultEngineConfig()): RevisionContext {
  return { config, today, now: `${today}T10:00:00.000Z` }
}

/** A plan created on `orderDate` through the public path (quote → createPlan). */
export function newPlan(
  code: PlanCode,
  cents: number,
  orderDate: LocalDate = "2025-01-15",
  options: Partial<CreatePlanOptions> = {},
  config: EngineConfig = defaultEngineConfig(),
): PlanSnapshot {
  const quote = quotePlan({ config, plan: code, amount: eur(cents), country: "fr", today: orderDate })
  return expectOk(createPlan(quote, { now: `${orderDate}T09:00:00.000Z`, ...options })).plan
}

export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`)
  return result.value
}

export function expectErr<T>(result: Result<T>, code: string): string {
  if (result.ok) throw new Error(`expected error ${code}, got ok`)
  expect(result.error.code).toBe(code)
  expect(result.error.message.length).toBeGreaterThan(10)
  return result.error.message
}

/** Amounts of the instalments, in cents, by number. */
export const amounts = (plan: PlanSnapshot): number[] => plan.instalments.map((i) => i.amount)
export const statuses = (plan: PlanSnapshot): string[] => plan.instalments.map((i) => i.status)

/** Deeply freezes an object so any mutation by the code under test throws (modules run in strict mode). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v)
  }
  return value
}

/** Pays every instalment of `outcome`'s charge movement (first movement of kind charge). */
export function chargeOf(outcome: RevisionOutcome) {
  const charge = outcome.movements.find((m) => m.kind === "charge")
  if (!charge || charge.kind !== "charge") throw new Error("no charge movement")
  return charge
}

/**
 * Runs a revision expecting success, and checks what every successful revision promises: the
 * input plan is not mutated, at least one event, a consistent snapshot.
 */
export function apply<I>(
  revision: (plan: PlanSnapshot, input: I, ctx: RevisionContext) => Result<RevisionOutcome>,
  plan: PlanSnapshot,
  input: I,
  ctx: RevisionContext,
): RevisionOutcome {
  const outcome = expectOk(revision(deepFreeze(plan), input, ctx))
  expect(outcome.events.length).toBeGreaterThan(0)
  expect(checkInvariants(outcome.plan)).toEqual([])
  return outcome
}

/** Applies the successful outcome of the charge movement in `outcome`. */
export function succeed(plan: PlanSnapshot, outcome: RevisionOutcome, ctx: RevisionContext): PlanSnapshot {
  const charge = chargeOf(outcome)
  return apply(applyChargeSucceeded, plan, { instalments: charge.instalments, amount: charge.amount, at: ctx.now }, ctx).plan
}
