/**
 * The lender (Alma) mirror. A lender funds the order and collects the instalments; the plugin keeps
 * a copy of its plan in the same tables, so the admin, the self-service JSON and the history show
 * it like a direct plan. No card processor is involved: the caller says what to write. The lender
 * is never called from here: the caller reads it before, and a money-moving call (a refund, a
 * trigger, a cancellation) is recorded first (`recordLenderOperation`), made with no transaction
 * open, then its answer written here with the mirror (`settles`), as the card operations are
 * (operations/lender.ts).
 */
import type { Context } from "@medusajs/framework/types"
import type { LedgerEvent } from "../../domain/outcome"
import type { ModuleDeps } from "./deps"
import { appendEvents, hasEvent, holdPlanLock } from "./ledger"
import type { PlanRow } from "./mapping"
import { executingLenderOperation, settleLenderOperation, type LenderSettlement } from "./operations/lender"
import { shopperKeys } from "./linked/shopper-keys"
import type { Run } from "./sql"

/** What `mirrorLenderPlan` writes: plan and instalment columns (amounts in cents) and history events. */
export interface MirrorLenderPlanWrite {
  plan: Record<string, unknown>
  instalments: (Record<string, unknown> & { number: number })[]
  events: LedgerEvent[]
}

export interface MirrorLenderPlanInput {
  /** The Medusa payment session the lender's payment belongs to (one plan per session). */
  sessionId: string
  /**
   * What to write, from the current row and what the caller read from the lender beforehand.
   * Synchronous on purpose: it runs under the plan's row lock, where nothing may wait on a network.
   */
  build: (current: PlanRow | null) => MirrorLenderPlanWrite | null
  actor: string
  idempotencyKey?: string
  /** The lender operation whose answer this write records (written with it, once; see `recordLenderOperation`). */
  settles?: LenderSettlement
}

type Mirrored = { plan: PlanRow | null; written: boolean }

/**
 * Creates or refreshes the mirror of a lender's payment, keyed by the Medusa payment session.
 * `build` runs under the plan's row lock with the current row (null before the first write) and
 * returns the columns and history events to write, or null when nothing changed: it only shapes
 * what the caller already read from the lender (no network under the lock). A replayed
 * `idempotencyKey` writes nothing; with `settles`, the replay check is the operation's: once its
 * answer is recorded, nothing more is written. When two writers create the same plan at once
 * (Alma's IPN and the shopper's return), the loser of the unique index on the session runs
 * again as an update.
 */
export async function mirrorLenderPlan(deps: ModuleDeps, input: MirrorLenderPlanInput): Promise<Mirrored> {
  const existed = Boolean(await deps.entities.findPlanBySession(input.sessionId, { withInstalments: false }))
  try {
    return await deps.transaction((run, context) => mirrorUnderLock(deps, { run, context }, input))
  } catch (error) {
    // Only a lost creation race runs again (as an update): any other failure is the caller's to see.
    if (existed || !(await deps.entities.findPlanBySession(input.sessionId, { withInstalments: false }))) throw error
    return deps.transaction((run, context) => mirrorUnderLock(deps, { run, context }, input))
  }
}

async function mirrorUnderLock(deps: ModuleDeps, tx: { run: Run; context: Context }, input: MirrorLenderPlanInput): Promise<Mirrored> {
  const { entities } = deps
  const { run, context } = tx
  const found = await entities.findPlanBySession(input.sessionId, { withInstalments: false }, context)
  if (found) await holdPlanLock(run, found.id)
  const operation = input.settles ? await executingLenderOperation(run, input.settles.key) : null
  const replayed = input.settles ? !operation : Boolean(found && input.idempotencyKey && (await hasEvent(entities, found.id, input.idempotencyKey, context)))
  if (replayed) return { plan: found ? await entities.loadPlan(found.id, undefined, context) : null, written: false }
  const current = found ? await entities.loadPlan(found.id, undefined, context) : null
  const write = input.build(current)
  if (operation && input.settles) await settleLenderOperation(run, operation, input.settles)
  if (!write) return { plan: current, written: Boolean(operation) }
  const planId = await writeMirror(deps, context, current, write, input)
  return { plan: await entities.loadPlan(planId, undefined, context), written: true }
}

/** The linking keys of the e-mail and phone the write sets, if it sets them. */
function keysOf(plan: Record<string, unknown>): Partial<ReturnType<typeof shopperKeys>> {
  const keys = shopperKeys({ email: plan.email as string | null, phone: plan.phone as string | null })
  return { ...("email" in plan ? { email_key: keys.email_key } : {}), ...("phone" in plan ? { phone_key: keys.phone_key } : {}) }
}

async function writeMirror(deps: ModuleDeps, context: Context, current: PlanRow | null, write: MirrorLenderPlanWrite, input: MirrorLenderPlanInput): Promise<string> {
  const { entities } = deps
  let planId: string
  if (!current) {
    const created = await entities.createInstalmentPlans({ ...write.plan, ...keysOf(write.plan), payment_session_id: input.sessionId } as any, context)
    planId = created.id
    await entities.createInstalments(write.instalments.map((i) => ({ ...i, plan_id: planId })) as any, context)
  } else {
    planId = current.id
    await entities.updateInstalmentPlans({ id: planId, ...write.plan, ...keysOf(write.plan) } as any, context)
    const byNumber = new Map((current.instalments ?? []).map((i) => [i.number, i]))
    for (const columns of write.instalments) {
      const existing = byNumber.get(columns.number)
      if (existing) await entities.updateInstalments({ id: existing.id, ...columns } as any, context)
      else await entities.createInstalments({ ...columns, plan_id: planId } as any, context)
    }
  }
  if (write.events.length) await appendEvents(deps, planId, write.events, input.actor, input.idempotencyKey, context)
  return planId
}
