/**
 * Building the charge movement for a set of instalments: one charge of their amounts with their
 * fees, which `applyChargeSucceeded` / `applyChargeFailed` later settle.
 */
import { money } from "../money"
import type { ChargeMovement, ChargePurpose } from "../outcome"
import { amountDue, type InstalmentSnapshot, type PlanSnapshot } from "../plan"

export function chargeMovement(plan: PlanSnapshot, instalments: readonly InstalmentSnapshot[], purpose: ChargePurpose): ChargeMovement {
  let cents = 0
  for (const i of instalments) cents += amountDue(i)
  return { kind: "charge", amount: money(cents, plan.currency), instalments: instalments.map((i) => i.number), purpose }
}
