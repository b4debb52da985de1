/**
 * The sandbox processor keeps its records in the store's Postgres (`instalment_sandbox_record`):
 * a restarted store, or its worker process, is another processor over the same table. These tests
 * build such a second processor on Medusa's own connection and check what it knows and does.
 */
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { digestOf, processorKey } from "../../../src/modules/instalments/operations/keys"
import { createPostgresSandboxStore, createSandboxClock, createSandboxProcessor, SANDBOX_TABLE, type SqlClient } from "../../../src/processors"
import { planSuite } from "../../helpers/plans"

jest.setTimeout(240_000)

const CHECKOUT_DAY = new Date("2027-01-31T10:00:00Z")

planSuite(CHECKOUT_DAY, (h, { getContainer }) => {
  const db = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as SqlClient
  /** Another process on the same database: a restart, or the worker next to the server. */
  const anotherProcess = () => createSandboxProcessor({ clock: createSandboxClock({ start: CHECKOUT_DAY }), store: createPostgresSandboxStore(db) })
  const rowsOf = async (prefix: string) =>
    (await db().raw(`select key, value from ${SANDBOX_TABLE} where starts_with(key, ?)`, [prefix])).rows as Array<{ key: string; value: any }>

  it("keeps the cards and charges of a checkout in Postgres, where another process finds them", async () => {
    const { plan } = await h.placeOrder("office-chair", "p3x", "tok_insufficient_later")
    const row = await h.instalments().loadPlan(plan.id, { withInstalments: false })
    const cards = await rowsOf(`card:${row!.card_reference}`)
    expect(cards).toHaveLength(1)
    expect(cards[0].value).toMatchObject({ token: "tok_insufficient_later", successfulCharges: 1, facts: { last4: "9995" } })
    // Nothing that looks like a card number is in the table (only the test token and last 4).
    const everything = JSON.stringify((await rowsOf("")).map((r) => r.value))
    expect(everything).not.toMatch(/\d{13,19}/)

    const restarted = anotherProcess()
    const card = await restarted.getCard(row!.card_reference!)
    expect(card.ok && [card.value.brand, card.value.last4]).toEqual(["Visa", "9995"])
    const first = await restarted.findChargeByIdempotencyKey(processorKey(`${row!.payment_session_id}:checkout`, digestOf(row!.card_reference!)))
    expect(first.ok && first.value && [first.value.status, first.value.requestedAmount.cents]).toEqual(["succeeded", 8498])
    // The card's history came along: tok_insufficient_later refuses every charge after its first.
    const second = await restarted.charge({ cardRef: row!.card_reference!, amount: { cents: 8496, currency: "eur" }, idempotencyKey: "after-restart", description: "2/3", offSession: true })
    expect(second.ok && second.value.status === "failed" && second.value.code).toBe("insufficient_funds")
  })

  it("charges once when two processes send the same key at the same time", async () => {
    const [server, worker] = [anotherProcess(), anotherProcess()]
    const card = await server.describeCard("tok_visa", { idempotencyKey: "race:card" })
    if (!card.ok) throw new Error(card.error.message)
    const request = { cardRef: card.value.cardRef, amount: { cents: 8496, currency: "eur" }, idempotencyKey: "collect:iplan_race:2.1", description: "2/3", offSession: true }
    const results = await Promise.all([server, worker, server, worker, server, worker].map((processor) => processor.charge(request)))
    const chargeIds = new Set(results.map((r) => (r.ok ? r.value.chargeId : r.error.code)))
    expect(chargeIds.size).toBe(1)
    const charges = (await rowsOf("charge:")).filter((r) => r.value.idempotencyKey === request.idempotencyKey)
    expect(charges.map((r) => [r.value.chargeId, r.value.amount.cents, r.value.status])).toEqual([[[...chargeIds][0], 8496, "succeeded"]])
    expect((await rowsOf("idem:charge:collect:iplan_race:2.1")).map((r) => r.value.pending ?? false)).toEqual([false])
  })
})
