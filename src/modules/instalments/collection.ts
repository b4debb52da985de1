/**
 * Collection, what the daily job does to each plan it examines (pure), and the candidates query.
 * The batch itself (decide under the locks, charge outside any transaction, record) is
 * operations/collect-batch.ts.
 *
 * Per plan, in this order (each step is an engine revision, composed in memory):
 *  1. a freeze whose period is over is lifted (`releaseExpiredFreeze`);
 *  2. what is due is charged (`collectDueRevision`, then `applyChargeOutcome`): a decline is
 *     recorded and the retry schedule takes over. The charge carries `collectionAttemptKey`, so a
 *     second worker, a retried job or a run after a crash asks the processor for the same charge,
 *     never a second one;
 *  3. instalments more than 15 days overdue are marked late (`evaluateDelays`).
 * Charging comes before the delay check so that an instalment the clock jumped past is still
 * charged once before it is marked late.
 */
import type { LocalDate } from "../../domain/calendar"
import type { ChargeMovement, LedgerEvent, RevisionContext, RevisionOutcome } from "../../domain/outcome"
import type { PlanSnapshot } from "../../domain/plan"
import type { Result } from "../../domain/result"
import { applyChargeOutcome, type ChargeAnswer } from "../../domain/revisions/charge-outcome"
import { collectDueRevision, collectionAttemptKey } from "../../domain/revisions/collect"
import { evaluateDelays } from "../../domain/revisions/delays"
import { releaseExpiredFreeze } from "../../domain/revisions/freeze"
import type { PlanRow } from "./mapping"
import type { Run } from "./sql"

/**
 * Plans of a batch charged at the same time. A real processor answers a charge in a few hundred
 * milliseconds; charged one after another, a batch would take that latency times its size. Each
 * plan is charged once whatever the order (its operation is recorded first, its charge carries
 * its attempt key).
 */
export const CHARGES_IN_FLIGHT = 8

/** `fn` over `items`, at most `limit` running at once; the answers in the items' order. */
export async function mapConcurrently<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await fn(items[index])
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  return results
}

/** Plan statuses the collection charges. */
export const COLLECTED_STATUSES = ["active", "late", "serious_delay", "terminated"] as const

/** What one collection run (or one batch of it) did. */
export interface CollectionSummary {
  /** Plans read under lock. */
  examined: number
  /** Plans whose charge succeeded. */
  charged: number
  /** Plans whose charge was declined (a retry follows, or the plan is late). */
  failed: number
  /** Plans with nothing to do today (a retry not due yet, a freeze...). */
  skipped: number
  /** Plans a freeze was lifted from. */
  unfrozen: number
  /** Plans where an instalment became more than 15 days overdue. */
  seriousDelays: number
  /**
   * Plans left for the next run: the processor was unavailable, or they were busy with another
   * operation. (Plans another run has claimed are not counted: that run collects them.)
   */
  errors: number
  /** Cents charged successfully and declined. */
  chargedCents: number
  failedCents: number
}

export function emptySummary(): CollectionSummary {
  return { examined: 0, charged: 0, failed: 0, skipped: 0, unfrozen: 0, seriousDelays: 0, errors: 0, chargedCents: 0, failedCents: 0 }
}

export function addSummaries(a: CollectionSummary, b: CollectionSummary): CollectionSummary {
  const sum = emptySummary()
  for (const key of Object.keys(sum) as (keyof CollectionSummary)[]) sum[key] = a[key] + b[key]
  return sum
}

/** The composed result for one plan: its revised snapshot, its events, each with the key it carries. */
export interface PlanCollection {
  planId: string
  before: PlanSnapshot
  outcome: RevisionOutcome
  /** Idempotency key of each event, by index in `outcome.events` (the attempt key on the attempt event). */
  keys: Map<number, string>
  charge?: { key: string; movement: ChargeMovement; succeeded: boolean }
}

/** Applies `revision` when it has something to say (`no_change` and other refusals leave the plan as it is). */
function fold(
  current: { plan: PlanSnapshot; events: LedgerEvent[] },
  result: Result<RevisionOutcome>,
): boolean {
  if (!result.ok) return false
  current.plan = result.value.plan
  current.events.push(...result.value.events)
  return true
}

/** The plan as collection sees it today: a freeze whose period is over is lifted first. */
function releasedToday(before: PlanSnapshot, ctx: RevisionContext) {
  const current = { plan: before, events: [] as LedgerEvent[] }
  fold(current, releaseExpiredFreeze(current.plan, {}, ctx))
  return current
}

/** The charge collection makes on this plan today, with its attempt key, if anything is due. */
export function dueCharge(planId: string, before: PlanSnapshot, ctx: RevisionContext): { key: string; movement: ChargeMovement } | undefined {
  const { plan } = releasedToday(before, ctx)
  const due = collectDueRevision(plan, {}, ctx)
  if (!due.ok) return undefined
  const movement = due.value.movements[0] as ChargeMovement
  return { key: collectionAttemptKey(planId, plan, movement), movement }
}

/**
 * Everything collection does to one plan today: a freeze that is over is lifted, the charge due
 * gets `answer` (none: no charge is made today, e.g. another run already made this attempt), then
 * instalments more than 15 days overdue are marked late. Pure: the batch decides the charge with
 * `dueCharge`, asks the processor, then calls this with the answer, possibly in another process.
 */
export function collectionOutcome(planId: string, before: PlanSnapshot, ctx: RevisionContext, answer?: ChargeAnswer): PlanCollection {
  const current = releasedToday(before, ctx)
  const keys = new Map<number, string>()
  let charge: PlanCollection["charge"]
  const due = answer ? collectDueRevision(current.plan, {}, ctx) : undefined
  if (answer && due?.ok) {
    const movement = due.value.movements[0] as ChargeMovement
    const key = collectionAttemptKey(planId, current.plan, movement)
    keys.set(current.events.length, key)
    current.events.push(...due.value.events)
    const settled = applyChargeOutcome(due.value.plan, movement, answer, ctx)
    if (!settled.ok) throw new Error(`collection of plan ${planId}: ${settled.error.code}: ${settled.error.message}`)
    current.plan = settled.value.plan
    current.events.push(...settled.value.events)
    charge = { key, movement, succeeded: answer.status === "succeeded" }
  }
  fold(current, evaluateDelays(current.plan, {}, ctx))
  return { planId, before, outcome: { plan: current.plan, movements: [], events: current.events }, keys, charge }
}

/** Adds what one plan's collection did to a summary. */
export function summarise(summary: CollectionSummary, result: PlanCollection): void {
  summary.examined++
  const types = result.outcome.events.map((e) => e.type)
  if (types.includes("plan.unfrozen")) summary.unfrozen++
  if (types.includes("plan.serious_delay")) summary.seriousDelays++
  if (!result.charge) {
    summary.skipped++
  } else if (result.charge.succeeded) {
    summary.charged++
    summary.chargedCents += result.charge.movement.amount.cents
  } else {
    summary.failed++
    summary.failedCents += result.charge.movement.amount.cents
  }
}

// ---- bulk SQL ----------------------------------------------------------------------------------

/** Which plans collection may act on `today`: the condition both queries below share. */
function candidateCondition(input: { today: LocalDate; processor: string }): { sql: string; params: unknown[] } {
  // Only the plans this plugin collects: a lender (Alma) collects its own.
  return {
    sql: `instalment_plan.deleted_at is null and instalment_plan.processor = ?
        -- a plan busy with an operation is left to the run after it is settled
        and not exists (select 1 from instalment_operation o where o.plan_id = instalment_plan.id and o.status = 'executing' and o.deleted_at is null)
        and ((instalment_plan.status in (${COLLECTED_STATUSES.map(() => "?").join(", ")}) and instalment_plan.next_due_date <= ?)
          or (instalment_plan.status = 'frozen' and instalment_plan.frozen_until <= ?))`,
    params: [input.processor, ...COLLECTED_STATUSES, input.today, input.today],
  }
}

/**
 * Candidates of a run, after `after` in id order (keyset pagination: each page is an index walk
 * from where the last one stopped, whatever the number of plans). A plan is a candidate when
 * something may be due (an unpaid instalment due today or before: a first charge, a retry, a
 * delay to record) or when its freeze is over. Nothing is locked: the caller locks and reads the
 * rows again before acting.
 */
export async function selectCandidateIds(
  run: Run,
  input: { today: LocalDate; after: string; limit: number; processor: string },
): Promise<string[]> {
  const condition = candidateCondition(input)
  const rows = (await run(`select id from instalment_plan where id > ? and ${condition.sql} order by id limit ?`, [
    input.after,
    ...condition.params,
    input.limit,
  ])) as { id: string }[]
  return rows.map((r) => r.id)
}

/**
 * Claims the next candidates after `after`, in the caller's transaction: their rows are locked
 * until it commits, and rows another transaction holds (another run's claim, a shopper's payment)
 * are skipped, not waited for. Several runs at once therefore take disjoint batches, and none of
 * them waits on another. Answers the locked plan rows, in id order (without their instalments).
 */
export async function claimCandidates(
  run: Run,
  input: { today: LocalDate; after: string; limit: number; processor: string },
): Promise<PlanRow[]> {
  const condition = candidateCondition(input)
  return (await run(`select * from instalment_plan where id > ? and ${condition.sql} order by id limit ? for update skip locked`, [
    input.after,
    ...condition.params,
    input.limit,
  ])) as PlanRow[]
}
