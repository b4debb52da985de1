/**
 * A plan's history (`instalment_plan_event`, append-only): entries written outside a revision (a
 * reminder sent, a link resent, a card changed, a lender's news), each once per idempotency key,
 * under the plan's row lock. Revisions write theirs through plan-writes.ts.
 */
import type { Context } from "@medusajs/framework/types"
import type { LedgerEvent } from "../../domain/outcome"
import type { ModuleDeps, ModuleEntities } from "./deps"
import { ledgerRows } from "./mapping"
import { bumpLinkVersion } from "./shopper-links/revocation"
import type { Run } from "./sql"

/** The ledger rows of one operation: its first event carries the operation's idempotency key. */
export function eventRows(planId: string, events: readonly LedgerEvent[], actor: string, idempotencyKey: string | undefined, at: Date) {
  return ledgerRows(planId, events, { actor, at, keyOf: (index) => (index === 0 ? idempotencyKey : null) })
}

/** Appends an operation's events to a plan's history, in the transaction `context` names. */
export async function appendEvents(
  deps: Pick<ModuleDeps, "entities" | "now">,
  planId: string,
  events: readonly LedgerEvent[],
  actor: string,
  idempotencyKey: string | undefined,
  context: Context,
): Promise<void> {
  await deps.entities.createInstalmentPlanEvents(eventRows(planId, events, actor, idempotencyKey, deps.now()), context)
}

/** Takes the plan's row lock in the current transaction (the row itself is read separately). */
export async function holdPlanLock(run: Run, planId: string): Promise<void> {
  await run("select id from instalment_plan where id = ? for update", [planId])
}

/**
 * Whether this plan's history already holds the operation `idempotencyKey`. Scoped to the plan:
 * the same key on another plan is not a replay of this operation (and the unique index on the
 * key then refuses the write loudly instead of silently skipping it).
 */
export async function hasEvent(entities: ModuleEntities, planId: string, idempotencyKey: string, context: Context): Promise<boolean> {
  const found = await entities.listInstalmentPlanEvents({ plan_id: planId, idempotency_key: idempotencyKey }, { take: 1 }, context)
  return found.length > 0
}

/**
 * Appends one entry to a plan's history once per key: false when that key is already recorded.
 * The plan's lock makes two workers agree on who records it. `revokeLinks` also bumps the plan's
 * link version in the same transaction (shopper-links/revocation.ts).
 */
export function recordPlanEventOnce(
  deps: ModuleDeps,
  planId: string,
  event: LedgerEvent,
  options: { actor: string; idempotencyKey: string; revokeLinks?: boolean },
): Promise<boolean> {
  return deps.transaction(async (run, context) => {
    await holdPlanLock(run, planId)
    if (await hasEvent(deps.entities, planId, options.idempotencyKey, context)) return false
    if (options.revokeLinks) await bumpLinkVersion(run, planId)
    await appendEvents(deps, planId, [event], options.actor, options.idempotencyKey, context)
    return true
  })
}
