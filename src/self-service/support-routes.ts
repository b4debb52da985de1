/**
 * The shopper's support requests about their plan (docs/business-rules.md §9), for a storefront:
 *
 *   POST /store/instalment-plans/:id/support-requests { category, message, token? } → { support_request }
 *   GET  /store/instalment-plans/:id/support-requests?token=…                       → { support_requests }
 *
 * Each request carries its plan's order number (`order_display_id`), the reference a shopper knows.
 *
 * The same credentials as the plan's other routes (access.ts): the link's token (header
 * `x-instalments-token`, or `token` in the body or query), or the logged-in customer who owns the
 * plan. A shopper sees only the requests of the plan the credentials open. An optional
 * Idempotency-Key header makes a POST safe to send again.
 */
import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withPluginErrors } from "../http/errors"
import { INSTALMENTS_MODULE } from "../modules/instalments"
import type InstalmentsModuleService from "../modules/instalments/service"
import type { PlanRow } from "../modules/instalments/mapping"
import { listPlanSupportRequests, openSupportRequest, type SupportRequestView } from "../modules/instalments/support"
import { authorisePlanAccess } from "./access"
import { idempotencyKeyHeader } from "./actions"
import { tokenOf } from "./store-routes"

type Request = MedusaRequest & { auth_context?: AuthenticatedMedusaRequest["auth_context"] }

function serviceOf(req: MedusaRequest): InstalmentsModuleService {
  return req.scope.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
}

function withOrderNumber(request: SupportRequestView, plan: PlanRow) {
  return { ...request, order_display_id: plan.order_display_id ?? null }
}

export const openShopperSupportRequest = withPluginErrors(async function POST(req: Request, res: MedusaResponse) {
  const service = serviceOf(req)
  const body = (req.body ?? {}) as Record<string, unknown>
  const access = await authorisePlanAccess(service, req.params.id, { token: tokenOf(req, body.token), authContext: req.auth_context })
  const key = idempotencyKeyHeader(req.headers["idempotency-key"])
  const request = await openSupportRequest(service.operations, access.row.id, { category: body.category, message: body.message }, {
    actor: access.actor,
    idempotencyKey: key === undefined ? undefined : `self:${access.row.id}:support-request:${key}`,
  })
  res.json({ support_request: withOrderNumber(request, access.row) })
})

export const listShopperSupportRequests = withPluginErrors(async function GET(req: Request, res: MedusaResponse) {
  const service = serviceOf(req)
  const access = await authorisePlanAccess(service, req.params.id, { token: tokenOf(req, req.query.token), authContext: req.auth_context })
  const requests = await listPlanSupportRequests(service.operations, access.row.id)
  res.json({ support_requests: requests.map((request) => withOrderNumber(request, access.row)) })
})
