import { eur, setup, slowStore, value } from "./__tests__/support"

describe("sandbox processor: calls on one record take turns", () => {
  it("different keys on one card run one at a time (no lost update)", async () => {
    const { store } = slowStore()
    const { processor } = setup(store)
    const { cardRef } = value(await processor.describeCard("tok_insufficient_later"))
    const results = await Promise.all(
      ["a", "b", "c", "d"].map((k) => processor.charge({ cardRef, amount: eur(100), idempotencyKey: k, description: "", offSession: true }))
    )
    expect(results.map(value).filter((o) => o.status === "succeeded")).toHaveLength(1)
  })
})
