/**
 * The shopper's e-mails, sent when the module announces a committed change to a plan (see
 * src/modules/instalments/plugin-events.ts). Rendering and sending: src/notifications/send.ts.
 *
 *   instalment_plan.confirmed       → plan confirmed (card verified, for a deferred start)
 *   instalment_plan.updated         → plan updated, when the schedule or the card changed and
 *                                     something remains to pay (regular collection sends nothing)
 *   instalment_plan.payment_failed  → payment failed
 *   instalment_plan.completed       → plan completed
 *
 * Each e-mail carries an idempotency key, so a redelivered event never sends it twice.
 */
import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { INSTALMENTS_MODULE } from "../modules/instalments"
import { INSTALMENT_PLAN_EVENTS } from "../modules/instalments/plugin-events"
import type { PlanRow } from "../modules/instalments/mapping"
import type InstalmentsModuleService from "../modules/instalments/service"
import { sendPlanEmail } from "../notifications/send"
import { readStoreClock } from "../workflows/store-clock"

type PlanEventData = {
  id: string
  event_types?: string[]
  instalment_numbers?: number[]
  attempt?: number | null
  failed_at?: string | null
  /** Why the charge failed (payment_failed): the port's failure code. */
  reason?: string | null
  version?: number
}

/** History entries after which the shopper gets the new schedule. */
const SCHEDULE_CHANGES = new Set([
  "plan.early_payment_requested",
  "plan.postponed",
  "plan.card_changed",
  "plan.refund_applied",
  "plan.exchange_applied",
  "plan.exchange_payment_recorded",
  "plan.late_fee_applied",
  "plan.terminated",
  "plan.started",
  "plan.unfrozen",
])

export default async function instalmentPlanEmails({ event, container }: SubscriberArgs<PlanEventData>) {
  const { id } = event.data
  await readStoreClock(container)
  const instalments = container.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  switch (event.name) {
    case INSTALMENT_PLAN_EVENTS.confirmed: {
      const plan = await instalments.loadPlan(id)
      if (!plan) return
      const kind = plan.status === "pending_start" ? "cardVerified" : "planConfirmed"
      await sendPlanEmail(container, plan, kind, { idempotencyKey: `instalments:confirmed:${id}`, trigger: event.name })
      return
    }
    case INSTALMENT_PLAN_EVENTS.updated: {
      if (!(event.data.event_types ?? []).some((type) => SCHEDULE_CHANGES.has(type))) return
      const plan = await instalments.loadPlan(id)
      // Nothing left to pay: the completed e-mail (or the page's answer) says it better.
      if (!plan?.next_due_date) return
      await sendPlanEmail(container, plan, "planUpdated", { idempotencyKey: await updatedKey(instalments, event.data), trigger: event.name })
      return
    }
    case INSTALMENT_PLAN_EVENTS.paymentFailed: {
      const numbers = event.data.instalment_numbers ?? []
      const plan = await instalments.loadPlan(id)
      if (!plan) return
      await sendPlanEmail(container, plan, "paymentFailed", {
        instalmentNumbers: numbers,
        failureReason: event.data.reason,
        idempotencyKey: paymentFailedKey(event.data, plan),
        trigger: event.name,
      })
      return
    }
    case INSTALMENT_PLAN_EVENTS.completed:
      await sendPlanEmail(container, id, "planCompleted", { idempotencyKey: `instalments:completed:${id}`, trigger: event.name })
      return
  }
}

/**
 * One e-mail per failed attempt, keyed by what the event says (the attempt, or when a declined
 * early payment failed): a worker that handles the events late, after more attempts were made,
 * would otherwise read the latest count for each and send one e-mail for them all.
 */
function paymentFailedKey(data: PlanEventData, plan: PlanRow): string {
  const numbers = data.instalment_numbers ?? []
  const base = `instalments:payment_failed:${data.id}:${numbers.join("-")}`
  if (typeof data.attempt === "number") return `${base}:${data.attempt}`
  if (data.failed_at) return `${base}:at:${data.failed_at}`
  // An event emitted before events carried their attempt (still queued during an upgrade).
  return `${base}:${plan.instalments?.find((i) => i.number === numbers[0])?.attempts ?? 0}`
}

/** One e-mail per change, named by the plan's version after it, as the event says (not as read later). */
async function updatedKey(instalments: InstalmentsModuleService, data: PlanEventData): Promise<string> {
  if (typeof data.version === "number") return `instalments:updated:${data.id}:v${data.version}`
  // An event emitted before events carried the version (still queued during an upgrade).
  const [latest] = await instalments.listInstalmentPlanEvents({ plan_id: data.id }, { order: { occurred_at: "DESC" }, take: 1 })
  return `instalments:updated:${data.id}:${latest?.id ?? "no-history"}`
}

export const config: SubscriberConfig = {
  event: [
    INSTALMENT_PLAN_EVENTS.confirmed,
    INSTALMENT_PLAN_EVENTS.updated,
    INSTALMENT_PLAN_EVENTS.paymentFailed,
    INSTALMENT_PLAN_EVENTS.completed,
  ],
  context: { subscriberId: "instalments-plan-emails" },
}
