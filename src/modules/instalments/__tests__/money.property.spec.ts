/**
 * Processor = ledger, under injected faults (issue "Money moves once"): random sequences of
 * shopper, admin and Medusa operations (checkouts, early payments, withdrawals, postponements,
 * card changes, terminations, Medusa refunds, exchanges and cancellations, payments of an
 * exchange's difference, collection days, replays of earlier requests), each with a fault
 * injected on its next charge or refund (a decline, no answer, an answer lost after the processor
 * acted). Once the reconciler has run, for every plan: what the processor charged and refunded is
 * exactly what the plan records, every leg of the money ledger matches a processor record under
 * its key (and a charge, its card), the plan's own bookkeeping holds, and nothing is left running.
 *
 * fast-check prints the seed and path of a failing run; FC_SEED=<seed> FC_PATH=<path> replays its
 * shrunk counterexample (fc-settings.ts).
 */
import fc from "fast-check"
import { fcParams } from "../../../domain/__tests__/fc-settings"
import { checkInvariants } from "../../../domain/invariants"
import { money } from "../../../domain/money"
import { payEarly, postpone, terminate, withdraw } from "../../../domain/revisions"
import type { Fault } from "../../../../test-support/faulty-processor"
import { planToSnapshot, type PlanRow } from "../mapping"
import { CHECKOUT_DAY, moduleSuite, newSessionId, placePlan } from "./support"

jest.setTimeout(600_000)

type Step =
  | { op: "checkout"; plan: string; card: string }
  | { op: "pay-next" | "pay-all" | "withdraw" | "cancel" | "terminate"; target: number }
  | { op: "postpone"; target: number; days: number }
  | { op: "change-card"; target: number; card: string }
  | { op: "exchange"; target: number; cents: number; payNow: boolean }
  | { op: "pay-exchange"; target: number }
  | { op: "refund"; target: number; share: number }
  | { op: "collect"; days: number }
  | { op: "replay"; back: number }
  | { op: "reconcile" }

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant("checkout" as const), plan: fc.constantFrom("p2x", "p3x", "p4x", "d30"), card: fc.constantFrom("tok_visa", "tok_insufficient_later") }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constantFrom("pay-next" as const, "pay-all" as const, "withdraw" as const, "cancel" as const, "terminate" as const), target: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("postpone" as const), target: fc.nat(20), days: fc.integer({ min: 1, max: 15 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("change-card" as const), target: fc.nat(20), card: fc.constantFrom("tok_mastercard", "tok_visa", "tok_insufficient_later") }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant("exchange" as const), target: fc.nat(20), cents: fc.integer({ min: -8000, max: 8000 }).filter((c) => c !== 0), payNow: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("pay-exchange" as const), target: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("refund" as const), target: fc.nat(20), share: fc.integer({ min: 1, max: 100 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("collect" as const), days: fc.integer({ min: 1, max: 35 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("replay" as const), back: fc.nat(10) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("reconcile" as const) }) },
)
const faultArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.record({ on: fc.constant("charge" as const), fault: fc.constantFrom<Fault>("decline", "timeout", "lost_answer") }) },
  { weight: 1, arbitrary: fc.record({ on: fc.constant("refund" as const), fault: fc.constantFrom<Fault>("timeout", "lost_answer") }) },
)
const checkoutArb = fc.record({ op: fc.constant("checkout" as const), plan: fc.constantFrom("p2x", "p3x", "p4x", "d30"), card: fc.constantFrom("tok_visa", "tok_insufficient_later") })
// Two plans to act on from the start, then anything.
const scenarioArb = fc
  .tuple(checkoutArb, checkoutArb, fc.array(fc.record({ step: stepArb, fault: faultArb }), { minLength: 2, maxLength: 14 }))
  .map(([a, b, rest]) => [{ step: a as Step, fault: null }, { step: b as Step, fault: null }, ...rest])

let run = 0
/** The plans a dearer exchange was applied to in this run (the shopper owes its difference): what pay-exchange picks from. */
let dearer: string[] = []

moduleSuite("processor = ledger, under faults", { plans: { p2x: true, p3x: { fee_percent: 2 }, p4x: { fee_fixed: 1 }, d30: true } }, ({ service, processor }) => {
  it("leaves, after the reconciler, every plan's ledger equal to what the processor moved", async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        run++
        dearer = []
        // Each run starts on the checkout day (the clock is set directly, as the HTTP tests do).
        service().clock.set(CHECKOUT_DAY)
        const plans: string[] = []
        const sessions: string[] = []
        const done: (() => Promise<unknown>)[] = []
        for (const [index, { step, fault }] of scenario.entries()) {
          processor().clearFaults()
          if (fault) processor().failNext(fault.on, fault.fault)
          const action = operation(step, plans, sessions, done, `${run}:${index}`)
          if (!action) continue
          if (step.op !== "replay") done.push(action)
          await action().catch(() => undefined) // refusals and injected failures are part of the game
        }
        processor().clearFaults()
        for (let round = 0; round < 3; round++) await service().reconcile({ olderThanMs: 0 })
        await expectProcessorEqualsLedger(sessions)
      }),
      fcParams(30),
    )
  })

  /** The request a step makes, or null when it has nothing to act on. */
  function operation(step: Step, plans: string[], sessions: string[], done: (() => Promise<unknown>)[], id: string): (() => Promise<unknown>) | null {
    const s = service()
    const planOf = (target: number) => (plans.length ? plans[target % plans.length] : undefined)
    const revise = (planId: string, name: string, revision: Parameters<typeof s.revise>[1], declineIsError = true) => () =>
      s.revise(planId, revision, { actor: "shopper", idempotencyKey: `prop:${id}:${name}`, request: { name }, declineIsError })
    switch (step.op) {
      case "checkout":
        return async () => {
          const sessionId = newSessionId()
          sessions.push(sessionId)
          plans.push((await placePlan(s, step.plan, step.card, 25490, sessionId)).row.id)
        }
      case "collect":
        return async () => {
          s.clock.advanceDays(step.days)
          let after = ""
          for (;;) {
            const ids = await s.listCollectionCandidates({ today: s.today(), after, limit: 50 })
            if (ids.length === 0) return
            await s.collectPlans(ids)
            after = ids[ids.length - 1]
          }
        }
      case "reconcile":
        return () => s.reconcile({ olderThanMs: 0 })
      case "replay":
        return done.length ? done[Math.max(0, done.length - 1 - step.back)] : null
    }
    const planId = planOf(step.target)
    if (!planId) return null
    switch (step.op) {
      case "pay-next":
        return revise(planId, "pay-next", (p, ctx) => payEarly(p, { scope: "next" }, ctx))
      case "pay-all":
        return revise(planId, "pay-all", (p, ctx) => payEarly(p, { scope: "all" }, ctx))
      case "withdraw":
        return revise(planId, "withdraw", (p, ctx) => withdraw(p, {}, ctx))
      case "terminate":
        return revise(planId, "terminate", (p, ctx) => terminate(p, { reason: "non-payment" }, ctx), false)
      case "postpone":
        return revise(planId, "postpone", (p, ctx) => postpone(p, { instalmentNumber: 2, days: step.days }, ctx))
      case "change-card":
        return () => s.changeCard(planId, { cardToken: step.card }, { actor: "shopper", idempotencyKey: `prop:${id}:card`, request: { name: "change-card", input: { card: step.card } } })
      case "exchange":
        return async () => {
          await s.applyExchangeFromMedusa(planId, { exchangeId: `exc_${id}`, difference: money(step.cents, "eur") })
          if (step.cents <= 0) return
          dearer.push(planId)
          // The shopper pays the difference at once (the step's fault falls on that charge), or later (pay-exchange).
          if (step.payNow) await s.payExchangeDifference(planId, {}, { actor: "shopper", idempotencyKey: `prop:${id}:pay-exchange` })
        }
      case "pay-exchange": {
        if (!dearer.length) return null
        const owing = dearer[step.target % dearer.length]
        return () => s.payExchangeDifference(owing, {}, { actor: "shopper", idempotencyKey: `prop:${id}:pay-exchange` })
      }
      case "cancel":
        return () => s.cancelForMedusa(planId, `pay_${id}`)
      case "refund":
        return async () => {
          const row = (await s.loadPlan(planId, { withInstalments: false })) as PlanRow
          const total = row.total_cents + row.exchange_paid_cents - row.reduced_total_cents
          const cents = Math.max(1, Math.floor((total * step.share) / 100))
          return s.refundFromMedusa(planId, money(cents, row.currency_code), `ref_${id}`)
        }
    }
  }

  /** The check, on what this run's sessions made (earlier runs' plans stay in the database). */
  async function expectProcessorEqualsLedger(sessions: string[]) {
    const s = service()
    const store = processor().inner.store
    const rows = await s.listInstalmentPlans({ payment_session_id: sessions }, { relations: ["instalments"] })
    const runPlans = new Set(rows.map((r) => r.id))
    const ours = (c: any) => runPlans.has(c.metadata.plan_id) || sessions.includes(c.metadata.payment_session_id)
    const charges = (await store.list<any>("charge:")).map(([, c]) => c).filter(ours)
    const chargeIds = new Set(charges.map((c) => c.chargeId))
    const refunds = (await store.list<any>("refund:")).map(([, r]) => r).filter((r) => chargeIds.has(r.chargeId))
    const planBySession = new Map(rows.map((r) => [r.payment_session_id, r.id]))
    const planOfCharge = new Map<string, string>()
    const moved = new Map<string, { charged: number; refunded: number }>()
    const add = (owner: string, field: "charged" | "refunded", cents: number) => {
      const entry = moved.get(owner) ?? { charged: 0, refunded: 0 }
      entry[field] += cents
      moved.set(owner, entry)
    }
    for (const charge of charges) {
      const owner = charge.metadata.plan_id ?? planBySession.get(charge.metadata.payment_session_id) ?? `session:${charge.metadata.payment_session_id}`
      planOfCharge.set(charge.chargeId, owner)
      if (charge.status === "succeeded") add(owner, "charged", charge.amount.cents)
    }
    for (const refund of refunds) add(planOfCharge.get(refund.chargeId) as string, "refunded", refund.amount.cents)

    for (const row of rows) {
      const here = moved.get(row.id) ?? { charged: 0, refunded: 0 }
      expect({ plan: row.id, charged: here.charged, refunded: here.refunded }).toEqual({
        plan: row.id,
        charged: row.paid_total_cents,
        refunded: row.refunded_total_cents,
      })
      expect(checkInvariants(planToSnapshot(row))).toEqual([])
    }
    // A checkout that made no plan gave its charge back.
    for (const [owner, entry] of moved) if (owner.startsWith("session:")) expect({ owner, ...entry }).toEqual({ owner, charged: entry.refunded, refunded: entry.refunded })

    // Every settled leg is a processor record under its key, and the other way round.
    const legs = (await s.listInstalmentMovements({})).filter((l) => runPlans.has(l.plan_id ?? "") || sessions.includes(l.payment_session_id ?? ""))
    const byKey = new Map<string, any>([...charges.map((c) => [c.idempotencyKey, c] as const), ...refunds.map((r) => [r.idempotencyKey, r] as const)])
    for (const leg of legs.filter((l) => l.status === "succeeded")) {
      const made = byKey.get(leg.processor_key)
      expect({ key: leg.processor_key, cents: made?.amount.cents }).toEqual({ key: leg.processor_key, cents: leg.amount_cents })
      // A charge was made on the card its leg records (the plan's card may have changed since).
      if (leg.kind === "charge") expect({ key: leg.processor_key, card: made?.cardRef }).toEqual({ key: leg.processor_key, card: leg.card_reference })
    }
    const recorded = new Set(legs.filter((l) => l.status === "succeeded").map((l) => l.processor_key))
    const moving = [...charges.filter((c) => c.status === "succeeded"), ...refunds]
    expect(moving.filter((m) => !recorded.has(m.idempotencyKey)).map((m) => m.idempotencyKey)).toEqual([])
    const running = await s.listInstalmentOperations({ status: "executing" })
    expect(running.filter((o) => runPlans.has(o.plan_id ?? "") || sessions.includes(o.payment_session_id ?? "")).map((o) => o.idempotency_key)).toEqual([])
  }
})
