/**
 * One collection batch, in the runner's three steps (run.ts), for many plans at once:
 *  1. the batch is claimed (`claimBatch`: the next due plans, locked with `for update skip locked`,
 *     so runs in several processes take disjoint batches and never wait for each other) or given
 *     (`collectBatch`: these plans, locked the same way); plans another request holds, or busy
 *     with an operation, are skipped and left to the next run. Under the locks, what needs no
 *     money is written (a freeze that ended, delays), and each charge due is recorded as an
 *     operation with its attempt key, which keeps its plan busy until it is settled. Commit.
 *  2. the charges go to the processor, `CHARGES_IN_FLIGHT` at a time, with no transaction open and
 *     no row locked, however slow the processor;
 *  3. under the locks again, each answer is recorded: the plan, its instalments, its events, the
 *     legs and the operations, in a fixed number of statements for the whole batch.
 * A charge the processor did not answer leaves its operation running and the plan busy: the
 * reconciler settles it from the processor's record of the attempt key.
 */
import type { RevisionContext } from "../../../domain/outcome"
import type { PlanSnapshot } from "../../../domain/plan"
import type { LocalDate } from "../../../domain/calendar"
import { CHARGES_IN_FLIGHT, claimCandidates, collectionOutcome, dueCharge, emptySummary, mapConcurrently, summarise, type CollectionSummary, type PlanCollection } from "../collection"
import { planToSnapshot, type PlanRow } from "../mapping"
import { lockPlans, withInstalments, writePlans, type PlanWrite } from "../plan-writes"
import { pluginEventsForRevision, type PluginEvent } from "../plugin-events"
import { ANY_OF_JSON, entityIds, type Run } from "../sql"
import { digestOf, fingerprintOf, processorKey } from "./keys"
import {
  busyPlans,
  insertOperationsWithLegs,
  legsOf,
  newOperationId,
  operationsByKeys,
  setOperationsStatus,
  settleChargeLegs,
  type MovementRow,
  type NewMovement,
  type NewOperation,
  type OperationRow,
} from "./records"
import type { OperationsDeps } from "./run"
import { callProcessor, type LegAnswer } from "./settle"

const ACTOR = "system"

export interface Charge {
  /** The plan as read under the lock when the charge was decided (it cannot change while busy). */
  row: PlanRow
  snapshot: PlanSnapshot
  operationId: string
  leg: MovementRow
}

export interface BatchResult {
  summary: CollectionSummary
  events: PluginEvent[]
}

/** A batch decided and committed (step 1): what is left is to charge and record (`completeBatch`). */
export interface DecidedBatch {
  ctx: RevisionContext
  charges: Charge[]
  /** Plans written without a charge (nothing due, or this attempt already made). */
  written: PlanCollection[]
  /** The rows, as read under the lock, of the plans among them whose history grew. */
  rows: PlanRow[]
  /** Plans locked but busy with another operation (a charge in flight): whoever runs it settles them. */
  busy: number
  /** Plans locked, and the last of them in id order (where the next claim starts). */
  claimed: number
  lastId: string | undefined
}

/** Collects these plans (the module's `collectPlans`): plans another transaction holds are skipped. */
export async function collectBatch(deps: OperationsDeps, planIds: readonly string[]): Promise<BatchResult> {
  const ctx = deps.context()
  const decided = await deps.transaction(async (run) => decideLocked(deps, run, await lockPlans(run, planIds, { skipLocked: true }), ctx))
  const result = await completeBatch(deps, decided)
  // Left for the next run: given plans another transaction held (not even read), or busy.
  const left = planIds.length - decided.claimed + decided.busy
  result.summary.examined += left
  result.summary.errors += left
  return result
}

/**
 * Step 1 for a run: claims the next `limit` due plans after `after` and decides them, in one
 * transaction. A claimed plan found busy (an operation committed between the claim's snapshot and
 * its row lock) is another run's or request's: it is not counted.
 */
export async function claimBatch(deps: OperationsDeps, input: { today: LocalDate; after: string; limit: number }): Promise<DecidedBatch> {
  const ctx = deps.context()
  return deps.transaction(async (run) => {
    const claimed = await claimCandidates(run, { ...input, processor: deps.processor.name })
    return decideLocked(deps, run, await withInstalments(run, claimed), ctx)
  })
}

/** Steps 2 and 3: the charges decided go to the processor, then their answers are recorded. */
export async function completeBatch(deps: OperationsDeps, decided: DecidedBatch): Promise<BatchResult> {
  const answers = await mapConcurrently(decided.charges, CHARGES_IN_FLIGHT, (charge) => callProcessor(deps.processor, charge.leg, deps.now()))
  const recorded = await recordBatch(deps, decided.charges, answers, decided.ctx)
  const summary = emptySummary()
  for (const result of [...decided.written, ...recorded.results]) summarise(summary, result)
  // Left for the next run: charges the processor did not answer (the reconciler settles them first).
  summary.examined += recorded.unanswered
  summary.errors += recorded.unanswered
  // Every plan written by the batch is one version further than the row read under its lock.
  const versions = new Map([...decided.rows, ...decided.charges.map((c) => c.row)].map((row) => [row.id, row.version + 1]))
  const events = [...decided.written, ...recorded.results].flatMap((r) =>
    pluginEventsForRevision(r.planId, r.outcome.events.length ? r.outcome : null, ACTOR, versions.get(r.planId)),
  )
  return { summary, events }
}

/** Step 1 under the locks of `locked` (in id order): money-free changes written, charges recorded. */
async function decideLocked(deps: OperationsDeps, run: Run, locked: PlanRow[], ctx: RevisionContext): Promise<DecidedBatch> {
  const busy = await busyPlans(run, locked.map((row) => row.id))
  const rows = locked.filter((row) => !busy.has(row.id))
  const due = rows.map((row) => {
    const snapshot = planToSnapshot(row)
    return { row, snapshot, charge: dueCharge(row.id, snapshot, ctx) }
  })
  const known = await operationsByKeys(run, due.flatMap((d) => (d.charge ? [d.charge.key] : [])))
  const writes: PlanWrite[] = []
  const written: PlanCollection[] = []
  const fresh: FreshCharge[] = []
  const charges: Charge[] = []
  for (const { row, snapshot, charge } of due) {
    const made = charge ? known.get(charge.key) : undefined
    const toMake = charge && (!made || made.status === "abandoned") ? await chargeToMake(run, row, charge, made) : undefined
    if (toMake) {
      charges.push("reopen" in toMake ? await reopened(run, toMake.reopen, row, snapshot) : recordCharge(fresh, row, snapshot, toMake.charge, ctx, deps.processor.name))
      continue
    }
    // Nothing to charge today (or this attempt was already made): freezes and delays only.
    const result = collectionOutcome(row.id, snapshot, ctx)
    written.push(result)
    if (result.outcome.events.length) writes.push({ row, plan: result.outcome.plan, events: result.outcome.events, keys: result.keys })
  }
  await writePlans(run, writes, ACTOR, deps.now())
  await insertOperationsWithLegs(run, fresh)
  return { ctx, charges, written, rows: writes.map((w) => w.row), busy: locked.length - rows.length, claimed: locked.length, lastId: locked[locked.length - 1]?.id }
}

type DueCharge = NonNullable<ReturnType<typeof dueCharge>>
type FreshCharge = { operation: NewOperation & { id: string; plan_id: string }; leg: NewMovement & { id: string } }

function recordCharge(
  fresh: FreshCharge[],
  row: PlanRow,
  snapshot: PlanSnapshot,
  charge: DueCharge,
  ctx: RevisionContext,
  processor: string,
): Charge {
  const id = newOperationId()
  const leg: NewMovement & { id: string } = {
    id: entityIds("imov", 1, new Date())[0],
    plan_id: row.id,
    payment_session_id: null,
    leg: 0,
    kind: "charge",
    purpose: charge.movement.purpose,
    processor,
    processor_key: processorKey(charge.key, "charge"),
    amount_cents: charge.movement.amount.cents,
    currency_code: charge.movement.amount.currency,
    card_reference: row.card_reference,
    refunded_charge: null,
    instalments: [...charge.movement.instalments],
    status: "pending",
  }
  fresh.push({
    operation: {
      id,
      plan_id: row.id,
      payment_session_id: null,
      idempotency_key: charge.key,
      fingerprint: fingerprintOf("collect", { instalments: charge.movement.instalments }),
      actor: ACTOR,
      status: "executing",
      decided: { kind: "collection", today: ctx.today, now: ctx.now },
    },
    leg,
  })
  return { row, snapshot, operationId: id, leg: { ...leg, operation_id: id, processor_reference: null, failure_code: null, failure_message: null } }
}

/**
 * How a due charge is made: recorded under its attempt key, or, when an operation under that key
 * was abandoned (the processor made nothing under it), made again under the same key, but only
 * while it asks for the very charge that is due. A plan can change between the abandonment and
 * the next run (a refund takes part of the instalment off, the shopper changes card): the old key
 * would then ask the processor for the old amount on the old card, and the ledger would record
 * another. The charge due now gets a key of its own: the attempt's key with what it asks for.
 * That key names what it asks for, so an abandoned operation under it is reopened as it is.
 * Undefined when that charge was already made (its operation is not abandoned).
 */
async function chargeToMake(run: Run, row: PlanRow, charge: DueCharge, made: OperationRow | undefined): Promise<{ charge: DueCharge } | { reopen: string } | undefined> {
  if (!made) return { charge }
  const [leg] = await legsOf(run, made.id)
  if (leg && asksFor(leg, row, charge)) return { reopen: made.id }
  const own = { ...charge, key: `${charge.key}:${charge.movement.amount.cents}${charge.movement.amount.currency}:${digestOf(row.card_reference ?? "no-card")}` }
  const ownMade = (await operationsByKeys(run, [own.key])).get(own.key)
  if (!ownMade) return { charge: own }
  return ownMade.status === "abandoned" ? { reopen: ownMade.id } : undefined
}

/** Whether a recorded charge leg asks the processor for this charge: the same amount, instalments and card. */
function asksFor(leg: MovementRow, row: PlanRow, charge: DueCharge): boolean {
  const { amount, instalments } = charge.movement
  return (
    leg.amount_cents === amount.cents &&
    leg.currency_code === amount.currency &&
    leg.card_reference === row.card_reference &&
    JSON.stringify(leg.instalments ?? []) === JSON.stringify(instalments)
  )
}

/** An attempt the processor never made (abandoned by the reconciler) is made again, with its key and its one charge leg. */
async function reopened(run: Run, operationId: string, row: PlanRow, snapshot: PlanSnapshot): Promise<Charge> {
  const [leg] = (await run(
    `update instalment_movement set status = 'pending', updated_at = now() where operation_id = ? and status = 'void' and deleted_at is null returning *`,
    [operationId],
  )) as MovementRow[]
  if (!leg) throw new Error(`abandoned operation ${operationId} has no void charge leg to make again`)
  await setOperationsStatus(run, [operationId], "executing")
  return { row, snapshot, operationId, leg }
}

/** Step 3: the answers recorded, in one transaction. */
async function recordBatch(deps: OperationsDeps, charges: readonly Charge[], answers: readonly LegAnswer[], ctx: RevisionContext) {
  const answered = charges.map((charge, k) => ({ charge, answer: answers[k] })).filter((a) => a.answer.kind !== "unknown")
  const unanswered = charges.length - answered.length
  if (answered.length === 0) return { results: [] as PlanCollection[], unanswered }
  return deps.transaction(async (run) => {
    // The plans are busy with these operations, so they cannot have changed: only their lock and
    // their version are read again, to be sure.
    const held = new Map((await lockVersions(run, answered.map((a) => a.charge.row.id))).map((r) => [r.id, r.version]))
    const ours = answered.filter(({ charge }) => held.get(charge.row.id) === charge.row.version)
    // A leg another process (the reconciler) recorded first stays as it wrote it.
    const settled = await settleChargeLegs(run, ours.map(({ charge, answer }) => settledLeg(charge.leg.id, answer)))
    const results: PlanCollection[] = []
    const writes: PlanWrite[] = []
    for (const { charge, answer } of ours.filter(({ charge }) => settled.has(charge.operationId))) {
      const charged = answer.kind === "charged"
      const result = collectionOutcome(charge.row.id, charge.snapshot, ctx, charged ? { status: "succeeded" } : { status: "failed", reason: reasonOf(answer) })
      results.push(result)
      const chargeReferences = new Map<number, string>(charged ? (charge.leg.instalments ?? []).map((n) => [n, answer.chargeId]) : [])
      writes.push({ row: charge.row, plan: result.outcome.plan, events: result.outcome.events, keys: result.keys, chargeReferences })
    }
    await writePlans(run, writes, ACTOR, deps.now())
    return { results, unanswered }
  })
}

function settledLeg(id: string, answer: LegAnswer) {
  const charged = answer.kind === "charged"
  return {
    id,
    status: charged ? ("succeeded" as const) : ("failed" as const),
    reference: answer.kind === "charged" ? answer.chargeId : answer.kind === "declined" ? (answer.chargeId ?? null) : null,
    failureCode: charged ? null : reasonOf(answer),
    failureMessage: answer.kind === "declined" ? answer.message : null,
  }
}

/** Locks plans (in id order) and reads their version only. */
async function lockVersions(run: Run, ids: readonly string[]): Promise<{ id: string; version: number }[]> {
  return (await run(`select id, version from instalment_plan where id = ${ANY_OF_JSON} order by id for update`, [JSON.stringify([...ids].sort())])) as {
    id: string
    version: number
  }[]
}

function reasonOf(answer: LegAnswer): string {
  return answer.kind === "declined" ? answer.code : "processing_error"
}
