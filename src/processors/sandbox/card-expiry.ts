/**
 * Card expiry on the sandbox clock. A test card's expiry is fixed when it is registered (so many
 * months after the clock's month, see `TestCard.expiresInMonths`), and a card is valid until the
 * last day of its expiry month (UTC), so moving the clock makes cards expire as time would.
 */
import type { CardFacts } from "../port"

type Expiry = Pick<CardFacts, "expMonth" | "expYear">

/** Month index (year * 12 + month - 1) of a date, in UTC. */
function monthIndex(date: Date): number {
  return date.getUTCFullYear() * 12 + date.getUTCMonth()
}

/** The expiry of a card registered at `now` that expires `months` months after now's month. */
export function expiryAfter(now: Date, months: number): Expiry {
  const expiry = monthIndex(now) + months
  return { expMonth: (expiry % 12) + 1, expYear: Math.floor(expiry / 12) }
}

/** A card is valid until the last day of its expiry month (UTC). */
export function isExpired(expiry: Expiry, at: Date): boolean {
  return monthIndex(at) > expiry.expYear * 12 + (expiry.expMonth - 1)
}
