/**
 * A shopper opens a support request about their plan (docs/business-rules.md §9): the category
 * and message are checked by the engine (src/domain/support-request.ts), the reply clock starts
 * (src/domain/support-clock.ts, the store's time zone and holidays), and the request, its first
 * message and the entry in the plan's history are written in one transaction under the plan's
 * lock. With an idempotency key, the same request sent again answers the request already opened.
 */
import type { Result } from "../../../domain/result"
import { replyDueAt } from "../../../domain/support-clock"
import { checkSupportCategory, checkSupportMessage } from "../../../domain/support-request"
import type { ModuleDeps } from "../deps"
import { invalidInput, keyReused } from "../errors"
import { appendEvents, holdPlanLock } from "../ledger"
import { loadSupportRequest, type SupportRequestView } from "./views"

function checked<T>(result: Result<T>): T {
  if (!result.ok) throw invalidInput(`${result.error.code}: ${result.error.message}`, result.error.code)
  return result.value
}

export async function openSupportRequest(
  deps: ModuleDeps,
  planId: string,
  input: { category: unknown; message: unknown },
  options: { actor: string; idempotencyKey?: string },
): Promise<SupportRequestView> {
  const category = checked(checkSupportCategory(input.category))
  const message = checked(checkSupportMessage(input.message))
  const now = deps.now()
  const dueAt = replyDueAt(now, category, { timeZone: deps.engineConfig.timeZone, holidays: deps.engineConfig.supportHolidays })
  const requestId = await deps.transaction(async (run, context) => {
    await holdPlanLock(run, planId)
    if (options.idempotencyKey !== undefined) {
      const [earlier] = await deps.entities.listInstalmentPlanEvents({ plan_id: planId, idempotency_key: options.idempotencyKey }, { take: 1 }, context)
      if (earlier) {
        const data = earlier.data as { requestId?: string; category?: string; message?: string }
        if (earlier.type !== "support.request_opened" || data.category !== category || data.message !== message) throw keyReused(options.idempotencyKey)
        return data.requestId as string
      }
    }
    const [request] = await deps.entities.createInstalmentSupportRequests([{ plan_id: planId, category, status: "open", opened_at: now, reply_due_at: dueAt }], context)
    await deps.entities.createInstalmentSupportMessages([{ request_id: request.id, author: "shopper", body: message, sent_at: now }], context)
    const event = { type: "support.request_opened", data: { requestId: request.id, category, message, replyDueAt: dueAt.toISOString() } }
    await appendEvents(deps, planId, [event], options.actor, options.idempotencyKey, context)
    return request.id
  })
  return (await loadSupportRequest(deps, requestId)) as SupportRequestView
}
