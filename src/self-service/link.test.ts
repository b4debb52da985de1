import { createHmac } from "node:crypto"
import { checkLinkVersion, planLink, signPlanToken, verifyPlanToken } from "./link"
import { DEFAULT_BASE_URL, DEFAULT_LINK_TTL_DAYS, parseSelfServiceOptions } from "./options"

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

const PRODUCTION = { env: { NODE_ENV: "production" } as NodeJS.ProcessEnv }
const STRONG = "k".repeat(32)
const SHOP = "https://shop.example.com"

describe("self_service option", () => {
  it("outside production, without a secret: a key of its own derived from Medusa's jwtSecret, with a warning", () => {
    const parsed = parseSelfServiceOptions(undefined, { env: {}, jwtSecret: "x".repeat(40) })
    expect(parsed).toMatchObject({ baseUrl: DEFAULT_BASE_URL, linkTtlDays: DEFAULT_LINK_TTL_DAYS })
    expect(parsed.warnings).toEqual([expect.stringContaining('Set the module option self_service.secret')])
    expect(parsed.secret).toMatch(/^[0-9a-f]{64}$/)
    expect(parsed.secret).not.toContain("x".repeat(40))
    expect(parseSelfServiceOptions(undefined, { env: {}, jwtSecret: "y".repeat(40) }).secret).not.toBe(parsed.secret)
  })

  it("reads Medusa's resolved jwtSecret, never the JWT_SECRET variable", () => {
    const derived = (base: string) => createHmac("sha256", base).update("medusa-instalments/self-service-links").digest("hex")
    const fromConfig = parseSelfServiceOptions(undefined, { env: { JWT_SECRET: "e".repeat(40) }, jwtSecret: "c".repeat(40) })
    expect(fromConfig.secret).toBe(derived("c".repeat(40)))
    expect(fromConfig.secret).not.toBe(derived("e".repeat(40)))
  })

  it("never derives a key from the demo secret: a random key of this process instead, said in the warning", () => {
    const demo = parseSelfServiceOptions({}, { env: { JWT_SECRET: "supersecret" }, jwtSecret: "supersecret" })
    const derivedFromDemo = createHmac("sha256", "supersecret").update("medusa-instalments/self-service-links").digest("hex")
    expect(demo.secret).not.toBe(derivedFromDemo)
    expect(demo.secret).toMatch(/^[0-9a-f]{64}$/)
    expect(demo.warnings).toEqual([expect.stringContaining("random key")])
    // The same key for every module instance of the process, so links stay valid between them.
    expect(parseSelfServiceOptions({}, { env: {} }).secret).toBe(demo.secret)
    expect(parseSelfServiceOptions({ secret: STRONG }, { env: {} }).warnings).toEqual([])
  })

  it("takes the store's values and drops a trailing slash", () => {
    const parsed = parseSelfServiceOptions({ secret: "s".repeat(32), base_url: "https://shop.example.com/", link_ttl_days: 10 }, { env: {} })
    expect(parsed).toEqual({ secret: "s".repeat(32), baseUrl: "https://shop.example.com", linkTtlDays: 10, warnings: [] })
  })

  it("starts in production with a secret of 32 bytes or more and an https base URL that is not this machine", () => {
    expect(parseSelfServiceOptions({ secret: STRONG, base_url: SHOP }, PRODUCTION)).toEqual({ secret: STRONG, baseUrl: SHOP, linkTtlDays: 45, warnings: [] })
  })

  it.each([
    [{ base_url: SHOP }, 'option "self_service.secret" is required when NODE_ENV=production'],
    [{ base_url: SHOP, secret: "supersecret" }, 'option "self_service.secret" must be at least 32 bytes'],
    [{ secret: STRONG }, 'option "self_service.base_url" is required when NODE_ENV=production'],
    [{ secret: STRONG, base_url: "http://shop.example.com" }, 'option "self_service.base_url" must start with https:// when NODE_ENV=production'],
    [{ secret: STRONG, base_url: "https://localhost:9000" }, 'option "self_service.base_url" points at this machine (localhost)'],
    [{ secret: STRONG, base_url: "https://127.0.0.1" }, 'option "self_service.base_url" points at this machine (127.0.0.1)'],
    [{ secret: STRONG, base_url: "https://[::1]:9000" }, 'option "self_service.base_url" points at this machine ([::1])'],
  ])("refuses to start in production with %j", (raw, message) => {
    expect(() => parseSelfServiceOptions(raw, { ...PRODUCTION, jwtSecret: "j".repeat(64) })).toThrow(message)
  })

  it("says how to fix a missing production secret: the option, a variable and a command that makes one", () => {
    expect(() => parseSelfServiceOptions({ base_url: SHOP }, PRODUCTION)).toThrow(/self_service: \{ secret: process\.env\.INSTALMENTS_LINK_SECRET.*openssl rand -base64 48/)
  })

  it.each([
    [{ secret: "short" }, 'option "self_service.secret" must be at least 32 bytes'],
    [{ base_url: "shop.example.com" }, 'option "self_service.base_url" must be an http(s) URL'],
    [{ link_ttl_days: 0 }, 'option "self_service.link_ttl_days" must be a whole number of days from 1 to 365'],
    [{ link_ttl_days: 1.5 }, 'option "self_service.link_ttl_days" must be a whole number'],
    [{ ttl: 3 }, "unknown option(s) ttl"],
    ["yes", 'option "self_service" must be an object'],
  ])("refuses %j at boot with a message naming the option", (raw, message) => {
    expect(() => parseSelfServiceOptions(raw, { env: {} })).toThrow(message)
  })
})
