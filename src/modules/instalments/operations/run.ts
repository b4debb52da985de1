/**
 * The revision runner: how every operation on an existing plan happens, money or not.
 *
 *  1. Decide, in a transaction under the plan's row lock: a replay of a known key gets its first
 *     answer; otherwise the engine revises the plan. Without money, the revision is written and
 *     that is all. With money, the operation and its legs are recorded (charges `pending`, refunds
 *     `blocked` behind the charge, or `pending` when there is no charge); while it executes, the
 *     plan is busy (no other operation starts on it). A revision that only refunds is written now
 *     (the refund is owed whatever happens).
 *  2. Commit, then call the processor for each pending leg, without a transaction or a lock.
 *  3. Record each answer by its leg, under the lock (settle.ts): a succeeded charge writes the
 *     revision and releases the refunds; a declined one refuses the operation and releases
 *     nothing, so no refund ever goes out for an operation whose charge failed.
 *
 * A processor that does not answer leaves the leg pending: the operation stays recorded, the plan
 * busy, and the same request (same key) or the reconciler (reconcile.ts) settles it from the
 * processor's own record of the key. This is Medusa's payment module's shape (record under the
 * lock, call the provider outside it), applied to every path that moves money.
 */
import type { Context } from "@medusajs/framework/types"
import type { CardProcessor, ShopperAction } from "../../../processors"
import type { EngineConfig } from "../../../domain/config"
import type { ChargeMovement, LedgerEvent, Movement, RefundMovement, RevisionContext, RevisionOutcome } from "../../../domain/outcome"
import type { PlanSnapshot } from "../../../domain/plan"
import type { Result } from "../../../domain/result"
import { abandoned, keyReused, operationPending, planBusy, planChanged, planNotFound, processorUnavailable, refused, unwrapRevision } from "../errors"
import { planToSnapshot, type PlanRow } from "../mapping"
import { lockPlan, readPlans, writePlans } from "../plan-writes"
import { pluginEventsForRevision, type PluginEvent } from "../plugin-events"
import type { PluginLogger } from "../plugin-logger"
import type { Run } from "../sql"
import { fingerprintOf, processorKey } from "./keys"
import {
  executingOperationOn,
  findOperationByKey,
  insertOperation,
  legsOf,
  loadOperation,
  moveLegs,
  newOperationId,
  refundableCharges,
  setOperationStatus,
  type MovementRow,
  type NewMovement,
  type OperationRow,
} from "./records"
import { refundLegs } from "./refund-legs"
import { callProcessor, recordAnswer, type LegAnswer, type Recorded } from "./settle"

/** What the runner needs from the module: the processor, the clock, transactions and the event bus. */
export interface OperationsDeps {
  readonly processor: CardProcessor
  readonly engineConfig: EngineConfig
  /** The revision context now (the module's clock and calendar). */
  context(): RevisionContext
  now(): Date
  /**
   * Runs `work` in a transaction whose lock waits are bounded (lock_timeout); `context` is that
   * transaction for the services Medusa generates (`updateInstalmentPlans(data, context)`).
   */
  transaction<T>(work: (run: Run, context: Context) => Promise<T>): Promise<T>
  /** Statements outside any transaction. */
  readonly read: Run
  emit(events: PluginEvent[]): Promise<void>
  /** Medusa's logger: what is said loudly (a refund left for the reconciler...) reaches Medusa's logs. */
  readonly logger: PluginLogger
  /** How long a request waits for another operation on the same plan before answering plan_busy. */
  readonly busyWaitMs: number
  /** An operation unchanged for this long is settled by whoever finds it (its driver is gone). */
  readonly staleAfterMs: number
  /** Settles one operation from the processor's records (reconcile.ts). */
  reconcileOperation(operationId: string): Promise<void>
}

/** A revision as the runner applies it: the engine's pure function, given the stored row when it needs more. */
export type PlanRevision = (plan: PlanSnapshot, ctx: RevisionContext, row: PlanRow) => Result<RevisionOutcome>

export interface ReviseOptions {
  /** Who asked: `system`, `shopper`, `customer:<id>`, `admin:<user id>`, `medusa`. */
  actor: string
  /**
   * Makes the operation happen once: the caller's key (scoped to the plan and the action), or one
   * derived from what triggered it (Medusa's refund id, the plan version the shopper saw).
   */
  idempotencyKey: string
  /** What was asked, for the replay check: the same key with another request is refused. */
  request: { name: string; input?: unknown }
  /**
   * The plan version the request was made on, when the key is derived from it: if the plan moved
   * on before the request got the lock, the request is refused (`plan_changed`) instead of acting
   * on a plan its sender did not see.
   */
  expectedVersion?: number
  /** Whether a declined charge refuses the operation (default) or is recorded as a failed attempt. */
  declineIsError?: boolean
  /** The card to charge instead of the plan's (a dearer exchange paid with another card). */
  cardReference?: string
  /**
   * The shopper is there and can pass 3-D Secure (a payment from the self-service page): the charge
   * is on-session, and when the issuer asks for authentication the operation waits for the shopper
   * (`RevisionResult.shopperAction`); the same request again, or Stripe's webhook, settles it.
   */
  shopperPresent?: boolean
  /**
   * Reads what the revision needs besides the plan (the exchange whose Medusa refund is armed), in
   * the decision's transaction, under the plan's lock and before the revision runs; the caller
   * keeps what it read for its revision and its `onDecided`.
   */
  readUnderLock?: (run: Run, row: PlanRow) => Promise<void>
  /**
   * Writes the module's own rows that belong with this decision (an exchange applied, settled or
   * about to be paid) in the decision's transaction, under the plan's lock: the decision and they
   * are written together or not at all. A replay decides nothing and does not call it. Without a
   * charge, the revision is written with it; with a charge, the revision is written only once the
   * charge succeeds, so the hook may only record what stays true if the card declines (which
   * operation is about to pay).
   */
  onDecided?: (run: Run, row: PlanRow, outcome: RevisionOutcome) => Promise<void>
}

export interface RevisionResult {
  plan: PlanRow
  /** What this request did; null for a replay, which did nothing, and while the shopper must authenticate. */
  outcome: RevisionOutcome | null
  /** The charge waits for the shopper's 3-D Secure (only with `shopperPresent`): nothing moved yet. */
  shopperAction?: ShopperAction
}

type Decision =
  | { kind: "replay" }
  | { kind: "written"; outcome: RevisionOutcome; version: number }
  | { kind: "execute"; operationId: string; written: RevisionOutcome | null }

/** Applies a revision to a plan (see the file comment). Refusals throw a 4xx-class MedusaError and change nothing. */
export async function runRevision(deps: OperationsDeps, planId: string, revision: PlanRevision, options: ReviseOptions): Promise<RevisionResult> {
  const decision = await whenFree(deps, planId, () => decide(deps, planId, revision, options))
  if (decision.kind === "replay") return { plan: await planRow(deps, planId), outcome: null }
  if (decision.kind === "written") {
    await deps.emit(pluginEventsForRevision(planId, decision.outcome, options.actor, decision.version))
    return { plan: await planRow(deps, planId), outcome: decision.outcome }
  }
  const driven = await driveOperation(deps, decision.operationId)
  const events = [...(decision.written?.events ?? []), ...driven.events]
  const plan = await planRow(deps, planId)
  const outcome: RevisionOutcome = { plan: planToSnapshot(plan), movements: driven.movements, events }
  await deps.emit(pluginEventsForRevision(planId, events.length ? outcome : null, options.actor, plan.version))
  if (driven.declined) throw refused(driven.declined.code, driven.declined.message)
  if (driven.awaitingShopper) return { plan, outcome: null, shopperAction: driven.awaitingShopper }
  if (driven.unanswered) throw processorUnavailable(driven.unanswered)
  if (driven.unrecorded) throw operationPending(driven.unrecorded)
  return { plan, outcome }
}

/** What driving an operation did: the events it wrote, the movements it was for, a refusal, a silence. */
export interface Driven {
  events: LedgerEvent[]
  movements: Movement[]
  declined?: { code: string; message: string }
  /** A charge the processor did not answer: the operation waits for a retry or the reconciler. */
  unanswered?: string
  /** An answer the database did not take: the operation waits for a retry or the reconciler. */
  unrecorded?: string
  /** The charge waits for the shopper's 3-D Secure: the operation waits for them (same request again, or the webhook). */
  awaitingShopper?: ShopperAction
}

/** How a leg is put to the processor: sent (the default), or looked up by its key (the reconciler). */
export type AskProcessor = (leg: MovementRow, operation: OperationRow) => Promise<LegAnswer>

/** Sends the leg with its key; on-session, able to wait for 3-D Secure, when the shopper is there. */
const sendLeg = (deps: OperationsDeps) => (leg: MovementRow, operation: OperationRow) =>
  callProcessor(deps.processor, leg, deps.now(), { shopperPresent: shopperPresentFor(operation) })

/** Whether the operation's charge is made with the shopper there (self-service with 3-D Secure). */
export const shopperPresentFor = (operation: OperationRow) => operation.decided.kind === "revision" && operation.decided.shopperPresent === true

/**
 * Sends each pending leg of an operation to the processor and records the answers, until nothing
 * is left to send. Safe to run twice at once (two requests with the same key): both ask the
 * processor with the same keys, get the same answers, and the second record finds the leg settled.
 */
export async function driveOperation(deps: OperationsDeps, operationId: string, ask?: AskProcessor): Promise<Driven> {
  const askProcessor = ask ?? sendLeg(deps)
  const driven: Driven = { events: [], movements: [] }
  for (;;) {
    const loaded = await loadOperation(deps.read, operationId)
    if (!loaded) throw new Error(`operation ${operationId} vanished`)
    if (driven.movements.length === 0) driven.movements = loaded.legs.map(movementOf)
    const { operation, legs } = loaded
    if (operation.status === "declined" && operation.outcome) return { ...driven, declined: operation.outcome }
    const leg = legs.find((l) => l.status === "pending")
    if (operation.status !== "executing" || !leg) return driven
    const answer = await askProcessor(leg, operation)
    if (answer.kind === "requires_action") return { ...driven, awaitingShopper: answer.action }
    if (answer.kind === "unknown") {
      // Whether money moved is not known. A charge: the plan stays as it was until a retry (same
      // key) or the reconciler finds out. A refund: it is owed and recorded; it goes out later.
      if (leg.kind === "charge") return { ...driven, unanswered: answer.detail }
      deps.logger.warn(`medusa-instalments: refund ${leg.processor_key} left for the reconciler: ${answer.detail}`)
      return driven
    }
    let recorded: Recorded
    try {
      recorded = await recordAnswer(deps, operation.id, leg.id, answer)
    } catch (error) {
      // The processor acted but the record failed (a lost connection, a lock timeout): the leg
      // stays pending, and the same request or the reconciler records the processor's answer.
      deps.logger.warn(`medusa-instalments: the answer to ${leg.processor_key} was not recorded yet: ${(error as Error).message}`)
      return { ...driven, unrecorded: (error as Error).message }
    }
    driven.events.push(...recorded.events)
    if (recorded.declined) return { ...driven, declined: recorded.declined }
  }
}

function movementOf(leg: MovementRow): Movement {
  const amount = { cents: leg.amount_cents, currency: leg.currency_code }
  if (leg.kind === "charge") return { kind: "charge", amount, instalments: leg.instalments ?? [], purpose: leg.purpose as ChargeMovement["purpose"] }
  return { kind: "refund", amount, purpose: leg.purpose as RefundMovement["purpose"], breakdown: { principal: 0, customerFees: 0, lateFees: 0 } }
}

async function planRow(deps: OperationsDeps, planId: string): Promise<PlanRow> {
  const [row] = await readPlans(deps.read, [planId])
  if (!row) throw planNotFound(planId)
  return row
}

/**
 * Runs `attempt` (a write under the plan's lock that answers plan_busy while an operation runs on
 * the plan), and when another operation holds the plan: settles it if its driver is gone (stale),
 * else waits for it a little, then tries once more.
 */
export async function whenFree<T>(deps: OperationsDeps, planId: string, attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt()
  } catch (error) {
    if ((error as { code?: string }).code !== "plan_busy") throw error
  }
  await waitUntilFree(deps, planId)
  return attempt()
}

async function waitUntilFree(deps: OperationsDeps, planId: string): Promise<void> {
  const giveUpAt = Date.now() + deps.busyWaitMs
  for (;;) {
    const running = await executingOperationOn(deps.read, planId, deps.staleAfterMs)
    if (!running) return
    if (running.stale) return deps.reconcileOperation(running.id)
    if (Date.now() >= giveUpAt) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

async function decide(deps: OperationsDeps, planId: string, revision: PlanRevision, options: ReviseOptions): Promise<Decision> {
  const fingerprint = fingerprintOf(options.request.name, options.request.input)
  return deps.transaction(async (run) => {
    const row = await lockPlan(run, planId)
    if (!row) throw planNotFound(planId)
    const known = await findOperationByKey(run, options.idempotencyKey)
    if (known) return replayOf(run, row, known, fingerprint, options)
    if (await executingOperationOn(run, row.id)) throw planBusy()
    if (options.expectedVersion !== undefined && row.version !== options.expectedVersion) throw planChanged()
    await options.readUnderLock?.(run, row)
    const ctx = deps.context()
    const revised = unwrapRevision(revision(planToSnapshot(row), ctx, row))
    refuseMoneyOnLenderPlans(row, revised, deps.processor.name)
    const charge = revised.movements.find((m): m is ChargeMovement => m.kind === "charge")
    const refund = revised.movements.find((m): m is RefundMovement => m.kind === "refund")
    const operation = { plan_id: row.id, payment_session_id: null, idempotency_key: options.idempotencyKey, fingerprint, actor: options.actor }
    const firstKey = new Map([[0, options.idempotencyKey]])
    if (!charge && !refund) {
      await insertOperation(run, { ...operation, status: "completed", decided: { kind: "recorded" } }, [])
      await writePlans(run, [{ row, plan: revised.plan, events: revised.events, keys: firstKey }], options.actor, deps.now())
      await options.onDecided?.(run, row, revised)
      return { kind: "written", outcome: revised, version: row.version + 1 }
    }
    const id = newOperationId()
    const legs: NewMovement[] = []
    if (charge) legs.push(chargeLeg(row, charge, options, deps.processor.name))
    if (refund) legs.push(...(await refundLegsOf(run, row, refund, options.idempotencyKey, charge ? "blocked" : "pending", deps.processor.name, legs.length)))
    const decided = {
      kind: "revision" as const,
      plan: revised.plan,
      events: [...revised.events],
      declineIsError: options.declineIsError ?? true,
      written: !charge,
      version: charge ? row.version : row.version + 1,
      now: ctx.now,
      today: ctx.today,
      ...(options.shopperPresent && charge ? { shopperPresent: true } : {}),
    }
    // Executing, the operation keeps the plan busy until it is settled.
    await insertOperation(run, { ...operation, id, status: "executing", decided }, legs)
    if (!charge) await writePlans(run, [{ row, plan: revised.plan, events: revised.events, keys: firstKey }], options.actor, deps.now())
    await options.onDecided?.(run, row, revised)
    return { kind: "execute", operationId: id, written: charge ? null : revised }
  })
}

/**
 * The answer to a key already used: the same request gets what the first one got (a running
 * operation is driven on, an abandoned one, where nothing moved, runs again); another request
 * under the key is refused.
 */
async function replayOf(run: Run, row: PlanRow, known: OperationRow, fingerprint: string, options: ReviseOptions): Promise<Decision> {
  if (known.plan_id !== row.id || known.fingerprint !== fingerprint) {
    throw options.expectedVersion !== undefined ? planChanged() : keyReused(options.idempotencyKey)
  }
  if (known.status === "completed") return { kind: "replay" }
  if (known.status === "declined") throw refused(known.outcome?.code ?? "card_declined", known.outcome?.message ?? "the card was declined")
  if (known.status === "abandoned") {
    if (await executingOperationOn(run, row.id)) throw planBusy()
    if (known.decided.kind === "revision" && known.decided.version !== row.version) throw abandoned()
    await reopen(run, known)
  }
  return { kind: "execute", operationId: known.id, written: null }
}

/** An abandoned operation (the processor made nothing under its keys) runs again with the same keys. */
async function reopen(run: Run, operation: OperationRow) {
  const legs = await legsOf(run, operation.id)
  const hasCharge = legs.some((l) => l.kind === "charge")
  await moveLegs(run, operation.id, "void", "pending")
  if (hasCharge) await run(`update instalment_movement set status = 'blocked' where operation_id = ? and kind = 'refund' and status = 'pending' and deleted_at is null`, [operation.id])
  await setOperationStatus(run, operation.id, "executing")
}

function chargeLeg(row: PlanRow, charge: ChargeMovement, options: ReviseOptions, processor: string): NewMovement {
  return {
    plan_id: row.id,
    payment_session_id: null,
    leg: 0,
    kind: "charge",
    purpose: charge.purpose,
    processor,
    processor_key: processorKey(options.idempotencyKey, "charge"),
    amount_cents: charge.amount.cents,
    currency_code: charge.amount.currency,
    card_reference: options.cardReference ?? row.card_reference,
    refunded_charge: null,
    instalments: [...charge.instalments],
    status: "pending",
  }
}

/** The refund's legs: one per charge it goes back to (refund-legs.ts), keyed by the operation and the leg. */
async function refundLegsOf(
  run: Run,
  row: PlanRow,
  refund: RefundMovement,
  operationKey: string,
  status: "blocked" | "pending",
  processor: string,
  firstLeg: number,
): Promise<NewMovement[]> {
  const split = refundLegs(await refundableCharges(run, row.id), refund.amount.cents)
  if (!split.ok) {
    throw refused(
      "refund_exceeds_payments",
      `${split.missing} cents of this ${refund.amount.cents}-cent refund cannot go back to the card: the plan's charges have no more left to refund. Check the plan's history.`,
    )
  }
  return split.legs.map((leg, k) => ({
    plan_id: row.id,
    payment_session_id: null,
    leg: firstLeg + k,
    kind: "refund" as const,
    purpose: refund.purpose,
    processor,
    processor_key: processorKey(operationKey, `refund:${firstLeg + k}`),
    amount_cents: leg.cents,
    currency_code: refund.amount.currency,
    card_reference: null,
    refunded_charge: leg.chargeId,
    instalments: null,
    status,
  }))
}

/**
 * A plan a lender funds (Alma) is collected and refunded by the lender, through its own provider:
 * a revision here that would charge or refund its shopper's card is refused. Money-free revisions
 * (a fraud flag, a note) still apply.
 */
function refuseMoneyOnLenderPlans(row: PlanRow, outcome: RevisionOutcome, processorName: string) {
  if (row.processor === processorName) return
  if (outcome.movements.some((m) => m.kind === "charge" || m.kind === "refund")) {
    throw refused(
      "lender_managed",
      `this plan is funded and collected by ${row.processor}; charges and refunds go through ${row.processor} (refund the order in Medusa, or act from ${row.processor}'s dashboard)`,
    )
  }
}
