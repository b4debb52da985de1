import { createHmac } from "node:crypto"
import { planLink, signPlanToken, verifyPlanToken } from "./link"
import { DEFAULT_BASE_URL, DEFAULT_LINK_TTL_DAYS, parseSelfServiceOptions } from "./options"

const settings = { secret: "a".repeat(64), baseUrl: "https://shop.example.com", linkTtlDays: 30 }
const now = new Date("2027-01-31T10:00:00Z")
const DAY = 24 * 60 * 60 * 1000

describe("self-service link tokens", () => {
  it("accepts its own token for the same plan until it expires, 30 days later", () => {
    const token = signPlanToken(settings, "iplan_1", now)
    expect(token).toMatch(/^v1\.\d+\.[A-Za-z0-9_-]{43}$/)
    const check = verifyPlanToken(settings, "iplan_1", token, now)
    expect(check).toEqual({ ok: true, expiresAt: new Date(now.getTime() + 30 * DAY) })
    expect(verifyPlanToken(settings, "iplan_1", token, new Date(now.getTime() + 30 * DAY - 1000)).ok).toBe(true)
  })

  it("refuses an expired token (at its expiry and after)", () => {
    const token = signPlanToken(settings, "iplan_1", now)
    expect(verifyPlanToken(settings, "iplan_1", token, new Date(now.getTime() + 30 * DAY))).toEqual({ ok: false, reason: "expired" })
    expect(verifyPlanToken(settings, "iplan_1", token, new Date(now.getTime() + 31 * DAY))).toEqual({ ok: false, reason: "expired" })
  })

  it("refuses the token of another plan", () => {
    const token = signPlanToken(settings, "iplan_1", now)
    expect(verifyPlanToken(settings, "iplan_2", token, now)).toEqual({ ok: false, reason: "bad_signature" })
  })

  it("refuses a token signed with another secret", () => {
    const token = signPlanToken({ ...settings, secret: "b".repeat(64) }, "iplan_1", now)
    expect(verifyPlanToken(settings, "iplan_1", token, now)).toEqual({ ok: false, reason: "bad_signature" })
  })

  it("refuses a forged expiry: the expiry is signed", () => {
    const token = signPlanToken(settings, "iplan_1", now)
    const [version, expires, sig] = token.split(".")
    const later = `${version}.${Number(expires) + 365 * 24 * 3600}.${sig}`
    expect(verifyPlanToken(settings, "iplan_1", later, now)).toEqual({ ok: false, reason: "bad_signature" })
  })

  it("refuses a forged signature, even one the attacker computed over the plan id with a guessed key", () => {
    const expires = String(Math.floor(now.getTime() / 1000) + 3600)
    const guessed = createHmac("sha256", "supersecret").update(`v1|iplan_1|${expires}`).digest("base64url")
    expect(verifyPlanToken(settings, "iplan_1", `v1.${expires}.${guessed}`, now)).toEqual({ ok: false, reason: "bad_signature" })
    const flipped = signPlanToken(settings, "iplan_1", now).replace(/.$/, (c) => (c === "A" ? "B" : "A"))
    expect(verifyPlanToken(settings, "iplan_1", flipped, now).ok).toBe(false)
  })

  it.each([
    ["nothing", undefined],
    ["a number", 42],
    ["an empty string", ""],
    ["another version", "v2.1800000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
    ["a missing part", "v1.1800000000"],
    ["a non-numeric expiry", "v1.soon.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
    ["a short signature", "v1.1800000000.AAAA"],
    ["an extra part", "v1.1800000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.x"],
    ["a very long string", "v1." + "9".repeat(500)],
  ])("refuses %s as malformed", (_name, token) => {
    expect(verifyPlanToken(settings, "iplan_1", token, now)).toEqual({ ok: false, reason: "malformed" })
  })

  it("builds the page link from the base URL", () => {
    const link = planLink(settings, "iplan_1", now)
    expect(link.startsWith("https://shop.example.com/instalments/plans/iplan_1?token=v1.")).toBe(true)
    const token = new URL(link).searchParams.get("token")
    expect(verifyPlanToken(settings, "iplan_1", token, now).ok).toBe(true)
  })
})

describe("self_service option", () => {
  it("defaults: key derived from JWT_SECRET, localhost, 45 days, no warning", () => {
    const parsed = parseSelfServiceOptions(undefined, { JWT_SECRET: "x".repeat(40) })
    expect(parsed).toMatchObject({ baseUrl: DEFAULT_BASE_URL, linkTtlDays: DEFAULT_LINK_TTL_DAYS, warnings: [] })
    expect(parsed.secret).toMatch(/^[0-9a-f]{64}$/)
    expect(parsed.secret).not.toContain("x".repeat(40))
    expect(parseSelfServiceOptions(undefined, { JWT_SECRET: "y".repeat(40) }).secret).not.toBe(parsed.secret)
  })

  it("warns when the key comes from the demo secret or from nothing", () => {
    expect(parseSelfServiceOptions({}, { JWT_SECRET: "supersecret" }).warnings[0]).toContain("supersecret")
    expect(parseSelfServiceOptions({}, {}).warnings).toHaveLength(1)
    expect(parseSelfServiceOptions({ secret: "s".repeat(32) }, {}).warnings).toEqual([])
  })

  it("takes the store's values and drops a trailing slash", () => {
    const parsed = parseSelfServiceOptions({ secret: "s".repeat(32), base_url: "https://shop.example.com/", link_ttl_days: 10 }, {})
    expect(parsed).toEqual({ secret: "s".repeat(32), baseUrl: "https://shop.example.com", linkTtlDays: 10, warnings: [] })
  })

  it.each([
    [{ secret: "short" }, 'option "self_service.secret" must be a string of at least 32 characters'],
    [{ base_url: "shop.example.com" }, 'option "self_service.base_url" must be an http(s) URL'],
    [{ link_ttl_days: 0 }, 'option "self_service.link_ttl_days" must be a whole number of days from 1 to 365'],
    [{ link_ttl_days: 1.5 }, 'option "self_service.link_ttl_days" must be a whole number'],
    [{ ttl: 3 }, "unknown option(s) ttl"],
    ["yes", 'option "self_service" must be an object'],
  ])("refuses %j at boot with a message naming the option", (raw, message) => {
    expect(() => parseSelfServiceOptions(raw, {})).toThrow(message)
  })
})
