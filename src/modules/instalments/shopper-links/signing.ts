/**
 * Signed, expiring, revocable self-service links (docs/business-rules.md §5: "a secure page linked
 * in the e-mails (no account needed)"). The token proves that whoever holds it received a link for
 * THIS plan, since its links were last revoked, until its expiry: an HMAC-SHA256, keyed with the
 * store's secret, over the plan id, the plan's link version and the expiry.
 *
 *   token = "v2.<link version>.<expiry in Unix seconds>.<base64url(HMAC-SHA256(secret, "v2|<plan id>|<link version>|<expiry>"))>"
 *
 * The plan id is not in the token (it is in the URL): a token of another plan fails the signature.
 * The format is signed too, so a later format can never be confused with this one; v1 tokens (no
 * link version, so not revocable) are refused. The link version is the plan's `link_version`
 * column: bumping it (a link resent, the card changed, the admin's "revoke links") makes every
 * older token fail (`revoked`). Signatures are compared in constant time, a token has exactly one
 * spelling (the signature's canonical base64url), and the expiry is only looked at once the
 * signature is good. Expiry always follows the real time, never the sandbox test clock.
 */
import { createHmac, timingSafeEqual } from "node:crypto"

export const TOKEN_FORMAT = "v2"
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

/** The plan columns a link is signed over. */
export interface LinkedPlan {
  readonly id: string
  /** Bumped to revoke every link signed before (0 for a new plan). */
  readonly link_version: number
}

export type LinkFailure = "malformed" | "bad_signature" | "expired" | "revoked"

export type LinkCheck =
  | { readonly ok: true; readonly expiresAt: Date; readonly linkVersion: number }
  | { readonly ok: false; readonly reason: LinkFailure }

function signature(secret: string, planId: string, linkVersion: string, expires: string): Buffer {
  return createHmac("sha256", secret).update(`${TOKEN_FORMAT}|${planId}|${linkVersion}|${expires}`).digest()
}

/** A token for `plan` at its current link version, valid `linkTtlDays` from `now` (the real time). */
export function signPlanToken(settings: Pick<LinkSettings, "secret" | "linkTtlDays">, plan: LinkedPlan, now: Date): string {
  const expires = String(Math.floor(now.getTime() / 1000) + Math.round(settings.linkTtlDays * DAY_SECONDS))
  const version = String(plan.link_version)
  return `${TOKEN_FORMAT}.${version}.${expires}.${signature(settings.secret, plan.id, version, expires).toString("base64url")}`
}

/**
 * Whether `token` was signed for `planId` with this secret and is still valid at `now` (the real
 * time). The link version it carries is checked against the plan's by `checkLinkVersion`, once the
 * plan is loaded: this needs no database, so a bad token costs nothing.
 */
export function verifyPlanToken(settings: Pick<LinkSettings, "secret">, planId: string, token: unknown, now: Date): LinkCheck {
  if (typeof token !== "string" || token.length > 200) return { ok: false, reason: "malformed" }
  const [format, version, expires, given, ...rest] = token.split(".")
  if (
    rest.length > 0 ||
    format !== TOKEN_FORMAT ||
    !/^(0|[1-9]\d{0,8})$/.test(version ?? "") ||
    !/^\d{1,12}$/.test(expires ?? "") ||
    !/^[A-Za-z0-9_-]{43}$/.test(given ?? "")
  ) {
    return { ok: false, reason: "malformed" }
  }
  const received = Buffer.from(given as string, "base64url")
  // The 43rd character carries 2 spare bits: 4 spellings would decode to one signature. Only the
  // canonical one is a token, so a token can be recognised (or refused) by its text.
  if (received.toString("base64url") !== given) return { ok: false, reason: "malformed" }
  const expected = signature(settings.secret, planId, version as string, expires as string)
  // Both are 32 bytes here (43 base64url characters), as timingSafeEqual requires.
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) return { ok: false, reason: "bad_signature" }
  const expiresAt = new Date(Number(expires) * 1000)
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" }
  return { ok: true, expiresAt, linkVersion: Number(version) }
}

/** A verified token opens the plan only at the plan's current link version. */
export function checkLinkVersion(check: LinkCheck, plan: Pick<LinkedPlan, "link_version">): LinkCheck {
  if (!check.ok || check.linkVersion === plan.link_version) return check
  return { ok: false, reason: "revoked" }
}

/** The page a link opens: `<base_url>/instalments/plans/<id>?token=…`. */
export function planPagePath(planId: string): string {
  return `/instalments/plans/${encodeURIComponent(planId)}`
}

export function planLink(settings: LinkSettings, plan: LinkedPlan, now: Date): string {
  return `${settings.baseUrl}${planPagePath(plan.id)}?token=${signPlanToken(settings, plan, now)}`
}
