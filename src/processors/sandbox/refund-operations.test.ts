import { errorCode, eur, keysWithPrefix, setup, slowStore, value } from "./__tests__/support"

describe("sandbox processor: refunds", () => {
  async function charged(token = "tok_visa", cents = 10000) {
    const ctx = setup()
    const { cardRef } = value(await ctx.processor.describeCard(token))
    const outcome = value(await ctx.processor.charge({ cardRef, amount: eur(cents), idempotencyKey: "c", description: "", offSession: false }))
    return { ...ctx, chargeId: outcome.chargeId }
  }

  it("refunds in parts up to the charge, never beyond", async () => {
    const { processor, chargeId } = await charged()
    expect(value(await processor.refund({ chargeId, amount: eur(3000), idempotencyKey: "r1" }))).toEqual({
      status: "succeeded",
      refundId: expect.stringMatching(/^re_/),
      amount: eur(3000),
    })
    expect(value(await processor.refund({ chargeId, amount: eur(7001), idempotencyKey: "r2" }))).toEqual({
      status: "failed",
      code: "refund_exceeds_charge",
      message: expect.any(String),
    })
    expect(value(await processor.refund({ chargeId, amount: eur(7000), idempotencyKey: "r3" })).status).toBe("succeeded")
    expect(value(await processor.refund({ chargeId, amount: eur(1), idempotencyKey: "r4" }))).toMatchObject({ code: "refund_exceeds_charge" })
    expect(value(await processor.getCharge(chargeId)).refunded).toEqual(eur(10000))
  })

  it("is idempotent by key", async () => {
    const { processor, chargeId } = await charged()
    const a = value(await processor.refund({ chargeId, amount: eur(6000), idempotencyKey: "r" }))
    const b = value(await processor.refund({ chargeId, amount: eur(6000), idempotencyKey: "r" }))
    expect(b).toEqual(a)
    expect(value(await processor.getCharge(chargeId)).refunded).toEqual(eur(6000))
    expect(errorCode(await processor.refund({ chargeId, amount: eur(100), idempotencyKey: "r" }))).toBe("idempotency_key_reused")
  })

  it("a refused refund is not remembered: the key can be used again once the amount is right", async () => {
    const { processor, chargeId } = await charged()
    expect(value(await processor.refund({ chargeId, amount: eur(20000), idempotencyKey: "r" })).status).toBe("failed")
    expect(value(await processor.refund({ chargeId, amount: eur(20000), idempotencyKey: "r" })).status).toBe("failed")
    expect(value(await processor.refund({ chargeId, amount: eur(10000), idempotencyKey: "r" })).status).toBe("succeeded")
  })

  it("concurrent refunds cannot overrun the charge", async () => {
    const { inner, store } = slowStore()
    const { processor } = setup(store)
    const { cardRef } = value(await processor.describeCard("tok_visa"))
    const { chargeId } = value(await processor.charge({ cardRef, amount: eur(10000), idempotencyKey: "c", description: "", offSession: false }))
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => processor.refund({ chargeId, amount: eur(3000), idempotencyKey: `r${n}` }))
    )
    expect(results.map(value).filter((r) => r.status === "succeeded")).toHaveLength(3)
    expect(value(await processor.getCharge(chargeId)).refunded).toEqual(eur(9000))
    expect(keysWithPrefix(inner.entries(), "refund:")).toHaveLength(3)
    // Concurrent replays of one key refund once.
    const same = await Promise.all([1, 2, 3].map(() => processor.refund({ chargeId, amount: eur(1000), idempotencyKey: "last" })))
    expect(new Set(same.map((r) => JSON.stringify(value(r)))).size).toBe(1)
    expect(value(await processor.getCharge(chargeId)).refunded).toEqual(eur(10000))
  })

  it("refuses refunds on failed charges, in another currency, or malformed", async () => {
    const { processor } = setup()
    const { cardRef } = value(await processor.describeCard("tok_declined"))
    const failed = value(await processor.charge({ cardRef, amount: eur(100), idempotencyKey: "c", description: "", offSession: false }))
    expect(value(await processor.refund({ chargeId: failed.chargeId, amount: eur(100), idempotencyKey: "r" }))).toMatchObject({
      status: "failed",
      code: "charge_not_succeeded",
    })
    const ok = await charged()
    expect(errorCode(await ok.processor.refund({ chargeId: ok.chargeId, amount: { cents: 100, currency: "usd" }, idempotencyKey: "r" }))).toBe(
      "currency_mismatch"
    )
    expect(errorCode(await ok.processor.refund({ chargeId: ok.chargeId, amount: eur(0), idempotencyKey: "r" }))).toBe("invalid_amount")
    expect(errorCode(await ok.processor.refund({ chargeId: "", amount: eur(1), idempotencyKey: "r" }))).toBe("invalid_request")
  })
})
