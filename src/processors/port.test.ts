import {
  CHARGE_FAILURE_CODES,
  PROCESSOR_ERROR_CODES,
  REFUND_FAILURE_CODES,
  checkAmount,
  looksLikeCardNumber,
  processorError,
  processorOk,
} from "./port"
import * as processors from "./index"

describe("processor port helpers", () => {
  it("wraps values and errors", () => {
    expect(processorOk(3)).toEqual({ ok: true, value: 3 })
    expect(processorError("unknown_card", "nope")).toEqual({
      ok: false,
      error: { code: "unknown_card", message: "nope", retryable: false },
    })
    expect(processorError("processor_unavailable", "down")).toEqual({
      ok: false,
      error: { code: "processor_unavailable", message: "down", retryable: true },
    })
  })

  it("accepts integer cents and lower-case currencies only", () => {
    expect(checkAmount({ cents: 1, currency: "eur" })).toBeNull()
    expect(checkAmount({ cents: 0, currency: "eur" }, { allowZero: true })).toBeNull()
    expect(checkAmount({ cents: 0, currency: "eur" })?.code).toBe("invalid_amount")
    expect(checkAmount({ cents: -5, currency: "eur" })?.code).toBe("invalid_amount")
    expect(checkAmount({ cents: 10.5, currency: "eur" })?.code).toBe("invalid_amount")
    expect(checkAmount({ cents: Number.MAX_SAFE_INTEGER + 1, currency: "eur" })?.code).toBe("invalid_amount")
    expect(checkAmount({ cents: "100", currency: "eur" })?.code).toBe("invalid_amount")
    expect(checkAmount(null)?.code).toBe("invalid_amount")
    expect(checkAmount(12.5)?.code).toBe("invalid_amount")
    expect(checkAmount({ cents: 100, currency: "EUR" })?.code).toBe("invalid_currency")
    expect(checkAmount({ cents: 100, currency: "euro" })?.code).toBe("invalid_currency")
    expect(checkAmount({ cents: 100 })?.code).toBe("invalid_currency")
  })

  it("recognises card numbers so they can be refused", () => {
    expect(looksLikeCardNumber("4242424242424242")).toBe(true)
    expect(looksLikeCardNumber("4242 4242 4242 4242")).toBe(true)
    expect(looksLikeCardNumber("3782-822463-10005")).toBe(true)
    expect(looksLikeCardNumber("tok_visa")).toBe(false)
    expect(looksLikeCardNumber("424242424242")).toBe(false) // 12 digits
    expect(looksLikeCardNumber("pm_4242424242424242")).toBe(false)
  })

  it("has unique stable codes", () => {
    for (const list of [PROCESSOR_ERROR_CODES, CHARGE_FAILURE_CODES, REFUND_FAILURE_CODES]) {
      expect(new Set(list).size).toBe(list.length)
      for (const code of list) expect(code).toMatch(/^[a-z_]+$/)
    }
    expect(REFUND_FAILURE_CODES).toContain("refund_exceeds_charge")
    expect(CHARGE_FAILURE_CODES).toEqual(expect.arrayContaining(["card_declined", "insufficient_funds"]))
  })

  it("re-exports the sandbox from the processors entry point", () => {
    expect(typeof processors.createSandboxProcessor).toBe("function")
    expect(typeof processors.createSandboxClock).toBe("function")
    expect(typeof processors.createMemorySandboxStore).toBe("function")
    expect(processors.TEST_CARDS.length).toBeGreaterThan(0)
    expect(typeof processors.systemClock.now).toBe("function")
  })
})
