/** The module option `self_service`: validation, the production refusals, the fallback key. */
import { createHmac } from "node:crypto"
import { DEFAULT_BASE_URL, DEFAULT_LINK_TTL_DAYS, parseSelfServiceOptions } from "./options"

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
