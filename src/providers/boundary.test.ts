import { BigNumber, MedusaError } from "@medusajs/framework/utils"
import { instalmentsModuleOf, paymentSessionIdOf, toMoney } from "./boundary"

describe("toMoney", () => {
  it("reads Medusa's amounts exactly, as numbers, strings and BigNumbers", () => {
    expect(toMoney(254.9, "EUR")).toEqual({ cents: 25490, currency: "eur" })
    expect(toMoney("84.98", "eur")).toEqual({ cents: 8498, currency: "eur" })
    expect(toMoney(new BigNumber("169.92"), "eur")).toEqual({ cents: 16992, currency: "eur" })
  })

  it("rounds the extra digits of Medusa's computed totals half-up to the cent", () => {
    expect(toMoney(new BigNumber("84.965"), "eur")).toEqual({ cents: 8497, currency: "eur" })
    expect(toMoney("84.96499", "eur")).toEqual({ cents: 8496, currency: "eur" })
  })

  it("refuses what is not an amount, with a 400-class error", () => {
    expect(() => toMoney("abc", "eur")).toThrow(MedusaError)
    expect(() => toMoney("abc", "eur")).toThrow(/Invalid amount/)
  })
})

describe("paymentSessionIdOf", () => {
  it("prefers the id the session data carries, else Medusa's idempotency key", () => {
    expect(paymentSessionIdOf("payses_data", { idempotency_key: "payses_key" })).toBe("payses_data")
    expect(paymentSessionIdOf(undefined, { idempotency_key: "payses_key" })).toBe("payses_key")
  })

  it("refuses a session with neither", () => {
    expect(() => paymentSessionIdOf(undefined, undefined)).toThrow("Missing payment session id")
  })
})

describe("instalmentsModuleOf", () => {
  it("says which medusa-config.ts line is missing when the module was not injected", () => {
    const cradle = new Proxy({} as Record<string, unknown>, {
      get: () => {
        throw new Error("AwilixResolutionError: could not resolve 'instalments'")
      },
    })
    expect(() => instalmentsModuleOf(cradle, "alma")).toThrow(/the alma payment provider cannot reach the "instalments" module.*dependencies: \["instalments"\]/)
  })

  it("answers the injected module", () => {
    const module = { name: "instalments" } as never
    expect(instalmentsModuleOf({ instalments: module }, "instalments")).toBe(module)
  })
})
