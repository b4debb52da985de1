/**
 * Keeps an Alma plan's mirror up to date: builds what `InstalmentsModuleService.mirrorLenderPlan`
 * writes (columns, history events) from Alma's payment, re-fetched from Alma every time (an IPN,
 * a return or a request never carries the state: we ask Alma). Alma is read before the mirror's
 * transaction, never under the plan's lock; since two readers may then write in either order, each
 * write carries when its read began (`readAt`), and an older read leaves a newer mirror alone.
 *
 * History events of Alma plans:
 *  - `plan.created`        the mirror is created when Alma accepted the payment;
 *  - `alma.synced`         Alma's copy changed (instalment paid, late, postponed...), with what changed;
 *  - `plan.status_changed` the plan's status moved, as for direct plans;
 *  - `alma.refund`         a refund sent to Alma: our engine's prediction and what Alma did, and any difference;
 *  - `alma.triggered`      the deferred payment started (shipment);
 *  - `alma.cancelled`      the payment was cancelled at Alma before it started;
 *  - `alma.request_refused` Alma refused a refund, trigger or cancellation: nothing moved.
 * (`alreadyAtAlma` on the last three: found in Alma's records, not from the answer to our call.)
 */
import { money } from "../../domain/money"
import type { LedgerEvent, RevisionContext } from "../../domain/outcome"
import { applyRefund } from "../../domain/revisions/refund"
import { planToSnapshot, type PlanRow } from "../../modules/instalments/mapping"
import type InstalmentsModuleService from "../../modules/instalments/service"
import type { MirrorLenderPlanWrite } from "../../modules/instalments/service"
import { almaMetadata, mirrorColumns, scheduleOf, type MirrorColumns } from "./mirror"
import type { AlmaClient } from "./client"
import type { AlmaPayment } from "./schemas"

/** The terms the shopper accepted are Alma's, on Alma's page: recorded as such. */
export const ALMA_TERMS_VERSION = "alma"

/** What only Medusa knows about the shopper (from the payment session). */
export interface ShopperFacts {
  cart_id?: string | null
  customer_id?: string | null
  /** The customer logged in when the session started: the plan's owner. */
  owner_customer_id?: string | null
  email?: string | null
  phone?: string | null
  locale?: string | null
}

/** A payment as read from Alma, and when the read began (real time: it orders reads across processes). */
export interface AlmaRead {
  payment: AlmaPayment
  readAt: Date
}

export async function readPayment(client: Pick<AlmaClient, "getPayment">, paymentId: string): Promise<AlmaRead> {
  const readAt = new Date()
  return { payment: await client.getPayment(paymentId), readAt }
}

/** Whether the mirror already holds a read of Alma that began after `readAt`. */
function newerReadWritten(current: PlanRow, readAt: Date | undefined): boolean {
  const written = ((current.metadata as { alma?: { read_at?: unknown } } | null)?.alma?.read_at ?? null) as string | null
  return Boolean(readAt && typeof written === "string" && Date.parse(written) > readAt.getTime())
}

export function createWrite(payment: AlmaPayment, shopper: ShopperFacts, timeZone: string, now: Date, readAt?: Date): MirrorLenderPlanWrite {
  const columns = mirrorColumns(payment, timeZone, now)
  return {
    plan: {
      ...columns.plan,
      cart_id: shopper.cart_id ?? null,
      customer_id: shopper.customer_id ?? null,
      owner_customer_id: shopper.owner_customer_id ?? null,
      email: shopper.email ?? null,
      phone: shopper.phone ?? null,
      locale: shopper.locale ?? "en",
      terms_version: ALMA_TERMS_VERSION,
      terms_accepted_at: now,
      metadata: { alma: almaMetadata(payment, now, readAt) },
    },
    instalments: columns.instalments,
    events: [
      {
        type: "plan.created",
        data: {
          lender: "alma",
          almaPaymentId: payment.id,
          plan: columns.snapshot.code,
          total: columns.snapshot.total,
          customerFeeTotal: columns.snapshot.customerFeeTotal,
          status: columns.plan.status,
          schedule: scheduleOf(columns.instalments),
        },
      },
    ],
  }
}

interface InstalmentChange {
  number: number
  from: { amount: number; status: string; dueDate: string } | null
  to: { amount: number; status: string; dueDate: string }
}

function instalmentChanges(current: PlanRow, next: MirrorColumns): InstalmentChange[] {
  const before = new Map((current.instalments ?? []).map((i) => [i.number, i]))
  const changes: InstalmentChange[] = []
  for (const i of next.instalments) {
    const was = before.get(i.number)
    const to = { amount: i.amount_cents, status: i.status, dueDate: i.due_date }
    const from = was ? { amount: was.amount_cents, status: was.status, dueDate: was.due_date } : null
    if (!from || from.amount !== to.amount || from.status !== to.status || from.dueDate !== to.dueDate) changes.push({ number: i.number, from, to })
  }
  return changes
}

/**
 * The refresh of an existing mirror, or null when Alma's copy says nothing new. `extraEvents`
 * (a refund, a trigger) are written even when the columns did not change, or when the mirror
 * already holds a newer read of Alma (`readAt`), which the columns then leave as it is.
 */
export function refreshWrite(
  current: PlanRow,
  payment: AlmaPayment,
  input: { cause: string; timeZone: string; now: Date; readAt?: Date; extraEvents?: LedgerEvent[] },
): MirrorLenderPlanWrite | null {
  if (newerReadWritten(current, input.readAt)) {
    return input.extraEvents?.length ? { plan: {}, instalments: [], events: [...input.extraEvents] } : null
  }
  const next = mirrorColumns(payment, input.timeZone, input.now)
  // A freeze is the merchant's measure (fraud investigation): Alma's copy does not lift it.
  const status = current.status === "frozen" && !["completed", "cancelled"].includes(next.plan.status) ? "frozen" : next.plan.status
  const changes = instalmentChanges(current, next)
  const moneyChanged =
    current.paid_total_cents !== next.plan.paid_total_cents ||
    current.refunded_total_cents !== next.plan.refunded_total_cents ||
    current.reduced_total_cents !== next.plan.reduced_total_cents
  const events: LedgerEvent[] = [...(input.extraEvents ?? [])]
  if (changes.length || moneyChanged || status !== current.status) {
    events.push({
      type: "alma.synced",
      data: {
        cause: input.cause,
        almaState: payment.state,
        instalments: changes,
        paidTotal: next.plan.paid_total_cents,
        refundedTotal: next.plan.refunded_total_cents,
        reducedTotal: next.plan.reduced_total_cents,
      },
    })
  }
  if (status !== current.status) events.push({ type: "plan.status_changed", data: { from: current.status, to: status, cause: input.cause } })
  if (events.length === 0) return null
  const metadata = { ...((current.metadata as Record<string, unknown> | null) ?? {}), alma: almaMetadata(payment, input.now, input.readAt) }
  return { plan: { ...next.plan, status, metadata }, instalments: next.instalments, events }
}

/** What our engine predicts a refund does to the plan (the admin preview shows the same). */
export function predictRefund(current: PlanRow, amountCents: number, ctx: RevisionContext) {
  const result = applyRefund(planToSnapshot(current), { amount: money(amountCents, current.currency_code) }, ctx)
  if (!result.ok) return { error: result.error.code, schedule: null }
  return {
    error: null,
    schedule: result.value.plan.instalments.map((i) => ({ number: i.number, amount: i.amount, status: i.status })),
    refundedToCard: result.value.movements.filter((m) => m.kind === "refund").reduce((total, m) => total + m.amount.cents, 0),
  }
}

/** Where Alma's revised schedule differs from our engine's prediction (instalment numbers and both amounts). */
export function scheduleDifferences(
  predicted: { number: number; amount: number; status: string }[] | null,
  actual: { number: number; amount_cents: number; status: string }[],
) {
  if (!predicted) return []
  const byNumber = new Map(predicted.map((p) => [p.number, p]))
  return actual
    .filter((a) => {
      const p = byNumber.get(a.number)
      return !p || p.amount !== a.amount_cents || p.status !== a.status
    })
    .map((a) => ({ number: a.number, predicted: byNumber.get(a.number) ?? null, alma: { amount: a.amount_cents, status: a.status } }))
}

/** Refreshes the mirror of a session's Alma payment (an IPN, the job, an action): Alma is read first, then the mirror written. */
export async function syncAlmaPlan(
  instalments: InstalmentsModuleService,
  fetchPayment: () => Promise<AlmaPayment>,
  input: { sessionId: string; cause: string; actor?: string },
) {
  const readAt = new Date()
  const payment = await fetchPayment()
  return instalments.mirrorLenderPlan({
    sessionId: input.sessionId,
    actor: input.actor ?? "alma",
    build: (current) =>
      current ? refreshWrite(current, payment, { cause: input.cause, timeZone: instalments.engineConfig.timeZone, now: instalments.now(), readAt }) : null,
  })
}
