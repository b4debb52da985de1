/**
 * The events the plugin emits on Medusa's event bus once a change to a plan is committed, so
 * subscribers (the e-mails, a store's own integrations) can react without reading the ledger.
 * Names and payloads are part of the plugin's public API: see README "Events".
 */
import type { IEventBusModuleService } from "@medusajs/framework/types"
import type { RevisionOutcome } from "../../domain/outcome"
import type { PluginLogger } from "./plugin-logger"

export const INSTALMENT_PLAN_EVENTS = {
  /** The order is placed and the plan attached to it: `{ id, order_id }`. */
  confirmed: "instalment_plan.confirmed",
  /**
   * A revision changed the plan: `{ id, cause, event_types, actor, version }`; `version` is the
   * plan's version once the change is committed (each change bumps it): it names the change.
   */
  updated: "instalment_plan.updated",
  /**
   * A charge was declined: `{ id, instalment_numbers, reason, attempt, failed_at }`; `attempt` is
   * the failed instalments' attempt number (1 on the due date, 2 for the first retry...), null for
   * a declined early payment, which is no attempt of the schedule; `failed_at` is when it failed.
   * A handler that runs late gets the attempt it is about, not the plan's count by then.
   */
  paymentFailed: "instalment_plan.payment_failed",
  /** Everything is paid: `{ id }`. */
  completed: "instalment_plan.completed",
} as const

export interface PluginEvent {
  name: string
  data: Record<string, unknown>
}

/**
 * The events a committed revision produces (none for a replay, which changed nothing); `version`
 * is the plan's version after it. Each event carries what its handlers need, so a handler that
 * runs late (a worker behind) acts on the change it is about, not on the plan as it is by then.
 */
export function pluginEventsForRevision(planId: string, outcome: RevisionOutcome | null, actor: string, version?: number): PluginEvent[] {
  if (!outcome || outcome.events.length === 0) return []
  const eventTypes = outcome.events.map((e) => e.type)
  const events: PluginEvent[] = [
    {
      name: INSTALMENT_PLAN_EVENTS.updated,
      data: { id: planId, cause: eventTypes[0], event_types: eventTypes, actor, ...(version === undefined ? {} : { version }) },
    },
  ]
  for (const failed of outcome.events.filter((e) => e.type === "plan.charge_failed")) {
    const data = failed.data as { instalments?: number[]; reason?: string; retries?: { attempts: number }[]; at?: Date | string }
    events.push({
      name: INSTALMENT_PLAN_EVENTS.paymentFailed,
      data: {
        id: planId,
        instalment_numbers: data.instalments ?? [],
        reason: data.reason ?? null,
        attempt: data.retries?.[0]?.attempts ?? null,
        failed_at: data.at ? new Date(data.at).toISOString() : null,
      },
    })
  }
  if (outcome.plan.status === "completed" && outcome.events.some(isStatusChangeTo("completed"))) {
    events.push({ name: INSTALMENT_PLAN_EVENTS.completed, data: { id: planId } })
  }
  return events
}

function isStatusChangeTo(status: string) {
  return (event: { type: string; data: unknown }) =>
    event.type === "plan.status_changed" && (event.data as { to?: string } | undefined)?.to === status
}

/**
 * Emits after the transaction committed, so a subscriber always reads what the event announces.
 * An unavailable event bus must not undo a committed change: it is logged, not thrown.
 */
export async function emitPluginEvents(eventBus: IEventBusModuleService | undefined, events: PluginEvent[], logger: PluginLogger): Promise<void> {
  if (!eventBus || events.length === 0) return
  try {
    await eventBus.emit(events.map((e) => ({ name: e.name, data: e.data })))
  } catch (error) {
    logger.warn(`medusa-instalments: could not emit ${events.map((e) => e.name).join(", ")}: ${(error as Error).message}`)
  }
}
