import { type StripeSetup, errorOf, eur, newKey, startStripeSetup, value } from "./__tests__/support"

let setup: StripeSetup & { close: () => Promise<void> }
beforeAll(async () => void (setup = await startStripeSetup()))
afterAll(() => setup.close())

async function charged(token = "pm_card_fr", cents = 10000) {
  const { cardRef } = value(await setup.processor.describeCard(token))
  return value(await setup.processor.charge({ cardRef, amount: eur(cents), idempotencyKey: newKey("c"), description: "", offSession: true })).chargeId
}

describe("Stripe processor: refunds", () => {
  it("refunds in parts up to the charge, never beyond", async () => {
    const { processor, fake } = setup
    const chargeId = await charged()
    const first = value(await processor.refund({ chargeId, amount: eur(3000), idempotencyKey: newKey("r1"), metadata: { plan: "pl_1" } })) as { refundId: string }
    expect(first).toEqual({ status: "succeeded", refundId: expect.stringMatching(/^re_/), amount: eur(3000) })
    expect(fake.state.refunds.get(first.refundId)?.metadata).toMatchObject({ plan: "pl_1" })
    expect(value(await processor.refund({ chargeId, amount: eur(7001), idempotencyKey: newKey("r2") }))).toEqual({ status: "failed", code: "refund_exceeds_charge", message: expect.any(String) })
    expect(value(await processor.refund({ chargeId, amount: eur(7000), idempotencyKey: newKey("r3") })).status).toBe("succeeded")
    expect(value(await processor.refund({ chargeId, amount: eur(1), idempotencyKey: newKey("r4") }))).toMatchObject({ code: "refund_exceeds_charge" })
    expect(value(await processor.getCharge(chargeId)).refunded).toEqual(eur(10000))
  })

  it("is idempotent by key, also once nothing is left on the charge", async () => {
    const { processor } = setup
    const chargeId = await charged()
    const key = newKey("r")
    const a = value(await processor.refund({ chargeId, amount: eur(10000), idempotencyKey: key }))
    expect(value(await processor.refund({ chargeId, amount: eur(10000), idempotencyKey: key }))).toEqual(a)
    expect(value(await processor.getCharge(chargeId)).refunded).toEqual(eur(10000))
    expect(errorOf(await processor.refund({ chargeId, amount: eur(100), idempotencyKey: key })).code).toBe("idempotency_key_reused")
  })

  it("a refused refund is not remembered: the key can be used again once the amount is right", async () => {
    const { processor } = setup
    const chargeId = await charged()
    const key = newKey("r")
    expect(value(await processor.refund({ chargeId, amount: eur(20000), idempotencyKey: key })).status).toBe("failed")
    expect(value(await processor.refund({ chargeId, amount: eur(10000), idempotencyKey: key })).status).toBe("succeeded")
  })

  it("refuses refunds on failed charges, in another currency, or malformed", async () => {
    const { processor } = setup
    const { cardRef } = value(await processor.describeCard("pm_card_chargeCustomerFail"))
    const failed = value(await processor.charge({ cardRef, amount: eur(100), idempotencyKey: newKey("c"), description: "", offSession: true }))
    expect(value(await processor.refund({ chargeId: failed.chargeId, amount: eur(100), idempotencyKey: newKey("r") }))).toMatchObject({ status: "failed", code: "charge_not_succeeded" })
    const chargeId = await charged()
    expect(errorOf(await processor.refund({ chargeId, amount: { cents: 100, currency: "usd" }, idempotencyKey: newKey("r") })).code).toBe("currency_mismatch")
    expect(errorOf(await processor.refund({ chargeId, amount: eur(0), idempotencyKey: newKey("r") })).code).toBe("invalid_amount")
    expect(errorOf(await processor.refund({ chargeId: "", amount: eur(1), idempotencyKey: newKey("r") })).code).toBe("invalid_request")
    expect(errorOf(await processor.refund({ chargeId: "pi_nope", amount: eur(1), idempotencyKey: newKey("r") })).code).toBe("unknown_charge")
  })
})
