/**
 * One leg of an operation: asking the processor (outside any transaction) and recording its answer
 * (in a transaction, under the plan's lock, by the leg). Recording is idempotent: a leg already
 * settled is left as it is, so two drivers of one operation, or a driver and the reconciler, agree.
 */
import type { CardProcessor, ChargeOutcome, ShopperAction } from "../../../processors"
import type { ChargeMovement, LedgerEvent, RevisionContext } from "../../../domain/outcome"
import { applyChargeOutcome, type ChargeAnswer } from "../../../domain/revisions/charge-outcome"
import { collectionOutcome } from "../collection"
import { planToSnapshot, type PlanRow } from "../mapping"
import { appendEvents, lockPlan, writePlans } from "../plan-writes"
import type { PluginLogger } from "../plugin-logger"
import type { Run } from "../sql"
import { processorKey } from "./keys"
import { addLegs, loadOperation, moveLegs, setOperationStatus, settleMovement, type MovementRow, type OperationRow } from "./records"
import type { OperationsDeps } from "./run"

/** What the processor said to one leg. */
export type LegAnswer =
  | { kind: "charged"; chargeId: string }
  /** The charge was declined, or the processor refused the call: nothing moved. */
  | { kind: "declined"; code: string; message: string; chargeId?: string }
  | { kind: "refunded"; refundId: string }
  | { kind: "refund_failed"; code: string; message: string }
  /** The processor has no record of the leg's key (the reconciler asked): nothing moved. */
  | { kind: "not_made" }
  /** No answer (timeout, outage): whether money moved is not known. */
  | { kind: "unknown"; detail: string }
  /** The issuer wants the shopper's 3-D Secure first (only asked for with `shopperCanAuthenticate`): nothing moved yet. */
  | { kind: "requires_action"; chargeId: string; action: ShopperAction }

export interface Recorded {
  events: LedgerEvent[]
  declined?: { code: string; message: string }
}

/**
 * How a charge is sent when the shopper is there (checkout, a payment from the self-service page):
 * on-session, and able to wait for their 3-D Secure (the port's `requires_action`).
 */
export type ShopperPresence = { shopperPresent?: boolean }

/** Sends one leg to the processor with its key. Never throws for the processor's answers. */
export async function callProcessor(processor: CardProcessor, leg: MovementRow, at: Date, presence: ShopperPresence = {}): Promise<LegAnswer> {
  const amount = { cents: leg.amount_cents, currency: leg.currency_code }
  if (leg.kind === "charge") {
    const result = await processor.charge({
      cardRef: leg.card_reference ?? "",
      amount,
      idempotencyKey: leg.processor_key,
      description: leg.instalments?.length ? `Instalment ${leg.instalments.join(", ")}` : `Instalment plan: ${leg.purpose.replace(/_/g, " ")}`,
      // Collection charges with nobody there. The shopper is there for the checkout's charge (the
      // only leg with a payment session; a processor saves the card for later off-session use on
      // it, as Stripe does with setup_future_usage) and pays an exchange difference at the page.
      offSession: !presence.shopperPresent && leg.purpose !== "exchange_difference" && leg.payment_session_id === null,
      ...(presence.shopperPresent ? { shopperCanAuthenticate: true } : {}),
      at,
      metadata: {
        ...(leg.plan_id ? { plan_id: leg.plan_id } : {}),
        ...(leg.payment_session_id ? { payment_session_id: leg.payment_session_id } : {}),
        purpose: leg.purpose,
        instalments: (leg.instalments ?? []).join(","),
      },
    })
    if (!result.ok) return result.error.retryable ? { kind: "unknown", detail: result.error.message } : { kind: "declined", code: result.error.code, message: result.error.message }
    return chargeAnswerOf(result.value)
  }
  const result = await processor.refund({
    chargeId: leg.refunded_charge ?? "",
    amount,
    idempotencyKey: leg.processor_key,
    metadata: { ...(leg.plan_id ? { plan_id: leg.plan_id } : {}), purpose: leg.purpose },
  })
  if (!result.ok) return result.error.retryable ? { kind: "unknown", detail: result.error.message } : { kind: "refund_failed", code: result.error.code, message: result.error.message }
  return result.value.status === "succeeded" ? { kind: "refunded", refundId: result.value.refundId } : { kind: "refund_failed", code: result.value.code, message: result.value.message }
}

/**
 * How long a payment may wait for the shopper's 3-D Secure before the reconciler gives it up
 * (`abandonCharge`: cancelled at the processor, recorded declined): the plan is busy while it waits. Stripe's challenges last
 * minutes; an hour leaves room for a slow shopper.
 */
export const SHOPPER_WAIT_MS = 60 * 60 * 1000

/** Whether an operation has waited for its shopper longer than `SHOPPER_WAIT_MS` (real time, as staleness). */
const waitedTooLong = (operation: OperationRow) => Date.now() - new Date(operation.created_at).getTime() > SHOPPER_WAIT_MS

/** A charge's outcome (or a charge the processor found by its key) as a leg's answer. */
function chargeAnswerOf(charge: ChargeOutcome): LegAnswer {
  if (charge.status === "succeeded") return { kind: "charged", chargeId: charge.chargeId }
  if (charge.status === "requires_action") return { kind: "requires_action", chargeId: charge.chargeId, action: charge.action }
  return { kind: "declined", code: charge.code, message: charge.message, chargeId: charge.chargeId }
}

/**
 * A charge given up (the port's `abandonCharge`: a wait for the shopper ended, a failed challenge
 * cancelled), as a leg's answer. When the processor cannot give it up, a charge `found` failed is
 * answered as found (as before there was anything to cancel); one found waiting stays unknown.
 */
async function abandoned(deps: OperationsDeps, found: ChargeOutcome): Promise<LegAnswer> {
  const given = await deps.processor.abandonCharge(found.chargeId)
  if (!given.ok) return found.status === "failed" ? chargeAnswerOf(found) : { kind: "unknown", detail: given.error.message }
  // Still waiting after a cancel cannot be: no answer, asked again later.
  return given.value.status === "requires_action" ? { kind: "unknown", detail: "the payment still waits for the shopper" } : chargeAnswerOf(given.value)
}

/**
 * What a reconciler makes of a charge it found by its key (null: never made). A payment still
 * waiting for the shopper's 3-D Secure stays unknown (nothing moved, and the shopper may still
 * act) until, with the shopper there, it has waited SHOPPER_WAIT_MS; then it is given up
 * (`abandoned`: cancelled at the processor). One whose challenge failed is given up too before its
 * failure is recorded: the shopper's browser could otherwise still confirm it.
 */
export async function foundChargeAnswer(deps: OperationsDeps, found: ChargeOutcome | null, operation: OperationRow, shopperPresent: boolean): Promise<LegAnswer> {
  if (!found) return { kind: "not_made" }
  const waiting = found.status === "requires_action"
  if (waiting && !(shopperPresent && waitedTooLong(operation))) return { kind: "unknown", detail: "the payment waits for the shopper's authentication" }
  if (waiting || (found.status === "failed" && shopperPresent)) return abandoned(deps, found)
  return chargeAnswerOf(found)
}

/** Records a leg's answer under the plan's lock (see the file comment). */
export async function recordAnswer(deps: OperationsDeps, operationId: string, legId: string, answer: LegAnswer): Promise<Recorded> {
  return deps.transaction(async (run) => {
    const [head] = (await run(`select plan_id from instalment_operation where id = ?`, [operationId])) as { plan_id: string | null }[]
    const row = head?.plan_id ? await lockPlan(run, head.plan_id) : null
    const loaded = await loadOperation(run, operationId)
    if (!loaded || !row) throw new Error(`operation ${operationId} has no plan to record on`)
    const { operation, legs } = loaded
    const leg = legs.find((l) => l.id === legId)
    if (!leg || leg.status === "succeeded" || leg.status === "failed" || leg.status === "blocked") {
      return { events: [], declined: operation.status === "declined" ? (operation.outcome ?? undefined) : undefined }
    }
    const at = deps.now()
    if (leg.status === "void") return recordLateAnswer(run, operation, leg, row, answer, at)
    if (leg.kind === "charge") return recordCharge(run, deps, operation, legs, leg, row, answer, at)
    return recordRefund(run, operation, legs, leg, row, answer, at, deps.logger)
  })
}

async function recordCharge(
  run: Run,
  deps: OperationsDeps,
  operation: OperationRow,
  legs: MovementRow[],
  leg: MovementRow,
  row: PlanRow,
  answer: LegAnswer,
  at: Date,
): Promise<Recorded> {
  if (answer.kind === "not_made") {
    // The processor never made the charge: nothing moved, the plan is as it was. The same key may run it again.
    await settleMovement(run, leg.id, { status: "void" })
    await moveLegs(run, operation.id, "blocked", "void")
    await setOperationStatus(run, operation.id, "abandoned")
    return { events: [] }
  }
  if (answer.kind !== "charged" && answer.kind !== "declined") throw new Error(`a charge cannot be answered with ${answer.kind}`)
  const decided = operation.decided
  const ctx: RevisionContext = { config: deps.engineConfig, today: "today" in decided ? decided.today : "", now: "now" in decided ? decided.now : at.toISOString() }
  const charge: ChargeAnswer = answer.kind === "charged" ? { status: "succeeded" } : { status: "failed", reason: answer.code }
  const reference = answer.kind === "charged" ? answer.chargeId : (answer.chargeId ?? null)
  const chargeReferences = new Map<number, string>(answer.kind === "charged" ? (leg.instalments ?? []).map((n) => [n, answer.chargeId]) : [])

  if (decided.kind === "collection") {
    const collected = collectionOutcome(row.id, planToSnapshot(row), ctx, charge)
    await writePlans(run, [{ row, plan: collected.outcome.plan, events: collected.outcome.events, keys: collected.keys, chargeReferences }], operation.actor, at)
    await settleMovement(run, leg.id, answer.kind === "charged" ? { status: "succeeded", reference } : { status: "failed", reference, failureCode: answer.code, failureMessage: answer.message })
    await setOperationStatus(run, operation.id, "completed")
    return { events: [...collected.outcome.events] }
  }
  if (decided.kind !== "revision") throw new Error(`operation ${operation.id} (${decided.kind}) is not recorded here`)

  if (answer.kind === "declined" && decided.declineIsError) {
    // Refused: the plan stays as it was, its refunds never go out; the attempt is kept as proof.
    const declined = { code: answer.code, message: `the card was declined (${answer.message}); nothing was charged` }
    const event: LedgerEvent = {
      type: "plan.charge_declined",
      data: { instalments: leg.instalments ?? [], amount: leg.amount_cents, purpose: leg.purpose, reason: answer.code, at: ctx.now },
    }
    await settleMovement(run, leg.id, { status: "failed", reference, failureCode: answer.code, failureMessage: answer.message })
    await moveLegs(run, operation.id, "blocked", "void")
    await setOperationStatus(run, operation.id, "declined", declined)
    await appendEvents(run, [{ planId: row.id, events: [event], keys: new Map([[0, operation.idempotency_key]]) }], operation.actor, at)
    return { events: [event], declined }
  }

  if (row.version !== decided.version) throw new Error(`plan ${row.id} changed while operation ${operation.id} ran (version ${row.version}, decided on ${decided.version})`)
  const movement: ChargeMovement = {
    kind: "charge",
    amount: { cents: leg.amount_cents, currency: leg.currency_code },
    instalments: leg.instalments ?? [],
    purpose: leg.purpose as ChargeMovement["purpose"],
  }
  const folded = applyChargeOutcome(decided.plan, movement, charge, ctx)
  if (!folded.ok) throw new Error(`operation ${operation.id}: ${folded.error.code}: ${folded.error.message}`)
  const events = [...decided.events, ...folded.value.events]
  const refundsFollow = answer.kind === "charged" && legs.some((l) => l.kind === "refund" && l.status === "blocked")
  await writePlans(
    run,
    [{ row, plan: folded.value.plan, events, keys: new Map([[0, operation.idempotency_key]]), chargeReferences }],
    operation.actor,
    at,
  )
  await settleMovement(run, leg.id, answer.kind === "charged" ? { status: "succeeded", reference } : { status: "failed", reference, failureCode: answer.code, failureMessage: answer.message })
  await moveLegs(run, operation.id, "blocked", refundsFollow ? "pending" : "void")
  if (!refundsFollow) await setOperationStatus(run, operation.id, "completed")
  return { events }
}

async function recordRefund(
  run: Run,
  operation: OperationRow,
  legs: MovementRow[],
  leg: MovementRow,
  row: PlanRow,
  answer: LegAnswer,
  at: Date,
  logger: PluginLogger,
): Promise<Recorded> {
  if (answer.kind !== "refunded" && answer.kind !== "refund_failed") throw new Error(`a refund cannot be answered with ${answer.kind}`)
  const data = { amount: leg.amount_cents, chargeId: leg.refunded_charge, purpose: leg.purpose, leg: leg.leg, at: at.toISOString() }
  let event: LedgerEvent
  if (answer.kind === "refunded") {
    await settleMovement(run, leg.id, { status: "succeeded", reference: answer.refundId })
    event = { type: "plan.card_refunded", data: { ...data, refundId: answer.refundId } }
  } else {
    // The ledger and the processor disagree on what is left on the charge (refunded elsewhere?):
    // kept as proof, and loud, for the merchant to look at.
    await settleMovement(run, leg.id, { status: "failed", failureCode: answer.code, failureMessage: answer.message })
    event = { type: "plan.card_refund_failed", data: { ...data, reason: answer.code, message: answer.message } }
    logger.error(`medusa-instalments: refund ${leg.processor_key} of plan ${row.id} refused by the processor: ${answer.code} ${answer.message}`)
  }
  await appendEvents(run, [{ planId: row.id, events: [event], keys: new Map([[0, leg.processor_key]]) }], operation.actor, at)
  const left = legs.some((l) => l.id !== leg.id && (l.status === "pending" || l.status === "blocked"))
  if (!left) {
    const compensation = legs.some((l) => l.purpose === "compensation")
    await setOperationStatus(run, operation.id, compensation ? "abandoned" : "completed")
  }
  return { events: [event] }
}

/**
 * An answer for a leg the reconciler had given up on (the processor had no record of it then): a
 * charge that went through after all is recorded and refunded, so the money still matches.
 */
async function recordLateAnswer(run: Run, operation: OperationRow, leg: MovementRow, row: PlanRow, answer: LegAnswer, at: Date): Promise<Recorded> {
  if (leg.kind !== "charge" || answer.kind !== "charged") return { events: [] }
  await settleMovement(run, leg.id, { status: "succeeded", reference: answer.chargeId })
  await addLegs(run, operation.id, [
    {
      plan_id: leg.plan_id,
      payment_session_id: leg.payment_session_id,
      leg: leg.leg + 100,
      kind: "refund",
      purpose: "compensation",
      processor: leg.processor,
      processor_key: processorKey(operation.idempotency_key, "compensation"),
      amount_cents: leg.amount_cents,
      currency_code: leg.currency_code,
      card_reference: null,
      refunded_charge: answer.chargeId,
      instalments: null,
      status: "pending",
    },
  ])
  await setOperationStatus(run, operation.id, "executing")
  const event: LedgerEvent = { type: "plan.late_charge_refunded", data: { chargeId: answer.chargeId, amount: leg.amount_cents, key: leg.processor_key, at: at.toISOString() } }
  await appendEvents(run, [{ planId: row.id, events: [event] }], operation.actor, at)
  return { events: [event] }
}
