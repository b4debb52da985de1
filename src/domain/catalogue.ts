/**
 * The plan catalogue (docs/business-rules.md §1): what each plan code means.
 *  - p2x / p3x / p4x: N instalments, the first at checkout, then one a month on the same day.
 *  - d15 / d30: the whole order in one payment 15 or 30 days after checkout; nothing is charged
 *    at checkout, the card is only verified.
 */
import { addDays, addMonthsClamped, type LocalDate } from "./calendar"
import { PLAN_CODES, type PlanCode } from "./codes"

export interface PlanDefinition {
  readonly code: PlanCode
  /** `instalments`: monthly split; `deferred`: one payment later. */
  readonly kind: "instalments" | "deferred"
  readonly instalmentCount: number
  /** Days between checkout (or start) and the single payment of a deferred plan; 0 otherwise. */
  readonly deferredDays: number
}

export const CATALOGUE: Readonly<Record<PlanCode, PlanDefinition>> = {
  p2x: { code: "p2x", kind: "instalments", instalmentCount: 2, deferredDays: 0 },
  p3x: { code: "p3x", kind: "instalments", instalmentCount: 3, deferredDays: 0 },
  p4x: { code: "p4x", kind: "instalments", instalmentCount: 4, deferredDays: 0 },
  d15: { code: "d15", kind: "deferred", instalmentCount: 1, deferredDays: 15 },
  d30: { code: "d30", kind: "deferred", instalmentCount: 1, deferredDays: 30 },
}

/** Plan codes in catalogue order (the order storefronts show them in). */
export const CATALOGUE_ORDER: readonly PlanCode[] = PLAN_CODES

export function instalmentCount(code: PlanCode): number {
  return CATALOGUE[code].instalmentCount
}

export function isDeferred(code: PlanCode): boolean {
  return CATALOGUE[code].kind === "deferred"
}

/** True when the first instalment is charged at checkout (pNx); false for pay-later plans (card only verified). */
export function chargesAtCheckout(code: PlanCode): boolean {
  return CATALOGUE[code].kind === "instalments"
}

/**
 * Due dates of a plan starting on `start` (checkout day, or shipment day with a deferred start):
 * pNx → start, start + 1 month, ... (clamped to month ends, always counted from `start`);
 * dNN → start + NN days.
 */
export function scheduleDueDates(code: PlanCode, start: LocalDate): LocalDate[] {
  const def = CATALOGUE[code]
  if (def.kind === "deferred") return [addDays(start, def.deferredDays)]
  const dates: LocalDate[] = [start]
  for (let k = 1; k < def.instalmentCount; k++) dates.push(addMonthsClamped(start, k))
  return dates
}
