/**
 * POST /admin/instalment-support-requests/:id/reply { message } — the merchant's reply: kept with
 * the request (the shopper sees it in GET /store/instalment-plans/:id/support-requests), in the
 * plan's history, and e-mailed to the shopper in the plan's language (template
 * `instalments.supportReply`, once per reply). Answers `{ support_request, email_sent }`. A closed
 * request is refused (reopen it first). An optional Idempotency-Key header makes a retry a no-op.
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withPluginErrors } from "../../../../../http/errors"
import { INSTALMENTS_MODULE } from "../../../../../modules/instalments"
import type InstalmentsModuleService from "../../../../../modules/instalments/service"
import { replyToSupportRequest } from "../../../../../modules/instalments/support"
import { sendPlanEmail } from "../../../../../notifications/send"
import { adminIdempotencyKey } from "../../../../utils/admin-plan-action"

export const POST = withPluginErrors(async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const instalments = req.scope.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  const body = (req.body ?? {}) as Record<string, unknown>
  const { request, messageId } = await replyToSupportRequest(instalments.operations, req.params.id, { message: body.message }, {
    actor: `admin:${req.auth_context.actor_id}`,
    idempotencyKey: adminIdempotencyKey(req, "support-reply"),
  })
  const reply = request.messages.find((m) => m.id === messageId)
  const email = await sendPlanEmail(req.scope, request.plan_id, "supportReply", {
    reply: reply?.body,
    idempotencyKey: `support-reply:${messageId}`,
    trigger: "support.reply_sent",
  })
  res.json({ support_request: request, email_sent: email.sent })
})
