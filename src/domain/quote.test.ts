import fc from "fast-check"
import { fcParams } from "./__tests__/fc-settings"
import { addDays, compareDates } from "./calendar"
import { PLAN_CODES } from "./codes"
import { defaultEngineConfig, type EngineConfig } from "./config"
import { money } from "./money"
import { customerFee, quoteAll, quotePlan } from "./quote"

const eur = (cents: number) => money(cents, "eur")
const config = defaultEngineConfig()
const withFee = (basisPoints: number, fixedCents: number): EngineConfig => ({
  ...config,
  plans: Object.fromEntries(PLAN_CODES.map((c) => [c, { ...config.plans[c], fee: { basisPoints, fixedCents } }])) as EngineConfig["plans"],
})

describe("quotePlan", () => {
  it("splits 254.90 € in 3: 84.98 + 84.96 + 84.96, first today, then monthly", () => {
    const q = quotePlan({ config, plan: "p3x", amount: eur(25490), country: "fr", today: "2025-01-31" })
    expect(q.instalments.map((i) => [i.number, i.dueDate, i.amount.cents, i.customerFee.cents])).toEqual([
      [1, "2025-01-31", 8498, 0],
      [2, "2025-02-28", 8496, 0],
      [3, "2025-03-31", 8496, 0],
    ])
    expect(q.total).toEqual(eur(25490))
    expect(q.credit).toEqual(eur(16992)) // the first instalment is a payment on account, not credit
    expect(q.totalWithFees).toEqual(eur(25490))
    expect(q.eligibility).toEqual({ eligible: true })
    expect(q.quotedOn).toBe("2025-01-31")
    expect(q.maxPostponements).toBe(1)
  })

  it("splits 100.00 € in 3: 33.34 + 33.33 + 33.33", () => {
    const q = quotePlan({ config, plan: "p3x", amount: eur(10000), country: "fr", today: "2025-01-15" })
    expect(q.instalments.map((i) => i.amount.cents)).toEqual([3334, 3333, 3333])
  })

  it("charges the customer fee with the first instalment: 1.5 % + 0.50 € of 254.90 € = 4.32 €", () => {
    const q = quotePlan({ config: withFee(150, 50), plan: "p3x", amount: eur(25490), country: "fr", today: "2025-01-15" })
    expect(customerFee(eur(25490), { basisPoints: 150, fixedCents: 50 })).toEqual(eur(432)) // 382.35 → 382, + 50
    expect(q.customerFeeTotal).toEqual(eur(432))
    expect(q.instalments.map((i) => i.customerFee.cents)).toEqual([432, 0, 0])
    expect(q.totalWithFees).toEqual(eur(25922))
    expect(q.credit).toEqual(eur(16992))
  })

  it("defers d15/d30: one payment 15/30 days later, the whole total is credit, fee with it", () => {
    const d15 = quotePlan({ config: withFee(100, 0), plan: "d15", amount: eur(25490), country: "fr", today: "2025-01-20" })
    expect(d15.instalments.map((i) => [i.dueDate, i.amount.cents, i.customerFee.cents])).toEqual([["2025-02-04", 25490, 255]])
    expect(d15.credit).toEqual(eur(25490))
    const d30 = quotePlan({ config, plan: "d30", amount: eur(25490), country: "fr", today: "2025-01-20" })
    expect(d30.instalments[0].dueDate).toBe("2025-02-19")
  })

  it("still quotes an ineligible amount, with the reasons", () => {
    const q = quotePlan({ config, plan: "p4x", amount: eur(4999), country: "fr", today: "2025-01-15" })
    expect(q.eligibility).toEqual({ eligible: false, reasons: ["amount_below_minimum"] })
    expect(q.instalments.reduce((s, i) => s + i.amount.cents, 0)).toBe(4999)
  })
})

describe("quoteAll", () => {
  it("quotes every offered plan in catalogue order", () => {
    const all = quoteAll({ config, amount: eur(25490), country: "fr", today: "2025-01-15" })
    expect(all.map((q) => q.plan)).toEqual(["p2x", "p3x", "p4x", "d15", "d30"])
    const some: EngineConfig = { ...config, plans: { ...config.plans, p2x: { ...config.plans.p2x, offered: false }, d15: { ...config.plans.d15, max: 10000 } } }
    const quotes = quoteAll({ config: some, amount: eur(25490), country: "fr", today: "2025-01-15" })
    expect(quotes.map((q) => q.plan)).toEqual(["p3x", "p4x", "d15", "d30"])
    expect(quotes[2].eligibility).toEqual({ eligible: false, reasons: ["amount_above_maximum"] })
  })
})

describe("properties", () => {
  const amount = fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom(4999, 5000, 400000, 400001))
  const today = fc.integer({ min: 0, max: 3650 }).map((n) => addDays("2024-01-01", n))
  const plan = fc.constantFrom(...PLAN_CODES)
  const fee = fc.record({ basisPoints: fc.integer({ min: 0, max: 1000 }), fixedCents: fc.integer({ min: 0, max: 1000 }) })

  it("instalments sum to the total, fees to the fee, dates increase within 3 months, credit = total − paid at checkout", () => {
    fc.assert(
      fc.property(amount, today, plan, fee, (cents, day, code, f) => {
        const q = quotePlan({ config: withFee(f.basisPoints, f.fixedCents), plan: code, amount: eur(cents), country: "fr", today: day })
        const amounts = q.instalments.map((i) => i.amount.cents)
        const fees = q.instalments.map((i) => i.customerFee.cents)
        const dates = q.instalments.map((i) => i.dueDate)
        const paidAtCheckout = code.startsWith("p") ? amounts[0] : 0
        return (
          amounts.reduce((a, b) => a + b, 0) === cents &&
          amounts.every((a) => a >= 0) &&
          fees.reduce((a, b) => a + b, 0) === q.customerFeeTotal.cents &&
          fees.slice(1).every((x) => x === 0) &&
          q.totalWithFees.cents === cents + q.customerFeeTotal.cents &&
          q.credit.cents === cents - paidAtCheckout &&
          dates.every((d, i) => i === 0 || compareDates(dates[i - 1], d) < 0) &&
          compareDates(dates[0], day) >= 0 &&
          compareDates(dates[dates.length - 1], addDays(day, 92)) <= 0 &&
          q.eligibility.eligible === (cents >= 5000 && cents <= 400000)
        )
      }),
      fcParams(5000),
    )
  })
})

describe("quotes of a direct-mode store without a consumer-credit authorisation (docs/business-rules.md §11)", () => {
  const unauthorised = (merchantSize: "sme" | "large", extra: Partial<EngineConfig> = {}): EngineConfig => ({
    ...config,
    ...extra,
    consumerCredit: { merchantSize, authorised: false },
  })

  it("refuses a schedule that would be consumer credit, from its dates: p3x for an SME, p2x for a large seller", () => {
    const p3x = quotePlan({ config: unauthorised("sme"), plan: "p3x", amount: eur(30000), country: "fr", today: "2027-12-31" })
    expect(p3x.eligibility).toEqual({ eligible: false, reasons: ["consumer_credit_not_authorised"] })
    expect(p3x.creditExemption).toMatchObject({ exempt: false, days: 60, reasons: [{ code: "deferral_too_long", daysOver: 10 }] })

    const p2xSme = quotePlan({ config: unauthorised("sme"), plan: "p2x", amount: eur(30000), country: "fr", today: "2028-01-31" })
    expect(p2xSme.eligibility).toEqual({ eligible: true })
    expect(p2xSme.creditExemption).toEqual({ exempt: true, days: 29, limitDays: 50 })

    const p2xLarge = quotePlan({ config: unauthorised("large"), plan: "p2x", amount: eur(30000), country: "fr", today: "2028-01-31" })
    expect(p2xLarge.eligibility).toEqual({ eligible: false, reasons: ["consumer_credit_not_authorised"] })
  })

  it("refuses a schedule with a customer fee, and keeps the other reasons", () => {
    const fee = unauthorised("sme", { plans: withFee(100, 0).plans })
    const q = quotePlan({ config: fee, plan: "d30", amount: eur(1000), country: "nl", today: "2027-06-01" })
    expect(q.eligibility).toEqual({ eligible: false, reasons: ["amount_below_minimum", "country_not_supported", "consumer_credit_not_authorised"] })
    expect(q.creditExemption).toMatchObject({ exempt: false, reasons: [{ code: "customer_fee", feeCents: 10 }] })
  })

  it("with a deferred start, judges the plan on every start day (the shipment day is not known at checkout)", () => {
    const deferred = unauthorised("sme", { deferredStart: "on_shipment" })
    const q = quotePlan({ config: deferred, plan: "p2x", amount: eur(30000), country: "fr", today: "2027-02-01" })
    expect(q.creditExemption).toEqual({ exempt: true, days: 31, limitDays: 50 }) // not the 28 days from 1 February
    expect(quotePlan({ config: unauthorised("large", { deferredStart: "on_shipment" }), plan: "d15", amount: eur(30000), country: "fr", today: "2027-02-01" }).eligibility).toEqual({
      eligible: false,
      reasons: ["consumer_credit_not_authorised"],
    })
  })

  it("with an authorisation, carries no verdict and refuses nothing for it", () => {
    const q = quotePlan({ config, plan: "p4x", amount: eur(30000), country: "fr", today: "2027-06-01" })
    expect(q.creditExemption).toBeUndefined()
    expect(q.eligibility).toEqual({ eligible: true })
  })
})
