import { defaultEngineConfig } from "../domain/config"
import { parsePluginOptions } from "./plugin-options"

/** The error message parsePluginOptions throws for `raw`. */
function errorOf(raw: unknown): string {
  try {
    parsePluginOptions(raw)
  } catch (e) {
    return (e as Error).message
  }
  throw new Error("expected parsePluginOptions to throw")
}

/** A store that declares a consumer-credit authorisation: every plan and fee allowed (docs/business-rules.md §11). */
const AUTHORISED = { credit_authorisation: true }

describe("parsePluginOptions: valid options", () => {
  it("gives the defaults without options: every plan for a store with an authorisation, the exempt ones otherwise", () => {
    expect(parsePluginOptions(AUTHORISED)).toEqual(defaultEngineConfig())
    const offered = (config: ReturnType<typeof parsePluginOptions>) => Object.entries(config.plans).filter(([, s]) => s.offered).map(([c]) => c)
    for (const raw of [undefined, {}]) {
      const config = parsePluginOptions(raw)
      expect(config.consumerCredit).toEqual({ merchantSize: "sme", authorised: false })
      expect(offered(config)).toEqual(["p2x", "d15", "d30"])
      expect(config).toEqual({ ...defaultEngineConfig(), plans: config.plans, consumerCredit: config.consumerCredit })
    }
  })

  it("turns euros and percents into cents and basis points, exactly", () => {
    const config = parsePluginOptions({ ...AUTHORISED, plans: { p3x: { min_amount: 49.99, max_amount: "1500", fee_percent: 1.5, fee_fixed: "0.50", max_postponements: 2 } } })
    expect(config.plans.p3x).toEqual({ offered: true, min: 4999, max: 150000, fee: { basisPoints: 150, fixedCents: 50 }, maxPostponements: 2 })
    expect(parsePluginOptions({ ...AUTHORISED, plans: { p3x: { fee_percent: 0.07 } } }).plans.p3x.fee.basisPoints).toBe(7) // 0.07 × 100 is 7.000000000000001 in floats
  })

  it("offers the plans listed, and only them", () => {
    const list = parsePluginOptions({ ...AUTHORISED, plans: ["p3x", "d30"] })
    expect(Object.entries(list.plans).filter(([, s]) => s.offered).map(([c]) => c)).toEqual(["p3x", "d30"])
    const map = parsePluginOptions({ ...AUTHORISED, plans: { p2x: true, p4x: {}, d15: false, d30: { enabled: false } } })
    expect(Object.entries(map.plans).filter(([, s]) => s.offered).map(([c]) => c)).toEqual(["p2x", "p4x"])
    expect(map.plans.p4x).toEqual({ ...defaultEngineConfig().plans.p4x })
  })

  it("reads the other options", () => {
    const config = parsePluginOptions({
      countries: ["FR", "be", "fr"],
      cards: { networks: ["visa", "cb"], allow_prepaid: true },
      revision_policy: "last_first",
      deferred_start: "on_shipment",
      retry_days: [2, 5],
      time_zone: "Europe/Brussels",
    })
    expect(config).toMatchObject({
      countries: ["fr", "be"],
      cards: { networks: ["visa", "cb"], allowPrepaid: true, allowVirtual: false, requireEuIssuer: true },
      revisionPolicy: "last_first",
      deferredStart: "on_shipment",
      retryDays: [2, 5],
      timeZone: "Europe/Brussels",
    })
    expect(parsePluginOptions({ retry_days: [] }).retryDays).toEqual([])
  })

  it("reads the support holidays, France's fixed-date ones by default", () => {
    expect(parsePluginOptions({}).supportHolidays).toEqual(["01-01", "05-01", "05-08", "07-14", "08-15", "11-01", "11-11", "12-25"])
    expect(parsePluginOptions({ support: { holidays: ["12-25", "2027-05-06", "12-25"] } }).supportHolidays).toEqual(["12-25", "2027-05-06"])
    expect(parsePluginOptions({ support: { holidays: [] } }).supportHolidays).toEqual([])
  })

  it("leaves keys it is told to ignore to other parts of the plugin", () => {
    expect(parsePluginOptions({ ...AUTHORISED, processor: { api_key: "x" } }, { ignoreKeys: ["processor"] })).toEqual(defaultEngineConfig())
  })
})

describe("parsePluginOptions: errors name the option, what is expected and what was given", () => {
  it("explains a bad amount", () => {
    expect(errorOf({ plans: { p3x: { min_amount: "abc" } } })).toBe(
      'medusa-instalments: option "plans.p3x.min_amount" must be a number of euros ≥ 0, at most 2 decimals (got "abc")',
    )
    expect(errorOf({ plans: { p3x: { min_amount: -5 } } })).toMatch(/"plans.p3x.min_amount" must be a number of euros ≥ 0/)
    expect(errorOf({ plans: { p3x: { max_amount: 10.001 } } })).toMatch(/"plans.p3x.max_amount" .*at most 2 decimals \(got 10.001\)/)
  })

  it("checks min ≤ max", () => {
    expect(errorOf({ plans: { p3x: { min_amount: 100, max_amount: 50 } } })).toBe(
      'medusa-instalments: option "plans.p3x.min_amount" must not be more than "plans.p3x.max_amount" (50.00 €) (got 100)',
    )
  })

  it("caps the customer fee", () => {
    expect(errorOf({ plans: { p3x: { fee_percent: 10.01 } } })).toMatch(/"plans.p3x.fee_percent" must be a percentage from 0 to 10.00/)
    expect(errorOf({ plans: { p3x: { fee_percent: 1.234 } } })).toMatch(/at most 2 decimals/)
    expect(errorOf({ plans: { p3x: { fee_fixed: 10.01 } } })).toMatch(/"plans.p3x.fee_fixed" must be a number of euros from 0 to 10.00/)
    expect(parsePluginOptions({ ...AUTHORISED, plans: { p3x: { fee_percent: 10, fee_fixed: 10 } } }).plans.p3x.fee).toEqual({ basisPoints: 1000, fixedCents: 1000 })
  })

  it("refuses unknown plan codes with the list of valid ones", () => {
    expect(errorOf({ plans: { p5x: true } })).toBe(
      'medusa-instalments: option "plans.p5x" is not a plan code; valid plan codes are p2x, p3x, p4x, d15, d30 (got true)',
    )
    expect(errorOf({ plans: ["p3x", "p9x"] })).toMatch(/option "plans\[1\]" must be a plan code: p2x, p3x, p4x, d15, d30 \(got "p9x"\)/)
  })

  it("needs at least one plan offered", () => {
    expect(errorOf({ plans: [] })).toMatch(/"plans" must offer at least one plan/)
    expect(errorOf({ plans: { p3x: false } })).toMatch(/"plans" must offer at least one plan/)
  })

  it("names typos and unknown options", () => {
    expect(errorOf({ plans: { p3x: { min_ammount: 5 } } })).toMatch(/"plans.p3x.min_ammount" is not an option; expected one of: enabled, min_amount/)
    expect(errorOf({ revison_policy: "spread" })).toMatch(/"revison_policy" is not an option; expected one of: plans, countries/)
  })

  it("checks countries, cards, policies, retries and the time zone", () => {
    expect(errorOf({ countries: ["fra"] })).toMatch(/"countries\[0\]" must be a two-letter country code/)
    expect(errorOf({ countries: [] })).toMatch(/"countries" must list at least one country/)
    expect(errorOf({ cards: { networks: ["maestro"] } })).toMatch(/"cards.networks\[0\]" must be one of visa, mastercard, amex, cb/)
    expect(errorOf({ cards: { allow_prepaid: "no" } })).toMatch(/"cards.allow_prepaid" must be true or false \(got "no"\)/)
    expect(errorOf({ cards: { allow_virtual: true } })).toMatch(/"cards.allow_virtual" is not an option/)
    expect(errorOf({ revision_policy: "first_last" })).toMatch(/"revision_policy" must be one of spread, last_first/)
    expect(errorOf({ deferred_start: "on_delivery" })).toMatch(/"deferred_start" must be one of off, on_shipment/)
    expect(errorOf({ retry_days: [3, 1] })).toMatch(/"retry_days" must list days in increasing order/)
    expect(errorOf({ retry_days: [0] })).toMatch(/"retry_days\[0\]" must be a whole number of days from 1 to 30/)
    expect(errorOf({ time_zone: "Mars/Base" })).toMatch(/"time_zone" must be an IANA time zone/)
  })

  it("checks the support holidays", () => {
    expect(errorOf({ support: { holidays: ["25/12"] } })).toBe(
      'medusa-instalments: option "support.holidays[0]" must be a day "YYYY-MM-DD" (one day) or "MM-DD" (every year), e.g. "2027-05-06" or "12-25" (got "25/12")',
    )
    expect(errorOf({ support: { holidays: ["12-25", "2027-02-30"] } })).toMatch(/"support.holidays\[1\]" must be a day/)
    expect(errorOf({ support: { holidays: "12-25" } })).toMatch(/"support.holidays" must be a list of days, each a day "YYYY-MM-DD"/)
    expect(errorOf({ support: { holiday: [] } })).toMatch(/"support.holiday" is not an option; expected one of: holidays/)
  })

  it("reports every bad option at once, one line each", () => {
    const lines = errorOf({ plans: { p3x: { min_amount: "x" }, p5x: {} }, countries: ["fra"], time_zone: "Nowhere" }).split("\n")
    expect(lines).toHaveLength(4)
    expect(lines.every((l) => l.startsWith('medusa-instalments: option "'))).toBe(true)
  })

  it("refuses options that are not an object", () => {
    expect(errorOf(42)).toMatch(/the plugin options must be an object/)
    expect(errorOf(["p3x"])).toMatch(/the plugin options must be an object/)
  })
})

describe("parsePluginOptions: consumer credit in direct mode (docs/business-rules.md §11)", () => {
  const offered = (config: ReturnType<typeof parsePluginOptions>) => Object.entries(config.plans).filter(([, s]) => s.offered).map(([c]) => c)

  it("reads merchant_size and credit_authorisation", () => {
    expect(parsePluginOptions({ merchant_size: "large", credit_authorisation: true }).consumerCredit).toEqual({ merchantSize: "large", authorised: true })
    expect(offered(parsePluginOptions({ merchant_size: "large", credit_authorisation: true }))).toEqual(["p2x", "p3x", "p4x", "d15", "d30"])
    expect(errorOf({ merchant_size: "medium" })).toMatch(/option "merchant_size" must be one of sme, large .* \(got "medium"\)/)
    expect(errorOf({ credit_authorisation: "yes" })).toMatch(/option "credit_authorisation" must be true or false \(got "yes"\)/)
  })

  it("offers a large seller without an authorisation no plan by default: even d15 defers payment 15 days", () => {
    const config = parsePluginOptions({ merchant_size: "large" })
    expect(offered(config)).toEqual([])
  })

  it("accepts the exempt plans asked for explicitly", () => {
    expect(offered(parsePluginOptions({ plans: ["p2x", "d30"] }))).toEqual(["p2x", "d30"])
  })

  it("refuses p3x without an authorisation, with the rule and the two ways out", () => {
    const lines = errorOf({ plans: ["p2x", "p3x", "p4x"] }).split("\n")
    expect(lines).toEqual([
      'medusa-instalments: option "plans.p3x" would grant consumer credit: its last payment can fall 62 days after the order (or the shipment, with a deferred start), 12 days beyond the 50 days allowed for merchant_size "sme"',
      'medusa-instalments: option "plans.p4x" would grant consumer credit: its last payment can fall 92 days after the order (or the shipment, with a deferred start), 42 days beyond the 50 days allowed for merchant_size "sme"',
      expect.stringContaining("medusa-instalments: Without a consumer-credit authorisation, a store that collects instalments itself (direct mode) may only defer payment for at most 50 days (14 days for merchant_size \"large\"), with no fee"),
    ])
    expect(lines[2]).toContain("this store: merchant_size \"sme\", so offer only p2x, d15, d30 with no fee")
    expect(lines[2]).toContain("Either set credit_authorisation: true if your store holds a consumer-credit authorisation, or lend through Alma")
    expect(lines[2]).toContain("Directive (EU) 2023/2225")
  })

  it("refuses a customer fee without an authorisation, even on an exempt plan", () => {
    expect(errorOf({ plans: { d30: { fee_fixed: 1 } } })).toMatch(/^medusa-instalments: option "plans.d30" would grant consumer credit: it charges the shopper a fee \(fee_percent or fee_fixed\)\n/)
  })

  it("refuses p2x for a large seller, whose limit is 14 days", () => {
    const message = errorOf({ merchant_size: "large", plans: ["p2x"] })
    expect(message).toMatch(/"plans.p2x" would grant consumer credit: its last payment can fall 31 days after the order .*17 days beyond the 14 days allowed for merchant_size "large"/)
    expect(message).toContain('this store: merchant_size "large", so no plan of the catalogue is exempt for it')
  })

  it("reports bad values before the consumer-credit rule", () => {
    expect(errorOf({ plans: { p3x: { min_amount: "x" } } })).toMatch(/^medusa-instalments: option "plans.p3x.min_amount" must be a number/)
  })
})
