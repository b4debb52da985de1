import { eur, setup, slowStore, value } from "./__tests__/support"

describe("sandbox processor: charges", () => {
  it("records description, metadata, off-session flag and time", async () => {
    const { processor, clock } = setup()
    const { cardRef } = value(await processor.describeCard("tok_mastercard"))
    clock.advanceDays(1)
    const outcome = value(
      await processor.charge({ cardRef, amount: eur(999), idempotencyKey: "m", description: "Order #12, 2/3", offSession: true, metadata: { plan: "pl_1" } })
    )
    const details = value(await processor.getCharge(outcome.chargeId))
    expect(details).toEqual({
      status: "succeeded",
      chargeId: outcome.chargeId,
      amount: eur(999),
      cardRef,
      requestedAmount: eur(999),
      refunded: eur(0),
      idempotencyKey: "m",
      createdAt: new Date("2025-03-16T12:00:00Z"),
      description: "Order #12, 2/3",
      offSession: true,
      metadata: { plan: "pl_1" },
    })
    const at = new Date("2025-03-20T08:00:00Z")
    const later = value(await processor.charge({ cardRef, amount: eur(1), idempotencyKey: "m2", description: "", offSession: true, at }))
    expect(value(await processor.getCharge(later.chargeId)).createdAt).toEqual(at)
  })
})

describe("sandbox processor: reconciliation", () => {
  it("finds a charge by its idempotency key, or null", async () => {
    const { processor } = setup()
    const { cardRef } = value(await processor.describeCard("tok_visa"))
    expect(value(await processor.findChargeByIdempotencyKey("never"))).toBeNull()
    const outcome = value(await processor.charge({ cardRef, amount: eur(4200), idempotencyKey: "plan_9:inst_2", description: "2/4", offSession: true }))
    // ... the plugin crashes here, before writing the result ...
    const found = value(await processor.findChargeByIdempotencyKey("plan_9:inst_2"))
    expect(found).toMatchObject({ ...outcome, cardRef, idempotencyKey: "plan_9:inst_2", requestedAmount: eur(4200), refunded: eur(0) })
    await processor.refund({ chargeId: outcome.chargeId, amount: eur(200), idempotencyKey: "r" })
    expect(value(await processor.findChargeByIdempotencyKey("plan_9:inst_2"))?.refunded).toEqual(eur(200))
  })

  it("finds failed charges too", async () => {
    const { processor } = setup()
    const { cardRef } = value(await processor.describeCard("tok_declined"))
    await processor.charge({ cardRef, amount: eur(100), idempotencyKey: "f", description: "", offSession: true })
    expect(value(await processor.findChargeByIdempotencyKey("f"))).toMatchObject({ status: "failed", code: "card_declined" })
  })

  it("does not invent a charge for a call that was refused as invalid", async () => {
    const { processor } = setup()
    await processor.charge({ cardRef: "card_nope", amount: eur(100), idempotencyKey: "x", description: "", offSession: true })
    expect(value(await processor.findChargeByIdempotencyKey("x"))).toBeNull()
  })

  it("waits for a charge still running with that key", async () => {
    const { store } = slowStore()
    const { processor } = setup(store)
    const { cardRef } = value(await processor.describeCard("tok_visa"))
    const running = processor.charge({ cardRef, amount: eur(100), idempotencyKey: "run", description: "", offSession: true })
    const found = await processor.findChargeByIdempotencyKey("run")
    expect(value(found)?.chargeId).toBe(value(await running).chargeId)
  })
})
