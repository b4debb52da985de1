/**
 * The first instalment at checkout: the one charge made before its plan exists. The same rule as
 * every other charge (run.ts): the operation and its leg are recorded first, keyed by the payment
 * session and the card; then the card is charged, outside any transaction; then the plan's insert
 * settles the leg in the same statement (see `settleCheckoutSql`), so a plan never exists without
 * its charge recorded, and a charge never without its leg.
 *
 * What can be left behind, and who settles it:
 *  - a charge made but no plan (a crash, a lost race with another completion of the same session
 *    on another card): refunded (`compensate`), by the request itself or by the reconciler;
 *  - no answer from the processor: the leg stays pending; a retried completion asks again with
 *    the same key, and the reconciler looks the key up.
 *  - a charge waiting for the shopper's 3-D Secure: the leg stays pending (nothing moved) and the
 *    shopper's browser gets what it needs to authenticate; completing again asks again with the
 *    same key, which answers the same payment's outcome. The reconciler leaves it waiting.
 */
import type { Money } from "../../../domain/money"
import type { ShopperAction } from "../../../processors"
import { refused, processorUnavailable } from "../errors"
import type { Run } from "../sql"
import { digestOf, fingerprintOf, processorKey } from "./keys"
import { addLegs, findOperationByKey, insertOperation, legsOf, setOperationStatus, settleMovement, type MovementRow, type OperationRow } from "./records"
import type { OperationsDeps } from "./run"
import { callProcessor, foundChargeAnswer, type LegAnswer } from "./settle"

export interface CheckoutCharge {
  sessionId: string
  cardRef: string
  /** The first instalment with its fee. */
  amount: Money
  planCode: string
}

export type CheckoutChargeResult =
  | { status: "charged"; operationId: string; chargeId: string }
  /** The issuer wants the shopper's 3-D Secure first: nothing moved; complete again once they passed it. */
  | { status: "requires_action"; action: ShopperAction }

/** Records, then makes, the checkout's first charge. A decline throws the refusal `declined` builds. */
export async function chargeAtCheckout(
  deps: OperationsDeps,
  input: CheckoutCharge,
  declined: (code: string) => Error,
): Promise<CheckoutChargeResult> {
  const { operation, leg } = await recordCheckoutCharge(deps, input)
  if (operation.status === "declined") throw declined(operation.outcome?.code ?? "card_declined")
  // A replay after the plan was written: the same charge (the plan's insert then finds the plan).
  if (operation.status === "completed" && leg.processor_reference) return { status: "charged", operationId: operation.id, chargeId: leg.processor_reference }
  if (operation.status !== "executing") {
    throw refused("payment_session_closed", "this payment session's first charge was given back: start the payment again to pay in instalments.")
  }
  const answer = await callProcessor(deps.processor, leg, deps.now(), { shopperPresent: true })
  if (answer.kind === "unknown") throw processorUnavailable(answer.detail)
  if (answer.kind === "requires_action") return { status: "requires_action", action: answer.action }
  if (answer.kind !== "charged") {
    const code = answer.kind === "declined" ? answer.code : "card_declined"
    await deps.transaction(async (run) => {
      await settleMovement(run, leg.id, { status: "failed", reference: answer.kind === "declined" ? answer.chargeId : null, failureCode: code })
      await setOperationStatus(run, operation.id, "declined", { code, message: "the card was declined at checkout" })
    })
    throw declined(code)
  }
  return { status: "charged", operationId: operation.id, chargeId: answer.chargeId }
}

/** The operation of this session and card, recorded now (one statement) or found from an earlier try. */
async function recordCheckoutCharge(deps: OperationsDeps, input: CheckoutCharge): Promise<{ operation: OperationRow; leg: MovementRow }> {
  const card = digestOf(input.cardRef)
  const key = `checkout:${input.sessionId}:${card}`
  const leg = {
    plan_id: null,
    payment_session_id: input.sessionId,
    leg: 0,
    kind: "charge" as const,
    purpose: "instalment",
    processor: deps.processor.name,
    processor_key: processorKey(`${input.sessionId}:checkout`, card),
    amount_cents: input.amount.cents,
    currency_code: input.amount.currency,
    card_reference: input.cardRef,
    refunded_charge: null,
    instalments: [1],
    status: "pending" as const,
  }
  const id = await insertOperation(
    deps.read,
    {
      plan_id: null,
      payment_session_id: input.sessionId,
      idempotency_key: key,
      fingerprint: fingerprintOf("checkout", { amount: input.amount, plan: input.planCode }),
      actor: "shopper",
      status: "executing",
      decided: { kind: "checkout", now: deps.now().toISOString() },
    },
    [leg],
    { onConflictDoNothing: true },
  )
  const operation = id ? null : await findOperationByKey(deps.read, key)
  if (id) return { operation: { id, status: "executing", idempotency_key: key, outcome: null } as OperationRow, leg: { ...leg, id: "", operation_id: id, processor_reference: null, failure_code: null, failure_message: null } }
  if (!operation) throw new Error(`checkout operation ${key} could not be recorded`)
  const [found] = await legsOf(deps.read, operation.id)
  return { operation, leg: found }
}

/**
 * The SQL, for the plan's insert statement, that settles the checkout's leg and operation with the
 * plan it created: `plan` is the CTE that inserted the plan.
 */
export function settleCheckoutSql(): string {
  return `leg as (update instalment_movement set status = 'succeeded', processor_reference = ?, plan_id = (select id from plan), settled_at = now(), updated_at = now()
                   where operation_id = ? and status = 'pending' and deleted_at is null),
          op as (update instalment_operation set status = 'completed', plan_id = (select id from plan), updated_at = now() where id = ?)`
}

/**
 * A charge that paid for no plan (the session's plan was made with another charge, or never): it
 * goes back to the card, recorded as a compensation leg of its operation.
 */
export async function compensate(deps: OperationsDeps, operationId: string, chargeId: string): Promise<void> {
  const refund = await deps.transaction(async (run) => {
    const legs = await legsOf(run, operationId)
    const charge = legs.find((l) => l.kind === "charge")
    if (!charge) return null
    if (charge.status !== "succeeded") await settleMovement(run, charge.id, { status: "succeeded", reference: chargeId })
    let back = legs.find((l) => l.purpose === "compensation")
    if (!back) {
      await addLegs(run, operationId, [
        {
          plan_id: null,
          payment_session_id: charge.payment_session_id,
          leg: 100,
          kind: "refund",
          purpose: "compensation",
          processor: charge.processor,
          processor_key: processorKey(charge.processor_key, "compensation"),
          amount_cents: charge.amount_cents,
          currency_code: charge.currency_code,
          card_reference: null,
          refunded_charge: chargeId,
          instalments: null,
          status: "pending",
        },
      ])
      back = (await legsOf(run, operationId)).find((l) => l.purpose === "compensation")
    }
    await setOperationStatus(run, operationId, "executing")
    return back ?? null
  })
  if (!refund || refund.status !== "pending") return
  const answer = await callProcessor(deps.processor, refund, deps.now())
  await recordCompensation(deps, operationId, refund, answer)
}

async function recordCompensation(deps: OperationsDeps, operationId: string, refund: MovementRow, answer: LegAnswer) {
  if (answer.kind === "unknown") return // the reconciler sends it again, with its key
  await deps.transaction(async (run: Run) => {
    if (answer.kind === "refunded") await settleMovement(run, refund.id, { status: "succeeded", reference: answer.refundId })
    else await settleMovement(run, refund.id, { status: "failed", failureCode: "code" in answer ? answer.code : "refund_failed" })
    await setOperationStatus(run, operationId, "abandoned")
  })
}

/** The reconciler's part for checkout operations (they have no plan to lock). */
export async function reconcileCheckout(deps: OperationsDeps, operation: OperationRow): Promise<void> {
  const legs = await legsOf(deps.read, operation.id)
  const charge = legs.find((l) => l.kind === "charge")
  const back = legs.find((l) => l.purpose === "compensation" && l.status === "pending")
  if (back && back.refunded_charge) return compensate(deps, operation.id, back.refunded_charge)
  if (!charge || charge.status !== "pending") return
  const found = await deps.processor.findChargeByIdempotencyKey(charge.processor_key)
  if (!found.ok) return
  // The checkout's charge is made with the shopper there: a wait for their 3-D Secure is given up
  // after SHOPPER_WAIT_MS, a failed challenge at once (foundChargeAnswer); an unknown answer is
  // asked again at the next run.
  const answer = await foundChargeAnswer(deps, found.value, operation, true)
  if (answer.kind === "declined") {
    await deps.transaction(async (run) => {
      await settleMovement(run, charge.id, { status: "failed", reference: answer.chargeId ?? null, failureCode: answer.code })
      await setOperationStatus(run, operation.id, "declined", { code: answer.code, message: "the card was declined at checkout" })
    })
  } else if (answer.kind === "not_made") {
    await deps.transaction(async (run) => {
      await settleMovement(run, charge.id, { status: "void" })
      await setOperationStatus(run, operation.id, "abandoned")
    })
  } else if (answer.kind === "charged") {
    // Charged, and the plan's insert (which settles the leg in the same statement) never happened.
    await compensate(deps, operation.id, answer.chargeId)
  }
}
