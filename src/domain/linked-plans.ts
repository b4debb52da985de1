/**
 * Linked plans (docs/business-rules.md §8): plans are linked when they share a card (any card
 * either plan has used, by the processor's fingerprint), the shopper's e-mail or their phone
 * (normalised: src/domain/shopper-identity.ts). The admin acts on a linked plan only on the
 * strength of the link, and the link is recorded as evidence: which plan, and why.
 */

export const LINK_REASONS = ["card", "email", "phone"] as const
export type LinkReason = (typeof LINK_REASONS)[number]

/** What links a plan to others: its cards' fingerprints, its e-mail and phone keys (null links nothing). */
export interface LinkKeys {
  readonly fingerprints: readonly string[]
  readonly emailKey: string | null
  readonly phoneKey: string | null
}

/** Why two plans are linked, in LINK_REASONS order; empty when they are not. */
export function linkReasons(a: LinkKeys, b: LinkKeys): LinkReason[] {
  const reasons: LinkReason[] = []
  if (a.fingerprints.some((f) => b.fingerprints.includes(f))) reasons.push("card")
  if (a.emailKey !== null && a.emailKey === b.emailKey) reasons.push("email")
  if (a.phoneKey !== null && a.phoneKey === b.phoneKey) reasons.push("phone")
  return reasons
}

/**
 * Whether the link is to the same shopper (e-mail or phone), not only to the same card: what
 * charging another of the shopper's cards relies on ("charge the other cards linked to the same
 * shopper"). A card alone may be a stolen one used by someone else.
 */
export function isSameShopper(reasons: readonly LinkReason[]): boolean {
  return reasons.includes("email") || reasons.includes("phone")
}

/** The evidence an action on a linked plan records: the plan it is linked to and why. */
export interface LinkEvidence {
  readonly planId: string
  readonly orderId: string | null
  readonly reasons: readonly LinkReason[]
}
