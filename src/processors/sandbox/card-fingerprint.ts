/**
 * The sandbox's card fingerprint: the test token is the only "card number" the sandbox knows, so
 * the fingerprint is a keyed hash of it. The same test card gives the same fingerprint in every
 * registration (as Stripe's `card.fingerprint` does for a card number); the token cannot be read
 * back from it, and nothing but the hash is stored.
 */
import { createHmac } from "node:crypto"

// Fixed, not secret: the sandbox moves no money and its tokens are public (test-cards.ts).
const FINGERPRINT_KEY = "medusa-instalments:sandbox:card-fingerprint:v1"
// Letters only: a fingerprint never holds a digit run that looks like a card number at rest.
const LETTERS = "abcdefghijkmnopqrstuvwxyz"

export function sandboxCardFingerprint(token: string): string {
  const digest = createHmac("sha256", FINGERPRINT_KEY).update(token).digest()
  let out = ""
  for (const byte of digest.subarray(0, 20)) out += LETTERS[byte % LETTERS.length]
  return `fp_${out}`
}
