/**
 * The revision runner's failure paths (operations/run.ts, settle.ts, reconcile.ts), on the module
 * and a real Postgres, with a processor that declines, times out, loses its answer after acting,
 * or hangs, on command. After every path: what the processor moved is what the plan's ledger says.
 */
import { money } from "../../../domain/money"
import { payEarly, withdraw, postpone } from "../../../domain/revisions"
import { moduleSuite, movementsOf, placePlan, processorMoney, runningOn, until } from "./support"

jest.setTimeout(120_000)

const key = (name: string) => `test:${name}`

// p3x of 254.90 € with a 10 % fee paid with the first instalment: 110.47, then 84.96 twice.
moduleSuite("the money path", { plans: { p3x: { fee_percent: 10 } } }, ({ service, processor }) => {
  const payNext = (planId: string, idempotencyKey = key("pay-next")) =>
    service().revise(planId, (p, ctx) => payEarly(p, { scope: "next" }, ctx), { actor: "shopper", idempotencyKey, request: { name: "pay-early", input: { scope: "next" } } })

  /** Moves the clock `days` on and runs the day's collection, as the collection job does. */
  async function collectAfter(days: number) {
    service().clock.advanceDays(days)
    const ids = await service().listCollectionCandidates({ today: service().today(), after: "", limit: 50 })
    if (ids.length) await service().collectPlans(ids)
  }

  /** Instalment 2's first collection attempt, never received by the processor and abandoned by the reconciler. */
  async function abandonedCollectionAttempt(planId: string) {
    processor().failNext("charge", "timeout")
    await collectAfter(28)
    expect(await runningOn(service(), planId)).toEqual([`collect:${planId}:2.1`])
    expect(await service().reconcile({ olderThanMs: 0 })).toEqual({ examined: 1, settled: 1, waiting: 0 })
    expect((await processorMoney(processor())).charges).toHaveLength(1) // checkout only
  }

  async function expectLedgerMatchesProcessor(planId: string) {
    const plan = await service().loadPlan(planId, { withInstalments: false })
    const moved = await processorMoney(processor())
    expect([plan?.paid_total_cents, plan?.refunded_total_cents]).toEqual([moved.charged, moved.refunded])
    const legs = await movementsOf(service(), planId)
    const succeeded = (kind: string) => legs.filter((l) => l.kind === kind && l.status === "succeeded").reduce((s, l) => s + l.amount_cents, 0)
    expect([succeeded("charge"), succeeded("refund")]).toEqual([moved.charged, moved.refunded])
  }

  it("refuses a withdrawal whose charge is declined before any refund goes out", async () => {
    const { row } = await placePlan(service())
    processor().failNext("charge", "decline")
    await expect(
      service().revise(row.id, (p, ctx) => withdraw(p, {}, ctx), { actor: "shopper", idempotencyKey: key("withdraw"), request: { name: "withdraw" } }),
    ).rejects.toMatchObject({ code: "insufficient_funds" })
    expect(processor().calls.filter((c) => c.op === "refund")).toEqual([])
    const after = await service().loadPlan(row.id)
    expect([after?.status, after?.refunded_total_cents, await runningOn(service(), row.id)]).toEqual(["active", 0, []])
    // The same key answers the same decline, without asking the processor again.
    await expect(
      service().revise(row.id, (p, ctx) => withdraw(p, {}, ctx), { actor: "shopper", idempotencyKey: key("withdraw"), request: { name: "withdraw" } }),
    ).rejects.toMatchObject({ code: "insufficient_funds" })
    expect(processor().calls.filter((c) => c.op === "charge")).toHaveLength(2) // checkout, then the one declined attempt
    await expectLedgerMatchesProcessor(row.id)
  })

  it("leaves a charge the processor never received to the reconciler, which abandons it; the same key then charges once", async () => {
    const { row } = await placePlan(service())
    processor().failNext("charge", "timeout")
    await expect(payNext(row.id)).rejects.toMatchObject({ code: "processor_unavailable" })
    expect(await runningOn(service(), row.id)).toEqual(["test:pay-next"]) // busy until settled
    expect(await service().reconcile({ olderThanMs: 0 })).toEqual({ examined: 1, settled: 1, waiting: 0 })
    expect(await runningOn(service(), row.id)).toEqual([])
    expect((await processorMoney(processor())).charges).toHaveLength(1) // checkout only
    const { plan } = await payNext(row.id)
    expect(plan.instalments?.map((i) => i.status)).toEqual(["paid", "paid", "scheduled"])
    await expectLedgerMatchesProcessor(row.id)
  })

  it("charges what is due now when a refund took part of an abandoned collection attempt off, under a key of its own", async () => {
    const { row } = await placePlan(service())
    await abandonedCollectionAttempt(row.id)
    // A return of 10.00 € comes off the two unpaid instalments: 84.96 € each becomes 79.96 €.
    await service().refundFromMedusa(row.id, money(1000, "eur"), "ref_return")
    await collectAfter(1)
    const collected = (await processorMoney(processor())).charges.filter((c) => c.idempotencyKey.startsWith(`collect:${row.id}:2.1`))
    // Not under the abandoned attempt's key, which asked for 84.96 €.
    expect(collected.map((c) => [c.amount.cents, c.idempotencyKey === `collect:${row.id}:2.1:charge`])).toEqual([[7996, false]])
    const after = await service().loadPlan(row.id)
    expect(after?.instalments?.map((i) => [i.amount_cents, i.status])).toEqual([
      [8498, "paid"], // and the fee of 25.49 €
      [7996, "paid"],
      [7996, "scheduled"],
    ])
    await expectLedgerMatchesProcessor(row.id)
  })

  it("charges the new card when the shopper changed it after a collection attempt was abandoned", async () => {
    const { row } = await placePlan(service())
    await abandonedCollectionAttempt(row.id)
    const changed = await service().changeCard(row.id, { cardToken: "tok_mastercard" }, { actor: "shopper", idempotencyKey: key("card"), request: { name: "change-card" } })
    expect(changed.card_reference).not.toBe(row.card_reference)
    await collectAfter(1)
    const moved = await processorMoney(processor())
    expect(moved.charges.map((c) => [c.amount.cents, c.cardRef]).sort(([a], [b]) => b - a)).toEqual([
      [11047, row.card_reference],
      [8496, changed.card_reference],
    ])
    await expectLedgerMatchesProcessor(row.id)
  })

  it("refuses a card change while a payment is in flight, then records that payment once the reconciler settled it", async () => {
    const { row } = await placePlan(service())
    processor().failNext("charge", "lost_answer")
    await expect(payNext(row.id)).rejects.toMatchObject({ code: "processor_unavailable" })
    const changeCard = () => service().changeCard(row.id, { cardToken: "tok_mastercard" }, { actor: "shopper", idempotencyKey: key("card"), request: { name: "change-card" } })
    await expect(changeCard()).rejects.toMatchObject({ code: "plan_busy" })
    expect((await service().loadPlan(row.id))?.card_reference).toBe(row.card_reference)
    expect(await service().reconcile({ olderThanMs: 0 })).toEqual({ examined: 1, settled: 1, waiting: 0 })
    expect((await service().loadPlan(row.id))?.instalments?.map((i) => i.status)).toEqual(["paid", "paid", "scheduled"])
    expect((await changeCard()).card_reference).not.toBe(row.card_reference)
    await expectLedgerMatchesProcessor(row.id)
  })

  it("records a charge whose answer was lost after the processor made it, once, through the reconciler", async () => {
    const { row } = await placePlan(service())
    processor().failNext("charge", "lost_answer")
    await expect(payNext(row.id)).rejects.toMatchObject({ code: "processor_unavailable" })
    expect((await processorMoney(processor())).charges).toHaveLength(2)
    expect((await service().loadPlan(row.id))?.paid_total_cents).toBe(11047) // not recorded yet
    await service().reconcile({ olderThanMs: 0 })
    const after = await service().loadPlan(row.id)
    expect(after?.instalments?.map((i) => i.status)).toEqual(["paid", "paid", "scheduled"])
    // The shopper's retry with the same key is a replay: no third charge.
    await payNext(row.id)
    expect((await processorMoney(processor())).charges).toHaveLength(2)
    await expectLedgerMatchesProcessor(row.id)
  })

  it("answers a retry of a charge whose answer was lost by asking the processor again with the same key", async () => {
    const { row } = await placePlan(service())
    processor().failNext("charge", "lost_answer")
    await expect(payNext(row.id)).rejects.toMatchObject({ code: "processor_unavailable" })
    const { plan } = await payNext(row.id)
    expect(plan.paid_total_cents).toBe(11047 + 8496)
    expect((await processorMoney(processor())).charges).toHaveLength(2)
    await expectLedgerMatchesProcessor(row.id)
  })

  it("completes an order cancellation whose second card refund got no answer, from the processor's record", async () => {
    const { row } = await placePlan(service())
    await payNext(row.id)
    // Everything paid goes back: 84.96 on the newest charge, then 110.47 on the checkout's.
    processor().failNext("refund", "lost_answer", (k) => k.endsWith(":refund:1"))
    const cancelled = await service().cancelForMedusa(row.id, "pay_test_1")
    expect(cancelled?.status).toBe("cancelled")
    const legs = await movementsOf(service(), row.id)
    expect(legs.filter((l) => l.kind === "refund").map((l) => [l.amount_cents, l.status])).toEqual([
      [8496, "succeeded"],
      [11047, "pending"],
    ])
    await service().reconcile({ olderThanMs: 0 })
    expect((await processorMoney(processor())).refunds.map((r) => r.amount.cents).sort((a, b) => a - b)).toEqual([8496, 11047])
    await expectLedgerMatchesProcessor(row.id)
  })

  it("keeps a change waiting while a payment is in flight, then refuses it as busy without writing anything", async () => {
    const { row } = await placePlan(service())
    let release: () => void = () => undefined
    processor().failNext("charge", { hang: new Promise<void>((resolve) => (release = resolve)) })
    const paying = payNext(row.id)
    await expect(
      service().revise(row.id, (p, ctx) => postpone(p, { instalmentNumber: 2, days: 3 }, ctx), {
        actor: "shopper",
        idempotencyKey: key("postpone"),
        request: { name: "postpone", input: { days: 3 } },
      }),
    ).rejects.toMatchObject({ code: "plan_busy" })
    release()
    await paying
    const after = await service().loadPlan(row.id)
    expect(after?.instalments?.map((i) => [i.status, i.due_date])).toEqual([
      ["paid", "2027-01-31"],
      ["paid", "2027-02-28"],
      ["scheduled", "2027-03-31"],
    ])
  })

  it("refunds a charge the processor made after the reconciler had given up on it", async () => {
    const { row } = await placePlan(service())
    let release: () => void = () => undefined
    processor().failNext("charge", { hang: new Promise<void>((resolve) => (release = resolve)) })
    const paying = payNext(row.id).catch((error) => error)
    // The reconciler runs while the call is still on its way: the processor has no charge yet.
    await until(() => processor().calls.length === 2)
    expect(await service().reconcile({ olderThanMs: 0 })).toEqual({ examined: 1, settled: 1, waiting: 0 })
    release()
    await paying
    await service().reconcile({ olderThanMs: 0 })
    const moved = await processorMoney(processor())
    expect(moved.charges.map((c) => c.amount.cents).sort((a, b) => a - b)).toEqual([8496, 11047])
    expect(moved.refunds.map((r) => r.amount.cents)).toEqual([8496])
    const after = await service().loadPlan(row.id)
    expect(after?.instalments?.map((i) => i.status)).toEqual(["paid", "scheduled", "scheduled"])
    const legs = await movementsOf(service(), row.id)
    expect(legs.map((l) => [l.kind, l.purpose, l.status])).toEqual([
      ["charge", "instalment", "succeeded"],
      ["charge", "early_payment", "succeeded"],
      ["refund", "compensation", "succeeded"],
    ])
  })

  it("refuses the same key with another request, and a derived key once the plan moved on", async () => {
    const { row } = await placePlan(service())
    const postponeBy = (days: number, options: { idempotencyKey: string; expectedVersion?: number }) =>
      service().revise(row.id, (p, ctx) => postpone(p, { instalmentNumber: 2, days }, ctx), { actor: "shopper", request: { name: "postpone", input: { days } }, ...options })
    await postponeBy(3, { idempotencyKey: key("p") })
    await expect(postponeBy(5, { idempotencyKey: key("p") })).rejects.toMatchObject({ code: "idempotency_key_reused" })
    await expect(postponeBy(5, { idempotencyKey: key("p-derived"), expectedVersion: row.version })).rejects.toMatchObject({ code: "plan_changed" })
  })

  it("refunds the checkout's charge when the plan could not be written, and closes the session", async () => {
    processor().failNext("charge", "lost_answer")
    await expect(placePlan(service(), "p3x", "tok_visa")).rejects.toMatchObject({ code: "processor_unavailable" })
    expect(await service().reconcile({ olderThanMs: 0 })).toMatchObject({ settled: 1 })
    const moved = await processorMoney(processor())
    expect([moved.charged, moved.refunded]).toEqual([11047, 11047])
    expect(await service().listInstalmentPlans({})).toEqual([])
  })
})
