/**
 * Immutable updates of instalments. Status changes go through the instalment transition table.
 */
import type { InstalmentSnapshot, PlanSnapshot } from "../plan"
import { assertInstalmentTransition } from "../states"

type InstalmentPatch = Partial<Omit<InstalmentSnapshot, "number">>

/** A copy of `instalment` with `patch` applied (status change checked). */
export function patchInstalment(instalment: InstalmentSnapshot, patch: InstalmentPatch): InstalmentSnapshot {
  if (patch.status !== undefined) assertInstalmentTransition(instalment.status, patch.status)
  return { ...instalment, ...patch }
}

/** A copy of the plan where every instalment whose number is in `patches` is patched. */
export function patchInstalments(plan: PlanSnapshot, patches: ReadonlyMap<number, InstalmentPatch>): PlanSnapshot {
  if (patches.size === 0) return plan
  return {
    ...plan,
    instalments: plan.instalments.map((i) => {
      const patch = patches.get(i.number)
      return patch ? patchInstalment(i, patch) : i
    }),
  }
}
