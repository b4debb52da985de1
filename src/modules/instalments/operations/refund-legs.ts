/**
 * Which charges a refund goes back to. A refund of a plan can be larger than any one charge (a
 * cancellation after three instalments): it is split into legs, one per charge, each at most what
 * is left on that charge. Exchange differences were paid last, so they go back first; then the
 * newest charges first. Decided from the plugin's own ledger (instalment_movement), under the
 * plan's lock, without asking the processor.
 */
export interface RefundableCharge {
  /** The processor's charge id. */
  readonly chargeId: string
  /** What the charge took, cents. */
  readonly amount: number
  /** What is already refunded on it, or on its way back (pending refund legs), cents. */
  readonly refunded: number
  /** Why it was charged: `exchange_difference` charges go back first. */
  readonly purpose: string
  /** Order in which the charges were made: higher is newer. */
  readonly sequence: number
}

export interface RefundLeg {
  readonly chargeId: string
  readonly cents: number
}

export type RefundSplit = { ok: true; legs: RefundLeg[] } | { ok: false; missing: number }

export function refundLegs(charges: readonly RefundableCharge[], cents: number): RefundSplit {
  const ordered = [...charges].sort(
    (a, b) => Number(b.purpose === "exchange_difference") - Number(a.purpose === "exchange_difference") || b.sequence - a.sequence,
  )
  const legs: RefundLeg[] = []
  let left = cents
  for (const charge of ordered) {
    if (left === 0) break
    const part = Math.min(charge.amount - charge.refunded, left)
    if (part <= 0) continue
    legs.push({ chargeId: charge.chargeId, cents: part })
    left -= part
  }
  return left === 0 ? { ok: true, legs } : { ok: false, missing: left }
}
