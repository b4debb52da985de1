/** The plan's columns that link it to the same shopper's other plans (models/instalment-plan.ts). */
import { normaliseEmail, normalisePhone } from "../../../domain/shopper-identity"

export function shopperKeys(shopper: { email?: string | null; phone?: string | null }): { email_key: string | null; phone_key: string | null } {
  return { email_key: normaliseEmail(shopper.email), phone_key: normalisePhone(shopper.phone) }
}

/** The fingerprints a plan has had once `fingerprint` is its card: history kept, no repeats. */
export function withFingerprint(known: readonly string[] | null | undefined, fingerprint: string | null | undefined): string[] | null {
  const all = [...(known ?? [])]
  if (fingerprint && !all.includes(fingerprint)) all.push(fingerprint)
  return all.length ? all : null
}
