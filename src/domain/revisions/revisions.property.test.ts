/**
 * Property tests of the plan engine: random plans put through random sequences of revisions and
 * charge outcomes, checking after EVERY step:
 *  - `checkInvariants` holds (see invariants.ts), in particular
 *      Σ non-cancelled instalment amounts − refundedPrincipal = original total − reducedTotal
 *    (the instalments always add up to what is owed), nothing negative, no 0.00 instalment,
 *    paidTotal = Σ paid instalments + exchange payments, refundedTotal ≤ paidTotal;
 *  - the plan's paidTotal / refundedTotal equal the charges and refunds the engine asked for
 *    (summed from the movements the test executed);
 *  - every successful revision yields ≥ 1 event and never mutates the plan it was given;
 *  - every refusal carries a known error code and a message;
 *  - cancelling at the end always succeeds (or the plan is already cancelled) and leaves the
 *    shopper out of pocket by exactly 0 (paidTotal − refundedTotal = 0).
 * Seeds: see __tests__/fc-settings.ts (FC_NUM_RUNS, FC_SEED).
 */
import fc from "fast-check"
import { fcParams } from "../__tests__/fc-settings"
import { deepFreeze } from "../__tests__/support"
import { addDays, type LocalDate } from "../calendar"
import { PLAN_CODES, type PlanCode, type RevisionPolicy } from "../codes"
import { defaultEngineConfig, type EngineConfig } from "../config"
import { checkInvariants } from "../invariants"
import { divideRounded, money } from "../money"
import type { ChargeMovement, RevisionContext, RevisionOutcome } from "../outcome"
import { amountDue, createPlan, isUnpaid, netPaid, orderTotal, type PlanSnapshot } from "../plan"
import { quotePlan } from "../quote"
import { DOMAIN_ERROR_CODES, type Result } from "../result"
import {
  applyChargeFailed,
  applyChargeSucceeded,
  applyExchange,
  applyLateFee,
  applyRefund,
  cancelPlan,
  collectDue,
  evaluateDelays,
  flagFraud,
  freeze,
  payEarly,
  postpone,
  recordExchangePayment,
  releaseExpiredFreeze,
  startDeferredPlan,
  terminate,
  unfreeze,
  withdraw,
} from "./index"

// ---- generators ---------------------------------------------------------------------------

/** What happens to a charge the engine asked for: paid, declined, or left for later collection. */
const outcome = fc.constantFrom<"ok" | "fail" | "skip">("ok", "ok", "fail", "skip")

const op = fc.oneof(
  { weight: 6, arbitrary: fc.record({ t: fc.constant("advance" as const), days: fc.integer({ min: 0, max: 35 }) }) },
  { weight: 6, arbitrary: fc.record({ t: fc.constant("collect" as const), result: fc.constantFrom<"ok" | "fail">("ok", "fail") }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("payEarly" as const), scope: fc.constantFrom<"next" | "all">("next", "all"), result: outcome }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant("refund" as const),
      // ‰ of what the order still totals: mostly partial refunds, sometimes all of it or more (refused above 1000)
      permille: fc.oneof(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 1100 })),
      policy: fc.constantFrom<RevisionPolicy | undefined>(undefined, "spread", "last_first"),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("exchange" as const), permille: fc.oneof(fc.integer({ min: -300, max: 300 }), fc.integer({ min: -1100, max: 400 })) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("payExchange" as const) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("postpone" as const), n: fc.integer({ min: 1, max: 4 }), days: fc.integer({ min: 0, max: 17 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("withdraw" as const), result: outcome }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("terminate" as const), result: outcome }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("freeze" as const), days: fc.integer({ min: 0, max: 200 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("unfreeze" as const) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("fraud" as const) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("release" as const) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("lateFee" as const), bp: fc.oneof(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 900 })) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant("delays" as const) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("start" as const), result: outcome }) },
)
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never

const scenario = fc.record({
  code: fc.constantFrom<PlanCode>(...PLAN_CODES),
  // 1 cent (well, the instalment count) up to 10,000.00 €, with the default bounds well represented
  cents: fc.oneof(fc.integer({ min: 4, max: 200 }), fc.integer({ min: 4, max: 1_000_000 }), fc.constantFrom(5000, 25490, 400000)),
  orderDay: fc.integer({ min: 0, max: 730 }),
  deferredStart: fc.constantFrom(false, false, false, true),
  feeBp: fc.constantFrom(0, 0, 150, 399),
  feeFixed: fc.constantFrom(0, 0, 50),
  policy: fc.constantFrom<RevisionPolicy>("spread", "last_first"),
  maxPostponements: fc.integer({ min: 0, max: 3 }),
  ops: fc.array(op, { maxLength: 40, size: "max" }),
})
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never

// ---- the interpreter ----------------------------------------------------------------------

function fail(message: string, plan: PlanSnapshot): never {
  throw new Error(`${message}\nplan: ${JSON.stringify(plan, null, 1)}`)
}

/** The engine under test plus the money actually moved according to its movements. */
class Run {
  plan: PlanSnapshot
  today: LocalDate
  charged = 0
  refunded = 0
  steps = 0

  constructor(
    readonly config: EngineConfig,
    plan: PlanSnapshot,
  ) {
    this.plan = plan
    this.today = plan.orderDate
    this.charged = plan.paidTotal // the first instalment paid at checkout
  }

  ctx(): RevisionContext {
    return { config: this.config, today: this.today, now: `${this.today}T12:00:00.000Z` }
  }

  /** Runs one engine call on a deep-frozen plan and checks what every call promises. */
  step(label: string, call: (plan: PlanSnapshot, ctx: RevisionContext) => Result<RevisionOutcome>): RevisionOutcome | undefined {
    this.steps++
    const before = JSON.stringify(this.plan)
    const result = call(deepFreeze(this.plan), this.ctx())
    if (JSON.stringify(this.plan) !== before) fail(`${label} mutated its input`, this.plan)
    if (!result.ok) {
      if (!DOMAIN_ERROR_CODES.includes(result.error.code) || result.error.message.length < 10) fail(`${label}: bad refusal ${JSON.stringify(result.error)}`, this.plan)
      return undefined
    }
    const out = result.value
    if (out.events.length === 0) fail(`${label} succeeded without an event`, this.plan)
    const broken = checkInvariants(out.plan)
    if (broken.length > 0) fail(`after ${label}: ${broken.join("; ")}`, out.plan)
    for (const m of out.movements) {
      if (m.amount.cents <= 0 || m.amount.currency !== this.plan.currency) fail(`${label}: bad movement ${JSON.stringify(m)}`, out.plan)
      if (m.kind === "refund") {
        const b = m.breakdown
        if (b.principal + b.customerFees + b.lateFees !== m.amount.cents) fail(`${label}: refund breakdown does not add up`, out.plan)
        this.refunded += m.amount.cents
      }
    }
    this.plan = out.plan
    if (this.plan.paidTotal !== this.charged) fail(`after ${label}: paidTotal ${this.plan.paidTotal} ≠ charged ${this.charged}`, this.plan)
    if (this.plan.refundedTotal !== this.refunded) fail(`after ${label}: refundedTotal ${this.plan.refundedTotal} ≠ refunded ${this.refunded}`, this.plan)
    return out
  }

  /** Executes the charge movement of `out` (if any) with the given outcome. */
  settleCharge(out: RevisionOutcome | undefined, result: "ok" | "fail" | "skip"): void {
    const charge = out?.movements.find((m): m is ChargeMovement => m.kind === "charge")
    if (!charge || result === "skip") return
    const due = charge.instalments.reduce((s, n) => s + amountDue(this.plan.instalments[n - 1]), 0)
    if (due !== charge.amount.cents) fail(`charge of ${charge.amount.cents} for instalments costing ${due}`, this.plan)
    if (result === "ok") {
      this.charged += charge.amount.cents // (the step checks paidTotal against it)
      const paid = this.step("applyChargeSucceeded", (p, c) => applyChargeSucceeded(p, { instalments: charge.instalments, amount: charge.amount, at: c.now }, c))
      if (!paid) fail("a charge the engine asked for could not be applied", this.plan)
    } else {
      this.step("applyChargeFailed", (p, c) => applyChargeFailed(p, { instalments: charge.instalments, at: c.now }, c))
    }
  }

  /** `permille` ‰ of what the order totals, in cents (integer math). */
  share(permille: number): number {
    return divideRounded(orderTotal(this.plan).cents * permille, 1000, "floor")
  }

  apply(o: Op): void {
    const eur = (cents: number) => money(cents, this.plan.currency)
    switch (o.t) {
      case "advance":
        this.today = addDays(this.today, o.days)
        return
      case "collect": {
        const charge = collectDue(this.plan, this.today)
        if (charge) this.settleCharge({ plan: this.plan, movements: [charge], events: [] }, o.result)
        return
      }
      case "payEarly":
        return this.settleCharge(this.step("payEarly", (p, c) => payEarly(p, { scope: o.scope }, c)), o.result)
      case "refund":
        this.step("applyRefund", (p, c) => applyRefund(p, { amount: eur(this.share(o.permille)), policy: o.policy }, c))
        return
      case "exchange":
        this.step("applyExchange", (p, c) => applyExchange(p, { difference: eur(this.share(o.permille)) }, c))
        return
      case "payExchange": {
        const pending = this.plan.exchangePending
        this.charged += pending // the shopper paid the link (the step checks paidTotal against it)
        const out = this.step("recordExchangePayment", (p, c) => recordExchangePayment(p, { amount: eur(pending) }, c))
        if (!out) this.charged -= pending
        return
      }
      case "postpone":
        this.step("postpone", (p, c) => postpone(p, { instalmentNumber: o.n, days: o.days }, c))
        return
      case "withdraw":
        return this.settleCharge(this.step("withdraw", (p, c) => withdraw(p, {}, c)), o.result)
      case "terminate":
        return this.settleCharge(this.step("terminate", (p, c) => terminate(p, { reason: "non-payment" }, c)), o.result)
      case "freeze":
        this.step("freeze", (p, c) => freeze(p, { days: o.days, reason: "investigation" }, c))
        return
      case "unfreeze":
        this.step("unfreeze", (p, c) => unfreeze(p, {}, c))
        return
      case "fraud":
        this.step("flagFraud", (p, c) => flagFraud(p, { reason: "identity theft" }, c))
        return
      case "release":
        this.step("releaseExpiredFreeze", (p, c) => releaseExpiredFreeze(p, {}, c))
        return
      case "lateFee":
        this.step("applyLateFee", (p, c) => applyLateFee(p, { basisPoints: o.bp, note: "did not answer" }, c))
        return
      case "delays":
        this.step("evaluateDelays", (p, c) => evaluateDelays(p, {}, c))
        return
      case "start":
        return this.settleCharge(this.step("startDeferredPlan", (p, c) => startDeferredPlan(p, {}, c)), o.result)
    }
  }
}

function configFor(s: Scenario): EngineConfig {
  const base = defaultEngineConfig()
  const plans = { ...base.plans }
  for (const code of PLAN_CODES) {
    plans[code] = { ...plans[code], min: 1, max: 1_000_000, fee: { basisPoints: s.feeBp, fixedCents: s.feeFixed }, maxPostponements: s.maxPostponements }
  }
  return { ...base, plans, revisionPolicy: s.policy }
}

function newRun(s: Scenario): Run {
  const config = configFor(s)
  const orderDate = addDays("2024-01-01", s.orderDay)
  const quote = quotePlan({ config, plan: s.code, amount: money(s.cents, "eur"), country: "fr", today: orderDate })
  const created = createPlan(quote, { now: `${orderDate}T09:00:00.000Z`, deferredStart: s.deferredStart })
  if (!created.ok) throw new Error(`createPlan refused an eligible quote: ${created.error.message}`)
  const broken = checkInvariants(created.value.plan)
  if (broken.length > 0) fail(`after createPlan: ${broken.join("; ")}`, created.value.plan)
  return new Run(config, created.value.plan)
}

// ---- properties ---------------------------------------------------------------------------

let totalSteps = 0
afterAll(() => {
  // Visible with --verbose; the suite's size at a glance.
  process.stdout.write(`revisions.property: ${totalSteps} engine calls checked\n`)
})

describe("random sequences of revisions and charge outcomes", () => {
  it("keep every invariant at every step, and cancelling at the end leaves the shopper at 0", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const run = newRun(s)
        for (const o of s.ops) run.apply(o)
        if (run.plan.status !== "cancelled") {
          const out = run.step("cancelPlan", (p, c) => cancelPlan(p, { reason: "end of test" }, c))
          if (!out) fail("cancelPlan refused a plan that is not cancelled", run.plan)
        }
        totalSteps += run.steps
        return netPaid(run.plan).cents === 0 && run.plan.instalments.every((i) => !isUnpaid(i))
      }),
      fcParams(3000),
    )
  })
})

describe("refund policies on fresh plans", () => {
  const fresh = fc.record({
    code: fc.constantFrom<PlanCode>("p2x", "p3x", "p4x"),
    cents: fc.integer({ min: 4, max: 1_000_000 }),
    permille: fc.integer({ min: 1, max: 999 }),
    policy: fc.constantFrom<RevisionPolicy>("spread", "last_first"),
    deferredStart: fc.boolean(),
  })

  it("spread evens out the unpaid instalments (remainder first); last_first only shortens the tail", () => {
    fc.assert(
      fc.property(fresh, (f) => {
        const run = newRun({ ...f, orderDay: 0, feeBp: 0, feeFixed: 0, maxPostponements: 1, ops: [] })
        const before = run.plan.instalments
        const unpaidBefore = before.filter(isUnpaid)
        const unpaidTotal = unpaidBefore.reduce((s, i) => s + i.amount, 0)
        const cents = Math.max(1, divideRounded(unpaidTotal * f.permille, 1000, "floor"))
        const out = run.step("applyRefund", (p, c) => applyRefund(p, { amount: money(cents, "eur"), policy: f.policy }, c))
        if (!out || out.movements.length > 0) return false // less than what remains: nothing goes to the card
        const after = out.plan.instalments.filter((i) => unpaidBefore.some((u) => u.number === i.number))
        const live = after.filter(isUnpaid).map((i) => i.amount)
        if (live.reduce((a, b) => a + b, 0) !== unpaidTotal - cents) return false
        if (f.policy === "spread") {
          return live.every((a, k) => k === 0 || (a === live[1] && live[0] - a < after.length))
        }
        // last_first: a prefix unchanged, at most one instalment partly reduced, a cancelled tail
        let k = 0
        while (k < after.length && after[k].amount === unpaidBefore[k].amount) k++
        return after.slice(k + 1).every((i) => i.status === "cancelled")
      }),
      fcParams(3000),
    )
  })
})
