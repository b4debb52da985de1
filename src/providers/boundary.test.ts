import { BigNumber, MedusaError } from "@medusajs/framework/utils"
import { instalmentsModuleOf, loggedInCustomer, paymentSessionIdOf, refuseCardData, replacingSentData, toMoney } from "./boundary"

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

describe("replacingSentData", () => {
  it("returns every key that was sent and is not kept as undefined, so Medusa's merge stores none of them", () => {
    const sent = { plan: "p3x", card_token: "tok_visa", phone: "+33612345678", email: "lea@example.com", session_id: "payses_1" }
    const kept = { session_id: "payses_1", plan: "p3x" }
    const data = replacingSentData(sent, kept)
    expect(data).toEqual({ session_id: "payses_1", plan: "p3x", card_token: undefined, phone: undefined, email: undefined })
    // What Medusa stores: { ...sent, ...returned }, written as JSON.
    expect(JSON.parse(JSON.stringify({ ...sent, ...data }))).toEqual(kept)
  })
})

describe("loggedInCustomer", () => {
  it("is the context's customer id, when Medusa passes one (an authenticated request)", () => {
    expect(loggedInCustomer({ customer: { id: "cus_1" } })).toBe("cus_1")
    expect(loggedInCustomer({})).toBeUndefined()
    expect(loggedInCustomer(undefined)).toBeUndefined()
  })
})

describe("refuseCardData", () => {
  it("refuses a card number with a 400-class error that does not repeat it; a phone is not looked into", () => {
    expect(() => refuseCardData({ note: "4111 1111 1111 1111" })).toThrow(MedusaError)
    expect(() => refuseCardData({ note: "4111 1111 1111 1111" })).toThrow(/^card_data_refused: data\.note looks like a card number/)
    expect(() => refuseCardData({ phone: "+49 1512 3456789 01" })).not.toThrow()
  })
})
