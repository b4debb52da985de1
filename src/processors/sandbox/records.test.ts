import { eur, setup, value } from "./__tests__/support"
import { createMemorySandboxStore } from "./store"
import { TEST_CARDS } from "./test-cards"

describe("sandbox processor: no card numbers at rest", () => {
  it("stores no 13-19 digit run anywhere, and nothing from a rejected card number", async () => {
    const { processor, store, clock } = setup()
    const mem = store as ReturnType<typeof createMemorySandboxStore>
    await processor.describeCard("4242424242424242")
    await processor.describeCard("4000-0025-0000-1001")
    for (const card of TEST_CARDS) {
      const { cardRef } = value(await processor.describeCard(card.token, { idempotencyKey: `reg_${card.token}` }))
      await processor.verifyCard({ cardRef, idempotencyKey: `v_${card.token}` })
      await processor.creditDecision({ cardRef, amount: eur(90000), planCode: "p3x", idempotencyKey: `cd_${card.token}`, phone: "+33612345678", email: "a@b.fr" })
      for (let n = 1; n <= 3; n++) {
        const outcome = value(
          await processor.charge({ cardRef, amount: eur(30000), idempotencyKey: `${card.token}:${n}`, description: `${n}/3`, offSession: n > 1 })
        )
        if (outcome.status === "succeeded") await processor.refund({ chargeId: outcome.chargeId, amount: eur(100), idempotencyKey: `r_${card.token}:${n}` })
        clock.advanceDays(30)
      }
    }
    const dump = mem.dump()
    expect(mem.size).toBeGreaterThan(100)
    expect(dump).not.toMatch(/\d{13,19}/)
    expect(dump).not.toMatch(/(?:\d[ -]){12,18}\d/)
    expect(dump).not.toContain("4242424242424242")
    expect(dump).not.toContain("0025")
    // Personal data given to the credit decision is not kept either.
    expect(dump).not.toContain("+33612345678")
    expect(dump).not.toContain("a@b.fr")
    // No field of a record for a security code or a card number (looked up by name: a substring
    // test of the whole dump also matched the random ids in it, "card_…cvc…", about one run in five).
    expect(fieldNames(Object.values(JSON.parse(dump))).filter((name) => /cvc|cvv|security.?code|card.?number|^pan$/i.test(name))).toEqual([])
  })
})

/** Every property name in a JSON value, at any depth. */
function fieldNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(fieldNames)
  if (value === null || typeof value !== "object") return []
  return Object.entries(value).flatMap(([name, inner]) => [name, ...fieldNames(inner)])
}
