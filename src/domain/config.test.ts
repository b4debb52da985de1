import { PLAN_CODES } from "./codes"
import { defaultEngineConfig } from "./config"

describe("defaultEngineConfig", () => {
  it("carries the defaults of docs/business-rules.md", () => {
    const config = defaultEngineConfig()
    expect(config.currency).toBe("eur")
    for (const code of PLAN_CODES) {
      expect(config.plans[code]).toEqual({ offered: true, min: 5000, max: 400000, fee: { basisPoints: 0, fixedCents: 0 }, maxPostponements: 1 })
    }
    expect(config.countries).toEqual(["fr", "be", "es", "de", "it"])
    expect(config.cards).toEqual({ networks: ["visa", "mastercard", "amex", "cb"], allowPrepaid: false, allowVirtual: false, requireEuIssuer: true })
    expect(config).toMatchObject({
      revisionPolicy: "spread",
      deferredStart: "off",
      retryDays: [1, 3, 7],
      seriousDelayDays: 15,
      maxLateFeeBasisPoints: 800,
      maxFreezeDays: 180,
      withdrawalDays: 14,
      maxPostponeDays: 15,
      timeZone: "Europe/Paris",
    })
  })

  it("returns a fresh object each time", () => {
    const a = defaultEngineConfig()
    const b = defaultEngineConfig()
    expect(a).toEqual(b)
    expect(a.plans).not.toBe(b.plans)
    expect(a.countries).not.toBe(b.countries)
  })
})
