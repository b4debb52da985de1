import { setup, value } from "./__tests__/support"
import { createSandboxProcessor } from "./adapter"

describe("sandbox processor", () => {
  it("is named sandbox and says what it can do", () => {
    const { processor } = setup()
    expect(processor.name).toBe("sandbox")
    expect(processor.capabilities).toEqual({
      zeroAmountVerification: true,
      creditDecision: "processor",
      partialRefunds: true,
      currencies: "any",
      testMode: true,
    })
  })

  it("uses the system time by default", async () => {
    const processor = createSandboxProcessor()
    const now = new Date()
    const { expMonth, expYear } = value(await processor.describeCard("tok_expires_soon"))
    const expected = now.getUTCFullYear() * 12 + now.getUTCMonth() + 1
    expect(expYear * 12 + expMonth - 1).toBe(expected)
  })

  it("never waits for a shopper: giving up a charge answers it as it is, an unknown one is unknown", async () => {
    const processor = createSandboxProcessor()
    const { cardRef } = value(await processor.describeCard("tok_visa"))
    const charged = value(await processor.charge({ cardRef, amount: { cents: 500, currency: "eur" }, idempotencyKey: "k", description: "", offSession: false, shopperCanAuthenticate: true }))
    expect(charged.status).toBe("succeeded")
    expect(value(await processor.abandonCharge(charged.chargeId))).toEqual(charged)
    expect(await processor.abandonCharge("ch_unknown")).toMatchObject({ ok: false, error: { code: "unknown_charge" } })
  })
})
