/**
 * The module refuses to start in a configuration that is unsafe in production (H2, M1, L2): the
 * real constructor, with the options a store writes in medusa-config.ts and Medusa's resolved
 * config in the module's container, as Medusa builds it at boot.
 */
import InstalmentsModuleService from "./service"

const SHOP = "https://shop.example.com"
const SECRET = "k".repeat(48)

/** The module as Medusa builds it: its container holds Medusa's resolved config. */
function boot(options: Record<string, unknown>, jwtSecret = "supersecret", logger?: { warn: (message: string) => void; error: (message: string) => void }): InstalmentsModuleService {
  const cradle = { configModule: { projectConfig: { http: { jwtSecret } } }, ...(logger ? { logger } : {}) }
  return new (InstalmentsModuleService as any)(cradle, { sandbox_store: "memory", ...options })
}

function withNodeEnv(value: string) {
  const previous = process.env.NODE_ENV
  beforeEach(() => {
    process.env.NODE_ENV = value
  })
  afterEach(() => {
    if (previous === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = previous
  })
}

describe("the module in production", () => {
  withNodeEnv("production")

  it("refuses to start without a link secret, even when Medusa's jwtSecret is set", () => {
    expect(() => boot({ self_service: { base_url: SHOP } }, "j".repeat(64))).toThrow(
      'medusa-instalments: option "self_service.secret" is required when NODE_ENV=production',
    )
  })

  it("refuses to start with the links pointing at this machine or at plain http", () => {
    expect(() => boot({ self_service: { secret: SECRET } })).toThrow('option "self_service.base_url" is required when NODE_ENV=production')
    expect(() => boot({ self_service: { secret: SECRET, base_url: "http://localhost:9000" } })).toThrow('option "self_service.base_url"')
  })

  it("refuses to start with the test clock on", () => {
    expect(() => boot({ test_clock: true, self_service: { secret: SECRET, base_url: SHOP } })).toThrow(
      'medusa-instalments: option "test_clock" must be off when NODE_ENV=production',
    )
  })

  it("starts with a secret and an https base URL; its clock is the real time and never moves", async () => {
    const module = boot({ self_service: { secret: SECRET, base_url: SHOP } })
    expect(module.selfService).toMatchObject({ secret: SECRET, baseUrl: SHOP })
    const before = Date.now()
    expect(Math.abs(module.now().getTime() - before)).toBeLessThan(60_000)
    await expect(module.advanceSandboxClock(1)).rejects.toThrow("test_clock_off")
    await expect(module.setSandboxTime(new Date(before + 86_400_000))).rejects.toThrow("test_clock_off")
    expect(() => module.clock.advanceDays(1)).toThrow("test_clock_off")
    expect(Math.abs(module.now().getTime() - Date.now())).toBeLessThan(60_000)
  })
})

describe("the module outside production", () => {
  withNodeEnv("development")

  it("keeps its clock still unless the test clock is asked for", async () => {
    const module = boot({})
    await expect(module.advanceSandboxClock(1)).rejects.toThrow("test_clock_off")
    const clocked = boot({ test_clock: true })
    const start = clocked.now().getTime()
    // Moved here directly: the store-wide move (advanceSandboxClock) writes Postgres (__tests__/store-clock.spec.ts).
    clocked.clock.advanceDays(2)
    expect(clocked.now().getTime() - start).toBeGreaterThanOrEqual(2 * 86_400_000)
  })

  it("refuses a test_clock that is not true or false", () => {
    expect(() => boot({ test_clock: "yes" })).toThrow('option "test_clock" must be true or false')
  })
})

describe("the module in direct mode without a consumer-credit authorisation (docs/business-rules.md §11)", () => {
  withNodeEnv("development")
  const offered = (module: InstalmentsModuleService) => Object.entries(module.engineConfig.plans).filter(([, s]) => s.offered).map(([c]) => c)

  it("starts with the exempt plans only, and every plan once the store declares an authorisation", () => {
    expect(offered(boot({}))).toEqual(["p2x", "d15", "d30"])
    expect(offered(boot({ credit_authorisation: true }))).toEqual(["p2x", "p3x", "p4x", "d15", "d30"])
    expect(offered(boot({ credit_authorisation: true, plans: { p3x: { fee_percent: 2 } } }))).toEqual(["p3x"])
  })

  it("refuses to start when the options ask for p3x, explaining the rule and the two ways out", () => {
    let message = ""
    try {
      boot({ plans: ["p3x", "d30"] })
    } catch (e) {
      message = (e as Error).message
    }
    expect(message).toContain('medusa-instalments: option "plans.p3x" would grant consumer credit: its last payment can fall 62 days after the order')
    expect(message).toContain("may only defer payment for at most 50 days (14 days for merchant_size \"large\"), with no fee")
    expect(message).toContain("Either set credit_authorisation: true if your store holds a consumer-credit authorisation, or lend through Alma")
  })

  it("refuses to start when the options set a fee, or p2x for a large seller", () => {
    expect(() => boot({ plans: { p2x: { fee_percent: 1 } } })).toThrow('option "plans.p2x" would grant consumer credit: it charges the shopper a fee')
    expect(() => boot({ merchant_size: "large", plans: ["p2x"] })).toThrow('beyond the 14 days allowed for merchant_size "large"')
  })

  it("starts a large seller with no direct plan, and says so (a store that lends only through Alma)", () => {
    // Said through Medusa's logger, the container's `logger`.
    const warn = jest.fn()
    expect(offered(boot({ merchant_size: "large" }, "supersecret", { warn, error: jest.fn() }))).toEqual([])
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("medusa-instalments: direct mode offers no plan. Without a consumer-credit authorisation"))
  })
})

describe("the module with Stripe as its processor", () => {
  withNodeEnv("production")
  const links = { self_service: { secret: SECRET, base_url: SHOP } }

  it("starts with a secret key and a webhook secret, without calling Stripe", () => {
    const module = boot({ ...links, processor: "stripe", stripe: { api_key: "sk_live_abc", webhook_secret: "whsec_abc" } })
    expect(module.processor.name).toBe("stripe")
    expect(module.processor.capabilities).toMatchObject({ testMode: false, creditDecision: "none" })
    expect(module.stripeWebhooks).not.toBeNull()
  })

  it("refuses to start with a missing or malformed key, naming it", () => {
    expect(() => boot({ ...links, processor: "stripe" })).toThrow('medusa-instalments: option "stripe" is required with processor "stripe"')
    expect(() => boot({ ...links, processor: "stripe", stripe: { api_key: "pk_live_abc", webhook_secret: "whsec_abc" } })).toThrow('option "stripe.api_key"')
    expect(() => boot({ ...links, processor: "stripe", stripe: { api_key: "sk_live_abc" } })).toThrow('option "stripe.webhook_secret"')
    expect(() => boot({ ...links, stripe: { api_key: "sk_live_abc", webhook_secret: "whsec_abc" } })).toThrow('option "stripe" is set but "processor" is not "stripe"')
    expect(() => boot({ ...links, processor: "paypal" })).toThrow('option "processor" must be "sandbox" or "stripe" (got "paypal")')
  })

  it("keeps the sandbox by default", () => {
    expect(boot(links).processor.name).toBe("sandbox")
    expect(boot(links).stripeWebhooks).toBeNull()
  })
})
