import { createHmac } from "node:crypto"
import { checkLinkVersion, planLink, signPlanToken, verifyPlanToken } from "./signing"

const settings = { secret: "a".repeat(64), baseUrl: "https://shop.example.com", linkTtlDays: 30 }
const now = new Date("2027-01-31T10:00:00Z")
const DAY = 24 * 60 * 60 * 1000
const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

const plan1 = { id: "iplan_1", link_version: 0 }

describe("self-service link tokens", () => {
  it("accepts its own token for the same plan until it expires, 30 days later", () => {
    const token = signPlanToken(settings, plan1, now)
    expect(token).toMatch(/^v2\.0\.\d+\.[A-Za-z0-9_-]{43}$/)
    const check = verifyPlanToken(settings, "iplan_1", token, now)
    expect(check).toEqual({ ok: true, expiresAt: new Date(now.getTime() + 30 * DAY), linkVersion: 0 })
    expect(verifyPlanToken(settings, "iplan_1", token, new Date(now.getTime() + 30 * DAY - 1000)).ok).toBe(true)
  })

  it("refuses an expired token (at its expiry and after)", () => {
    const token = signPlanToken(settings, plan1, now)
    expect(verifyPlanToken(settings, "iplan_1", token, new Date(now.getTime() + 30 * DAY))).toEqual({ ok: false, reason: "expired" })
    expect(verifyPlanToken(settings, "iplan_1", token, new Date(now.getTime() + 31 * DAY))).toEqual({ ok: false, reason: "expired" })
  })

  it("refuses the token of another plan", () => {
    const token = signPlanToken(settings, plan1, now)
    expect(verifyPlanToken(settings, "iplan_2", token, now)).toEqual({ ok: false, reason: "bad_signature" })
  })

  it("refuses a token signed with another secret", () => {
    const token = signPlanToken({ ...settings, secret: "b".repeat(64) }, plan1, now)
    expect(verifyPlanToken(settings, "iplan_1", token, now)).toEqual({ ok: false, reason: "bad_signature" })
  })

  it("refuses a forged expiry or link version: both are signed", () => {
    const token = signPlanToken(settings, plan1, now)
    const [format, version, expires, sig] = token.split(".")
    const later = `${format}.${version}.${Number(expires) + 365 * 24 * 3600}.${sig}`
    expect(verifyPlanToken(settings, "iplan_1", later, now)).toEqual({ ok: false, reason: "bad_signature" })
    const newer = `${format}.7.${expires}.${sig}`
    expect(verifyPlanToken(settings, "iplan_1", newer, now)).toEqual({ ok: false, reason: "bad_signature" })
  })

  it("opens the plan only at the plan's current link version: bumping it revokes every older token", () => {
    const token = signPlanToken(settings, { id: "iplan_1", link_version: 3 }, now)
    const check = verifyPlanToken(settings, "iplan_1", token, now)
    expect(check).toMatchObject({ ok: true, linkVersion: 3 })
    expect(checkLinkVersion(check, { link_version: 3 })).toBe(check)
    expect(checkLinkVersion(check, { link_version: 4 })).toEqual({ ok: false, reason: "revoked" })
  })

  it("refuses the v1 format (no link version, so not revocable), even correctly signed", () => {
    const expires = String(Math.floor(now.getTime() / 1000) + 3600)
    const v1 = createHmac("sha256", settings.secret).update(`v1|iplan_1|${expires}`).digest("base64url")
    expect(verifyPlanToken(settings, "iplan_1", `v1.${expires}.${v1}`, now)).toEqual({ ok: false, reason: "malformed" })
  })

  it("refuses a forged signature, even one the attacker computed over the plan id with a guessed key", () => {
    const expires = String(Math.floor(now.getTime() / 1000) + 3600)
    const guessed = createHmac("sha256", "supersecret").update(`v2|iplan_1|0|${expires}`).digest("base64url")
    expect(verifyPlanToken(settings, "iplan_1", `v2.0.${expires}.${guessed}`, now)).toEqual({ ok: false, reason: "bad_signature" })
  })

  it("has one encoding per token: the three strings that differ only in the last character's spare bits are refused", () => {
    const token = signPlanToken(settings, plan1, now)
    const last = BASE64URL.indexOf(token.at(-1) as string)
    // 32 bytes are 256 bits: the 43rd character carries 4 of them and 2 spare bits, zero when canonical.
    expect(last & 3).toBe(0)
    for (const spare of [1, 2, 3]) {
      const variant = token.slice(0, -1) + BASE64URL[last | spare]
      expect(verifyPlanToken(settings, "iplan_1", variant, now)).toEqual({ ok: false, reason: "malformed" })
    }
    // A significant bit of that character flipped is a wrong signature, whatever the token.
    const flipped = token.slice(0, -1) + BASE64URL[last ^ 4]
    expect(verifyPlanToken(settings, "iplan_1", flipped, now)).toEqual({ ok: false, reason: "bad_signature" })
  })

  it.each([
    ["nothing", undefined],
    ["a number", 42],
    ["an empty string", ""],
    ["another format", "v3.0.1800000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
    ["the v1 format", "v1.1800000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
    ["a missing part", "v2.0.1800000000"],
    ["a non-numeric link version", "v2.x.1800000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
    ["a link version with a leading zero", "v2.01.1800000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
    ["a non-numeric expiry", "v2.0.soon.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
    ["a short signature", "v2.0.1800000000.AAAA"],
    ["an extra part", "v2.0.1800000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.x"],
    ["a very long string", "v2." + "9".repeat(500)],
  ])("refuses %s as malformed", (_name, token) => {
    expect(verifyPlanToken(settings, "iplan_1", token, now)).toEqual({ ok: false, reason: "malformed" })
  })

  it("builds the page link from the base URL", () => {
    const link = planLink(settings, plan1, now)
    expect(link.startsWith("https://shop.example.com/instalments/plans/iplan_1?token=v2.0.")).toBe(true)
    const token = new URL(link).searchParams.get("token")
    expect(verifyPlanToken(settings, "iplan_1", token, now).ok).toBe(true)
  })
})
