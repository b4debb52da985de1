/**
 * What the merchant does with a support request (docs/business-rules.md §9): reply, close, reopen.
 * Each one is checked and written under the plan's lock, with its entry in the plan's history, in
 * one transaction. A reply to a closed request is refused (reopen it first); reopening starts a new
 * reply clock from now, by the category's rule. With an idempotency key, a reply sent again answers
 * the reply already written (and its e-mail, keyed by the message, goes once).
 */
import { MedusaError } from "@medusajs/framework/utils"
import type { Context } from "@medusajs/framework/types"
import { replyDueAt } from "../../../domain/support-clock"
import { checkSupportMessage } from "../../../domain/support-request"
import type { ModuleDeps } from "../deps"
import { invalidInput, keyReused, refused } from "../errors"
import { appendEvents, holdPlanLock } from "../ledger"
import { loadSupportRequest, type SupportRequestView } from "./views"

export interface MerchantActionOptions {
  /** `admin:<user id>`, kept in the plan's history. */
  actor: string
  idempotencyKey?: string
}

export interface ReplyResult {
  request: SupportRequestView
  /** The merchant's message just written (or written by the first request with this key). */
  messageId: string
}

function notFound(id: string): MedusaError {
  return new MedusaError(MedusaError.Types.NOT_FOUND, `Support request ${id} was not found`, "support_request_not_found")
}

/** Runs `work` under the lock of the request's plan, on the request as it is under that lock. */
async function underPlanLock<T>(deps: ModuleDeps, id: string, work: (request: SupportRequestView, context: Context) => Promise<T>): Promise<T> {
  const before = await loadSupportRequest(deps, id)
  if (!before) throw notFound(id)
  return deps.transaction(async (run, context) => {
    await holdPlanLock(run, before.plan_id)
    const request = await loadSupportRequest(deps, id, context)
    if (!request) throw notFound(id)
    return work(request, context)
  })
}

export async function replyToSupportRequest(deps: ModuleDeps, id: string, input: { message: unknown }, options: MerchantActionOptions): Promise<ReplyResult> {
  const checked = checkSupportMessage(input.message)
  if (!checked.ok) throw invalidInput(`${checked.error.code}: ${checked.error.message}`, checked.error.code)
  const message = checked.value
  const messageId = await underPlanLock(deps, id, async (request, context) => {
    if (options.idempotencyKey !== undefined) {
      const [earlier] = await deps.entities.listInstalmentPlanEvents({ plan_id: request.plan_id, idempotency_key: options.idempotencyKey }, { take: 1 }, context)
      if (earlier) {
        const data = earlier.data as { requestId?: string; messageId?: string; message?: string }
        if (earlier.type !== "support.reply_sent" || data.requestId !== id || data.message !== message) throw keyReused(options.idempotencyKey)
        return data.messageId as string
      }
    }
    if (request.status === "closed") {
      throw refused("support_request_closed", "this support request is closed: reopen it (POST /admin/instalment-support-requests/:id/reopen) before replying.")
    }
    const now = deps.now()
    const [written] = await deps.entities.createInstalmentSupportMessages([{ request_id: id, author: "merchant", body: message, sent_at: now }], context)
    const event = { type: "support.reply_sent", data: { requestId: id, messageId: written.id, message } }
    await appendEvents(deps, request.plan_id, [event], options.actor, options.idempotencyKey, context)
    return written.id
  })
  return { request: (await loadSupportRequest(deps, id)) as SupportRequestView, messageId }
}

export async function closeSupportRequest(deps: ModuleDeps, id: string, options: MerchantActionOptions): Promise<SupportRequestView> {
  await underPlanLock(deps, id, async (request, context) => {
    if (request.status === "closed") throw refused("support_request_already_closed", "this support request is already closed.")
    await deps.entities.updateInstalmentSupportRequests({ id, status: "closed" }, context)
    await appendEvents(deps, request.plan_id, [{ type: "support.request_closed", data: { requestId: id } }], options.actor, options.idempotencyKey, context)
  })
  return (await loadSupportRequest(deps, id)) as SupportRequestView
}

export async function reopenSupportRequest(deps: ModuleDeps, id: string, options: MerchantActionOptions): Promise<SupportRequestView> {
  await underPlanLock(deps, id, async (request, context) => {
    if (request.status === "open") throw refused("support_request_already_open", "this support request is already open.")
    const dueAt = replyDueAt(deps.now(), request.category, { timeZone: deps.engineConfig.timeZone, holidays: deps.engineConfig.supportHolidays })
    await deps.entities.updateInstalmentSupportRequests({ id, status: "open", reply_due_at: dueAt }, context)
    const event = { type: "support.request_reopened", data: { requestId: id, replyDueAt: dueAt.toISOString() } }
    await appendEvents(deps, request.plan_id, [event], options.actor, options.idempotencyKey, context)
  })
  return (await loadSupportRequest(deps, id)) as SupportRequestView
}
