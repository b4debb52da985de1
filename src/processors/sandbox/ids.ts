/** Ids of the sandbox's cards, charges, refunds, verifications, credit decisions and processes. */
import { randomBytes } from "node:crypto"

/** What an id names: a card, a charge, a refund, a verification, a credit decision. */
export type IdPrefix = "card" | "ch" | "re" | "ver" | "cd"

// Letters and digits without look-alikes; at most a quarter digits, so ids never contain long digit runs.
const ID_ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789"

/** `<prefix>_<20 random characters>`. */
export function randomId(prefix: string): string {
  const bytes = randomBytes(20)
  let out = ""
  for (const b of bytes) out += ID_ALPHABET[b % ID_ALPHABET.length]
  return `${prefix}_${out}`
}
