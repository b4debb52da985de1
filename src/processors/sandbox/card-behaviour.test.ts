import { eur, errorCode, setup, value } from "./__tests__/support"
import { TEST_CARDS } from "./test-cards"

describe("sandbox processor: outcomes per test card", () => {
  it.each(TEST_CARDS.map((c) => [c.token, c] as const))("%s behaves as documented", async (token, card) => {
    const { processor } = setup()
    const { cardRef } = value(await processor.describeCard(token))

    const verification = value(await processor.verifyCard({ cardRef, idempotencyKey: "v1" }))
    expect(verification.status).toBe(card.behaviour.verification === "succeeds" ? "succeeded" : "failed")

    const credit = value(
      await processor.creditDecision({ cardRef, amount: eur(30000), planCode: "p3x", idempotencyKey: "c1", phone: "+33600000000" })
    )
    expect(credit.decision).toBe(card.behaviour.credit)
    expect(credit.reference).toMatch(/^cd_/)

    const first = value(await processor.charge({ cardRef, amount: eur(10000), idempotencyKey: "k1", description: "1/3", offSession: false }))
    const second = value(await processor.charge({ cardRef, amount: eur(10000), idempotencyKey: "k2", description: "2/3", offSession: true }))
    const expected = {
      succeed: ["succeeded", "succeeded"],
      declined: ["failed", "failed"],
      insufficient_after_first: ["succeeded", "failed"],
    }[card.behaviour.charges]
    expect([first.status, second.status]).toEqual(expected)
    if (first.status === "succeeded") expect(first.amount).toEqual(eur(10000))
  })

  it("tok_declined: verification and every charge declined with card_declined", async () => {
    const { processor } = setup()
    const { cardRef } = value(await processor.describeCard("tok_declined"))
    expect(value(await processor.verifyCard({ cardRef, idempotencyKey: "v" }))).toMatchObject({ status: "failed", code: "card_declined" })
    for (const key of ["a", "b", "c"]) {
      const outcome = value(await processor.charge({ cardRef, amount: eur(500), idempotencyKey: key, description: "x", offSession: true }))
      expect(outcome).toEqual({ status: "failed", chargeId: expect.stringMatching(/^ch_/), code: "card_declined", message: expect.any(String) })
    }
  })

  it("tok_insufficient_later: first charge ok, every later charge insufficient_funds", async () => {
    const { processor } = setup()
    const { cardRef } = value(await processor.describeCard("tok_insufficient_later"))
    const charge = (key: string) => processor.charge({ cardRef, amount: eur(2500), idempotencyKey: key, description: "x", offSession: true })
    expect(value(await charge("i1")).status).toBe("succeeded")
    for (const key of ["i2", "i3", "i4"]) expect(value(await charge(key))).toMatchObject({ status: "failed", code: "insufficient_funds" })
    // Replaying the first key still says succeeded, and does not count as a new charge.
    expect(value(await charge("i1")).status).toBe("succeeded")
    // Another card from the same token starts afresh.
    const other = value(await processor.describeCard("tok_insufficient_later")).cardRef
    expect(value(await processor.charge({ cardRef: other, amount: eur(1), idempotencyKey: "o1", description: "x", offSession: true })).status).toBe(
      "succeeded"
    )
  })

  it("tok_credit_refused: credit refused, idempotent by key", async () => {
    const { processor } = setup()
    const { cardRef } = value(await processor.describeCard("tok_credit_refused"))
    const ask = (amount = eur(40000)) => processor.creditDecision({ cardRef, amount, planCode: "p4x", idempotencyKey: "cd1" })
    const first = value(await ask())
    expect(first.decision).toBe("refused")
    expect(value(await ask())).toEqual(first)
    expect(errorCode(await ask(eur(1)))).toBe("idempotency_key_reused")
  })
})
