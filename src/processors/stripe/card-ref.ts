/**
 * The Stripe adapter's `cardRef`: the Customer and the PaymentMethod attached to it,
 * `cus_…/pm_…`. Both are needed to charge off-session; neither is a secret.
 */
export type StripeCardRef = { customer: string; paymentMethod: string }

const CARD_REF = /^(cus_[A-Za-z0-9]+)\/(pm_[A-Za-z0-9]+)$/

export function formatCardRef(ref: StripeCardRef): string {
  return `${ref.customer}/${ref.paymentMethod}`
}

/** The parts of a cardRef this adapter made, or null for anything else. */
export function parseCardRef(cardRef: unknown): StripeCardRef | null {
  const match = typeof cardRef === "string" ? CARD_REF.exec(cardRef) : null
  return match ? { customer: match[1], paymentMethod: match[2] } : null
}
