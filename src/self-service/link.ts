/**
 * Signed, expiring self-service links (business rules §5: "a secure page linked in the e-mails, no
 * account needed"). The token proves that whoever holds it received a link for THIS plan, until
 * its expiry: it is an HMAC-SHA256, keyed with the store's secret, over the plan id and the expiry.
 *
 *   token = "v1.<expiry in Unix seconds>.<base64url(HMAC-SHA256(secret, "v1|<plan id>|<expiry>"))>"
 *
 * The plan id is not in the token (it is in the URL): a token of another plan fails the signature.
 * The version is signed too, so a later format can never be confused with this one. Signatures are
 * compared in constant time, and the expiry is only looked at once the signature is good.
 */
import { createHmac, timingSafeEqual } from "node:crypto"

export const LINK_VERSION = "v1"
const DAY_SECONDS = 24 * 60 * 60

/** What signing and checking a link need (see `parseSelfServiceOptions`). */
export interface LinkSettings {
  /** The HMAC key. Never logged, never sent. */
  readonly secret: string
  /** Where the shopper's browser reaches this Medusa server, without a trailing slash. */
  readonly baseUrl: string
  /** How long a link stays valid. */
  readonly linkTtlDays: number
}

export type LinkCheck =
  | { readonly ok: true; readonly expiresAt: Date }
  | { readonly ok: false; readonly reason: "malformed" | "bad_signature" | "expired" }

function signature(secret: string, version: string, planId: string, expires: string): Buffer {
  return createHmac("sha256", secret).update(`${version}|${planId}|${expires}`).digest()
}

/** A token for `planId`, valid `linkTtlDays` from `now`. */
export function signPlanToken(settings: Pick<LinkSettings, "secret" | "linkTtlDays">, planId: string, now: Date): string {
  const expires = String(Math.floor(now.getTime() / 1000) + Math.round(settings.linkTtlDays * DAY_SECONDS))
  return `${LINK_VERSION}.${expires}.${signature(settings.secret, LINK_VERSION, planId, expires).toString("base64url")}`
}

/** Whether `token` was signed for `planId` with this secret and is still valid at `now`. */
export function verifyPlanToken(settings: Pick<LinkSettings, "secret">, planId: string, token: unknown, now: Date): LinkCheck {
  if (typeof token !== "string" || token.length > 200) return { ok: false, reason: "malformed" }
  const [version, expires, given, ...rest] = token.split(".")
  if (rest.length > 0 || version !== LINK_VERSION || !/^\d{1,12}$/.test(expires ?? "") || !/^[A-Za-z0-9_-]{43}$/.test(given ?? "")) {
    return { ok: false, reason: "malformed" }
  }
  const expected = signature(settings.secret, version, planId, expires as string)
  const received = Buffer.from(given as string, "base64url")
  // Both are 32 bytes here (43 base64url characters), as timingSafeEqual requires.
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) return { ok: false, reason: "bad_signature" }
  const expiresAt = new Date(Number(expires) * 1000)
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" }
  return { ok: true, expiresAt }
}

/** The page a link opens: `<base_url>/instalments/plans/<id>?token=…`. */
export function planPagePath(planId: string): string {
  return `/instalments/plans/${encodeURIComponent(planId)}`
}

export function planLink(settings: LinkSettings, planId: string, now: Date): string {
  return `${settings.baseUrl}${planPagePath(planId)}?token=${signPlanToken(settings, planId, now)}`
}
