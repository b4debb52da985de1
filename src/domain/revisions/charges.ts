/**
 * Charges and their outcomes, used by checkout, daily collection, early payment, withdrawal and
 * termination. The engine asks for a charge (a `charge` movement); the caller charges the card and
 * reports the outcome:
 *  - `applyChargeSucceeded`: the instalments are paid; the plan completes when nothing remains
 *    (becomes withdrawn after a withdrawal) and goes back to active when nothing is overdue;
 *  - `applyChargeFailed`: each due instalment records a failed attempt and gets its next retry
 *    (config.retryDays after its due date, never the same day; none after the last retry), and
 *    the plan is late. A failed EARLY payment (instalment not due yet) changes nothing but the history.
 */
import { addDays, compareDates, maxDate, type LocalDate } from "../calendar"
import type { PlanStatus } from "../codes"
import { toMajorString, type Money } from "../money"
import type { ChargeMovement, LedgerEvent, RevisionContext, RevisionOutcome } from "../outcome"
import { amountDue, isUnpaid, type InstalmentSnapshot, type PlanSnapshot } from "../plan"
import { err, ok, type Result } from "../result"
import { chargeMovement } from "./charge-movement"
import { requireStatus } from "./guards"
import { patchInstalments } from "./instalment-updates"
import { settleStatus } from "./settle"

/** Statuses in which charges happen (a frozen plan may still receive the outcome of a charge started before the freeze). */
const CHARGEABLE: readonly PlanStatus[] = ["active", "late", "serious_delay", "terminated", "frozen"]
/** Statuses in which collection runs. */
const COLLECTABLE: readonly PlanStatus[] = ["active", "late", "serious_delay", "terminated"]

/** Is the instalment to be charged today: scheduled and due, or failed/late with a retry due. */
function isCollectable(i: InstalmentSnapshot, today: LocalDate): boolean {
  if (i.status === "scheduled") return compareDates(i.dueDate, today) <= 0
  if (i.status === "failed" || i.status === "late") return i.nextRetryOn !== undefined && compareDates(i.nextRetryOn, today) <= 0
  return false
}

/**
 * The charge the daily collection should make today, or null: the instalments due and
 * collectable, in one charge. Nothing while the plan is frozen, pending its start, or closed.
 */
export function collectDue(plan: PlanSnapshot, today: LocalDate): ChargeMovement | null {
  if (!COLLECTABLE.includes(plan.status)) return null
  const due = plan.instalments.filter((i) => isCollectable(i, today))
  return due.length === 0 ? null : chargeMovement(plan, due, "instalment")
}

export interface ChargeSucceededInput {
  readonly instalments: readonly number[]
  readonly amount: Money
  /** When the charge succeeded (ISO instant). */
  readonly at: string
}

export interface ChargeFailedInput {
  readonly instalments: readonly number[]
  /** When the charge failed (ISO instant). */
  readonly at: string
  /** Processor's decline reason, kept in the history. */
  readonly reason?: string
}

/** Checks that the charge names existing unpaid instalments, each once. */
function chargedInstalments(plan: PlanSnapshot, numbers: readonly number[]): Result<InstalmentSnapshot[]> {
  if (numbers.length === 0) return err("empty_charge", "A charge outcome must name the instalments it paid (got none).")
  const found: InstalmentSnapshot[] = []
  for (const n of numbers) {
    const i = plan.instalments.find((x) => x.number === n)
    if (!i) return err("instalment_not_found", `The plan has no instalment number ${n} (it has 1 to ${plan.instalments.length}).`)
    if (!isUnpaid(i) || found.includes(i)) {
      return err("instalment_not_payable", `Instalment ${n} is ${i.status}${found.includes(i) ? " and listed twice" : ""}: only unpaid instalments can be charged, once each. Refund a charge that paid nothing.`, {
        instalment: n,
        status: i.status,
      })
    }
    found.push(i)
  }
  return ok(found)
}

export function applyChargeSucceeded(plan: PlanSnapshot, input: ChargeSucceededInput, ctx: RevisionContext): Result<RevisionOutcome> {
  const refused = requireStatus(plan, CHARGEABLE, "record a successful charge")
  if (refused) return refused
  const charged = chargedInstalments(plan, input.instalments)
  if (!charged.ok) return charged
  const expected = chargeMovement(plan, charged.value, "instalment").amount
  if (input.amount.currency !== plan.currency || input.amount.cents !== expected.cents) {
    return err(
      "charge_amount_mismatch",
      `The charge of ${toMajorString(input.amount)} ${input.amount.currency} does not match instalments ${input.instalments.join(", ")}, which cost ${toMajorString(expected)} ${plan.currency} with their fees. Charge exactly what the charge movement says.`,
      { expected: expected.cents, got: input.amount.cents },
    )
  }
  const patches = new Map(charged.value.map((i) => [i.number, { status: "paid" as const, paidAt: input.at, paidAmount: amountDue(i), nextRetryOn: undefined }]))
  const events: LedgerEvent[] = [{ type: "plan.charge_succeeded", data: { instalments: [...input.instalments], amount: input.amount.cents, at: input.at } }]
  let revised: PlanSnapshot = { ...patchInstalments(plan, patches), paidTotal: plan.paidTotal + input.amount.cents }
  revised = settleStatus(revised, events, "plan.charge_succeeded")
  return ok({ plan: revised, movements: [], events })
}

/** Next automatic retry after the `attempts`-th failure, or undefined after the last one. */
function nextRetry(dueDate: LocalDate, attempts: number, ctx: RevisionContext): LocalDate | undefined {
  const offset = ctx.config.retryDays[attempts - 1]
  if (offset === undefined) return undefined
  // Retry days count from the due date, but never on the day of the failure itself.
  return maxDate(addDays(dueDate, offset), addDays(ctx.today, 1))
}

export function applyChargeFailed(plan: PlanSnapshot, input: ChargeFailedInput, ctx: RevisionContext): Result<RevisionOutcome> {
  const refused = requireStatus(plan, CHARGEABLE, "record a failed charge")
  if (refused) return refused
  const charged = chargedInstalments(plan, input.instalments)
  if (!charged.ok) return charged
  const retries: { number: number; attempts: number; nextRetryOn: LocalDate | null }[] = []
  const patches = new Map<number, Partial<InstalmentSnapshot>>()
  for (const i of charged.value) {
    if (compareDates(i.dueDate, ctx.today) > 0) continue // a failed early payment: the instalment is not due yet
    const attempts = i.attempts + 1
    const nextRetryOn = nextRetry(i.dueDate, attempts, ctx)
    patches.set(i.number, { status: i.status === "late" ? "late" : "failed", attempts, nextRetryOn })
    retries.push({ number: i.number, attempts, nextRetryOn: nextRetryOn ?? null })
  }
  const events: LedgerEvent[] = [
    { type: "plan.charge_failed", data: { instalments: [...input.instalments], reason: input.reason ?? null, retries, earlyPayment: retries.length === 0, at: input.at } },
  ]
  const revised = settleStatus(patchInstalments(plan, patches), events, "plan.charge_failed")
  return ok({ plan: revised, movements: [], events })
}
