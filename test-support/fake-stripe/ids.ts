import { randomBytes } from "node:crypto"

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

/** `<prefix>_<24 characters>`, like Stripe's object ids. */
export function stripeId(prefix: string): string {
  const bytes = randomBytes(24)
  return `${prefix}_${Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join("")}`
}
