/**
 * Our plan codes ↔ Alma's plan coordinates (installments count, deferred days, deferred months).
 * Alma names a plan `general_<installments>_<deferred days>_<deferred months>`: p3x is
 * general_3_0_0, d30 is general_1_30_0.
 */
import { PLAN_CODES, type PlanCode } from "../../domain/codes"

export interface AlmaPlanKey {
  readonly installments_count: number
  readonly deferred_days: number
  readonly deferred_months: number
}

const KEYS: Readonly<Record<PlanCode, AlmaPlanKey>> = {
  p2x: { installments_count: 2, deferred_days: 0, deferred_months: 0 },
  p3x: { installments_count: 3, deferred_days: 0, deferred_months: 0 },
  p4x: { installments_count: 4, deferred_days: 0, deferred_months: 0 },
  d15: { installments_count: 1, deferred_days: 15, deferred_months: 0 },
  d30: { installments_count: 1, deferred_days: 30, deferred_months: 0 },
}

export function almaPlanKey(plan: PlanCode): AlmaPlanKey {
  return KEYS[plan]
}

/** The plan code of Alma's coordinates, or null for a plan the plugin does not offer (1x pay now, 10x credit...). */
export function planCodeOf(key: Partial<AlmaPlanKey>): PlanCode | null {
  const count = key.installments_count ?? 0
  const days = key.deferred_days ?? 0
  const months = key.deferred_months ?? 0
  for (const code of PLAN_CODES) {
    const k = KEYS[code]
    if (k.installments_count === count && k.deferred_days === days && k.deferred_months === months) return code
  }
  return null
}
