import { eur, setup, value } from "./__tests__/support"

describe("sandbox processor: the clock", () => {
  it("tok_expires_soon expires the month after the clock's month, and moves with the clock", async () => {
    const { processor, clock } = setup()
    const first = value(await processor.describeCard("tok_expires_soon"))
    expect([first.expMonth, first.expYear]).toEqual([4, 2025])
    clock.advanceDays(31) // 15 April
    const second = value(await processor.describeCard("tok_expires_soon"))
    expect([second.expMonth, second.expYear]).toEqual([5, 2025])
    // A registered card keeps its expiry.
    expect(value(await processor.getCard(first.cardRef))).toMatchObject({ expMonth: 4, expYear: 2025 })
    clock.set(new Date("2025-12-10T00:00:00Z"))
    expect(value(await processor.describeCard("tok_expires_soon"))).toMatchObject({ expMonth: 1, expYear: 2026 })
  })

  it("charges and verifications fail expired_card once the card has expired", async () => {
    const { processor, clock } = setup()
    const { cardRef } = value(await processor.describeCard("tok_expires_soon")) // valid through April 2025
    const charge = (key: string, at?: Date) => processor.charge({ cardRef, amount: eur(100), idempotencyKey: key, description: "", offSession: true, at })
    clock.set(new Date("2025-04-30T23:59:59Z"))
    expect(value(await charge("a")).status).toBe("succeeded")
    expect(value(await processor.verifyCard({ cardRef, idempotencyKey: "v1" })).status).toBe("succeeded")
    clock.set(new Date("2025-05-01T00:00:00Z"))
    expect(value(await charge("b"))).toMatchObject({ status: "failed", code: "expired_card" })
    expect(value(await processor.verifyCard({ cardRef, idempotencyKey: "v2" }))).toMatchObject({ status: "failed", code: "expired_card" })
    // `at` wins over the sandbox clock.
    expect(value(await charge("c", new Date("2025-04-20T00:00:00Z"))).status).toBe("succeeded")
  })
})
