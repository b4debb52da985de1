/**
 * Medusa's exchanges on a plan (docs/business-rules.md §6). A cheaper exchange takes the
 * difference off the last instalments and awaits the Medusa refund that records it (armed here,
 * recognised by `refundFromMedusa`); a dearer one leaves a difference the shopper pays through
 * their self-service link, and Medusa's collection is marked paid afterwards. The exchange rows
 * (exchange-rows.ts) are written under the plan's lock, with the revision they belong to.
 */
import type { Money } from "../../../domain/money"
import type { RevisionOutcome } from "../../../domain/outcome"
import { applyExchange, requestExchangePayment } from "../../../domain/revisions/exchange"
import type { ModuleDeps } from "../deps"
import { invalid, planNotFound } from "../errors"
import { digestOf } from "../operations/keys"
import { runRevision, type RevisionResult } from "../operations/run"
import { lockPlan } from "../plan-writes"
import type { Run } from "../sql"
import {
  armRefund,
  disarmRefund,
  exchangesOfPlan,
  insertExchange,
  linkPayment,
  markPaid,
  newRefundNonce,
  recordCollection,
  type ExchangeRow,
} from "./exchange-rows"

/**
 * Medusa confirmed an exchange. `difference` is what the replacement costs the shopper less what
 * they paid for what they return (promotions and taxes included); `paidForReturned` caps what a
 * cheaper one takes off. Cheaper: the difference comes off the last instalments (overflow back to
 * the card) and the Medusa refund that records it is awaited; dearer: the shopper owes the
 * difference, paid through their self-service link (`payExchangeDifference`), and
 * `paymentCollectionId` is the Medusa collection to mark paid then. The exchange's row is
 * written with the revision. Once per exchange.
 */
export interface MedusaExchange {
  exchangeId: string
  difference: Money
  paidForReturned?: Money
  paymentCollectionId?: string | null
}

export function applyExchangeFromMedusa(deps: ModuleDeps, planId: string, input: MedusaExchange): Promise<RevisionResult> {
  const { exchangeId, difference, paidForReturned } = input
  return runRevision(deps, planId, (snapshot, ctx) => applyExchange(snapshot, { difference, paidForReturned }, ctx), {
    actor: "medusa",
    idempotencyKey: `medusa-exchange:${exchangeId}`,
    request: { name: "medusa-exchange", input: { difference, paidForReturned } },
    onDecided: (run, row, outcome) =>
      insertExchange(run, {
        plan_id: row.id,
        exchange_id: exchangeId,
        difference_cents: difference.cents < 0 ? -reductionOf(outcome) : difference.cents,
        currency_code: difference.currency,
        payment_collection_id: difference.cents > 0 ? (input.paymentCollectionId ?? null) : null,
      }),
  })
}

/**
 * The shopper pays what dearer exchanges added, in one go, by card (`cardToken`, else the
 * plan's card): an operation like any other, so a declined card changes nothing and a replay
 * with the same key charges nothing. The exchanges it covers are tied to it when it is decided
 * and marked `paid` once its charge succeeded (by this request or, should it stop in between,
 * the next one).
 */
export async function payExchangeDifference(
  deps: ModuleDeps,
  planId: string,
  input: { cardToken?: string },
  options: { actor: string; idempotencyKey: string; expectedVersion?: number },
): Promise<RevisionResult> {
  const cardReference = input.cardToken ? await cardForPayment(deps, input.cardToken, options.idempotencyKey) : undefined
  try {
    return await runRevision(deps, planId, (snapshot, ctx) => requestExchangePayment(snapshot, {}, ctx), {
      ...options,
      request: { name: "pay-exchange", input: { card: input.cardToken ? digestOf(input.cardToken) : null } },
      cardReference,
      onDecided: (run, row) => linkPayment(run, row.id, options.idempotencyKey),
    })
  } finally {
    // Whatever this request's answer (a replay, "nothing due" after a payment that stopped right
    // after its charge), the exchanges a succeeded payment covered are marked paid.
    await underPlanLock(deps, planId, (run) => markPaid(run, planId)).catch((error: Error) => {
      deps.logger.error(`medusa-instalments: plan ${planId}: its paid exchanges could not be marked paid yet: ${error.message}`)
    })
  }
}

/** The exchanges applied to a plan, oldest first. */
export function exchangesOf(deps: ModuleDeps, planId: string): Promise<ExchangeRow[]> {
  return exchangesOfPlan(deps.read, planId)
}

/**
 * Arms the Medusa refund about to be issued for a cheaper exchange: until it is disarmed or
 * consumed (a few minutes at most), a refund of its amount on the plan is taken for it. Answers
 * the marker's nonce, or null when the exchange does not await its refund (already armed by a
 * concurrent run, or settled).
 */
export async function armExchangeRefund(deps: ModuleDeps, planId: string, exchangeId: string): Promise<string | null> {
  const nonce = newRefundNonce()
  const armed = await underPlanLock(deps, planId, (run) => armRefund(run, planId, exchangeId, nonce))
  return armed ? nonce : null
}

/**
 * Takes down the marker `nonce` once its refund was attempted: back to awaiting when the refund
 * did not go through; when it went through without the provider consuming the marker, settled
 * (it must never be issued twice) and said loudly. Whether it was still armed.
 */
export async function disarmExchangeRefund(deps: ModuleDeps, planId: string, exchangeId: string, nonce: string, issued: boolean): Promise<boolean> {
  const wasArmed = await underPlanLock(deps, planId, (run) => disarmRefund(run, planId, exchangeId, nonce, issued ? "settled" : "refund_awaited"))
  if (wasArmed && issued) {
    deps.logger.error(`medusa-instalments: the Medusa refund of exchange ${exchangeId} (plan ${planId}) went through without being recognised as the exchange's: check the plan's history`)
  }
  return wasArmed
}

/** Medusa's side of a paid dearer exchange: its collection marked paid (`problem` null), or why it was left alone. */
export async function recordExchangeCollection(deps: ModuleDeps, planId: string, exchangeRowId: string, problem: string | null): Promise<void> {
  await underPlanLock(deps, planId, (run) => recordCollection(run, exchangeRowId, problem))
}

function underPlanLock<T>(deps: ModuleDeps, planId: string, work: (run: Run) => Promise<T>): Promise<T> {
  return deps.transaction(async (run) => {
    if (!(await lockPlan(run, planId))) throw planNotFound(planId)
    return work(run)
  })
}

async function cardForPayment(deps: ModuleDeps, cardToken: string, key: string): Promise<string> {
  const card = await deps.processor.describeCard(cardToken, { idempotencyKey: `${key}:card:${digestOf(cardToken)}` })
  if (!card.ok) throw invalid(`card_token: ${card.error.message}`)
  return card.value.cardRef
}

/** What a cheaper exchange took off the plan, from its `plan.exchange_applied` event. */
function reductionOf(outcome: RevisionOutcome): number {
  const applied = outcome.events.find((e) => e.type === "plan.exchange_applied")
  const cents = (applied?.data as { amount?: unknown } | undefined)?.amount
  if (typeof cents !== "number") throw new Error("a cheaper exchange's revision has no plan.exchange_applied event with its amount")
  return cents
}
