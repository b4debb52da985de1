import { eur, errorCode, setup, value } from "./__tests__/support"
import { createMemorySandboxStore } from "./store"

describe("sandbox processor: requests the caller gets wrong", () => {
  it("returns stable error codes and stores nothing", async () => {
    const { processor, store } = setup()
    const { cardRef } = value(await processor.describeCard("tok_visa"))
    const mem = store as ReturnType<typeof createMemorySandboxStore>
    const before = mem.size
    const base = { cardRef, amount: eur(100), idempotencyKey: "k", description: "d", offSession: true }
    expect(errorCode(await processor.charge({ ...base, cardRef: "card_nope" }))).toBe("unknown_card")
    expect(errorCode(await processor.charge({ ...base, amount: eur(0) }))).toBe("invalid_amount")
    expect(errorCode(await processor.charge({ ...base, amount: eur(1.5) }))).toBe("invalid_amount")
    expect(errorCode(await processor.charge({ ...base, amount: { cents: 100, currency: "EUR" } }))).toBe("invalid_currency")
    expect(errorCode(await processor.charge({ ...base, idempotencyKey: "" }))).toBe("invalid_request")
    expect(errorCode(await processor.charge({ ...base, at: new Date("nope") }))).toBe("invalid_request")
    expect(errorCode(await processor.charge({ ...base, metadata: { n: 1 as unknown as string } }))).toBe("invalid_request")
    expect(errorCode(await processor.verifyCard({ cardRef: "card_nope", idempotencyKey: "v" }))).toBe("unknown_card")
    expect(
      errorCode(await processor.creditDecision({ cardRef, amount: eur(100), planCode: "p9x" as "p2x", idempotencyKey: "c" }))
    ).toBe("invalid_request")
    expect(errorCode(await processor.creditDecision({ cardRef: "card_nope", amount: eur(100), planCode: "p2x", idempotencyKey: "c" }))).toBe(
      "unknown_card"
    )
    expect(errorCode(await processor.refund({ chargeId: "ch_nope", amount: eur(1), idempotencyKey: "r" }))).toBe("unknown_charge")
    expect(errorCode(await processor.getCharge("ch_nope"))).toBe("unknown_charge")
    expect(errorCode(await processor.findChargeByIdempotencyKey(""))).toBe("invalid_request")
    expect(mem.size).toBe(before)
    // The key that failed on an unknown card is still free.
    expect(value(await processor.charge(base)).status).toBe("succeeded")
  })
})
