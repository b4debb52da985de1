/**
 * The exchange rows (models/instalment-exchange.ts), in SQL: every write runs in the caller's
 * transaction under the plan's row lock (an exchange's revision, the arming of its Medusa refund,
 * the provider recognising that refund, the shopper's payment), so the plan and its exchanges
 * always agree. One statement per call.
 */
import { entityIds, type Run } from "../sql"

export type ExchangeStatus = "refund_awaited" | "refund_armed" | "settled" | "payment_awaited" | "paid"

export interface ExchangeRow {
  id: string
  plan_id: string
  exchange_id: string
  difference_cents: number
  currency_code: string
  status: ExchangeStatus
  refund_nonce: string | null
  armed_at: Date | null
  medusa_refund_id: string | null
  payment_collection_id: string | null
  paying_key: string | null
  collection_problem: string | null
  settled_at: Date | null
  created_at: Date
  updated_at: Date
}

/**
 * How long an armed refund stands for its exchange. The plugin issues the refund right after arming
 * it, and Medusa calls the provider within the same request; a marker older than this was left by
 * a crash in between (that refund never reached the plan), so it no longer stands for anything.
 */
export const ARMED_REFUND_MS = 5 * 60_000

export interface NewExchange {
  plan_id: string
  exchange_id: string
  difference_cents: number
  currency_code: string
  payment_collection_id: string | null
}

/** A marker's nonce: names one arming, so only the run that armed it takes it down. */
export function newRefundNonce(): string {
  return entityIds("iexn", 1, new Date())[0]
}

/** Records an exchange applied to its plan: awaiting Medusa's refund (cheaper) or the shopper's payment (dearer). */
export async function insertExchange(run: Run, exchange: NewExchange): Promise<void> {
  const [id] = entityIds("iexc", 1, new Date())
  const status: ExchangeStatus = exchange.difference_cents < 0 ? "refund_awaited" : "payment_awaited"
  await run(
    `insert into instalment_exchange (id, plan_id, exchange_id, difference_cents, currency_code, status, payment_collection_id)
     values (?, ?, ?, ?, ?, ?, ?)`,
    [id, exchange.plan_id, exchange.exchange_id, exchange.difference_cents, exchange.currency_code, status, exchange.payment_collection_id],
  )
}

export async function exchangesOfPlan(run: Run, planId: string): Promise<ExchangeRow[]> {
  return (await run(`select * from instalment_exchange where plan_id = ? and deleted_at is null order by created_at, id`, [planId])) as ExchangeRow[]
}

/**
 * Arms the refund of a cheaper exchange about to be issued in Medusa: the row, when it awaits its
 * refund and no other refund of the plan is armed. Markers a crash left (older than
 * ARMED_REFUND_MS) are released first. Null when the exchange is not awaiting its refund.
 */
export async function armRefund(run: Run, planId: string, exchangeId: string, nonce: string): Promise<ExchangeRow | null> {
  await run(
    `update instalment_exchange set status = 'refund_awaited', refund_nonce = null, armed_at = null, updated_at = now()
      where plan_id = ? and status = 'refund_armed' and armed_at <= now() - (? * interval '1 millisecond') and deleted_at is null`,
    [planId, ARMED_REFUND_MS],
  )
  const [armed] = (await run(
    `update instalment_exchange set status = 'refund_armed', refund_nonce = ?, armed_at = now(), updated_at = now()
      where plan_id = ? and exchange_id = ? and status = 'refund_awaited' and deleted_at is null
        and not exists (select 1 from instalment_exchange a where a.plan_id = ? and a.status = 'refund_armed' and a.deleted_at is null)
      returning *`,
    [nonce, planId, exchangeId, planId],
  )) as ExchangeRow[]
  return armed ?? null
}

/** The plan's armed refund, while it stands (see ARMED_REFUND_MS). */
export async function armedRefund(run: Run, planId: string): Promise<ExchangeRow | null> {
  const [armed] = (await run(
    `select * from instalment_exchange
      where plan_id = ? and status = 'refund_armed' and armed_at > now() - (? * interval '1 millisecond') and deleted_at is null`,
    [planId, ARMED_REFUND_MS],
  )) as ExchangeRow[]
  return armed ?? null
}

/** The armed refund reached the provider as Medusa's refund `medusaRefundId`: the exchange is settled. */
export async function settleRefund(run: Run, id: string, medusaRefundId: string): Promise<void> {
  await run(
    `update instalment_exchange set status = 'settled', medusa_refund_id = ?, settled_at = now(), updated_at = now()
      where id = ? and status = 'refund_armed'`,
    [medusaRefundId, id],
  )
}

/**
 * Takes the marker `nonce` down, when it is still armed: back to `refund_awaited` (the refund did
 * not go through), or to `settled` without a refund id (it went through but was not recognised).
 * Whether it was still armed.
 */
export async function disarmRefund(run: Run, planId: string, exchangeId: string, nonce: string, to: "refund_awaited" | "settled"): Promise<boolean> {
  const set =
    to === "settled"
      ? `status = 'settled', settled_at = now()`
      : // Not issued: the next attempt arms it again, with its own nonce.
        `status = 'refund_awaited', refund_nonce = null, armed_at = null`
  const rows = await run(
    `update instalment_exchange set ${set}, updated_at = now()
      where plan_id = ? and exchange_id = ? and status = 'refund_armed' and refund_nonce = ?
      returning id`,
    [planId, exchangeId, nonce],
  )
  return rows.length > 0
}

/** The shopper's payment `payingKey` is about to charge what the plan's dearer exchanges await: it covers these. */
export async function linkPayment(run: Run, planId: string, payingKey: string): Promise<void> {
  await run(`update instalment_exchange set paying_key = ?, updated_at = now() where plan_id = ? and status = 'payment_awaited' and deleted_at is null`, [
    payingKey,
    planId,
  ])
}

/**
 * The exchanges whose payment went through (the operation of their `paying_key` is completed with
 * a succeeded charge): now `paid`. Answers them. Whatever request runs it: one that stopped right
 * after its charge leaves its exchanges for the next.
 */
export async function markPaid(run: Run, planId: string): Promise<ExchangeRow[]> {
  return (await run(
    `update instalment_exchange x set status = 'paid', updated_at = now()
      where x.plan_id = ? and x.status = 'payment_awaited' and x.paying_key is not null and x.deleted_at is null
        and exists (
          select 1 from instalment_operation o join instalment_movement m on m.operation_id = o.id
           where o.idempotency_key = x.paying_key and o.plan_id = x.plan_id and o.status = 'completed' and o.deleted_at is null
             and m.kind = 'charge' and m.status = 'succeeded' and m.deleted_at is null)
      returning *`,
    [planId],
  )) as ExchangeRow[]
}

/** Medusa's side of a paid exchange: its collection marked paid (`settled`), or why it was left alone. */
export async function recordCollection(run: Run, id: string, problem: string | null): Promise<void> {
  if (problem === null) {
    await run(`update instalment_exchange set status = 'settled', collection_problem = null, settled_at = now(), updated_at = now() where id = ? and status = 'paid'`, [id])
  } else {
    await run(`update instalment_exchange set collection_problem = ?, updated_at = now() where id = ? and status = 'paid'`, [problem, id])
  }
}
