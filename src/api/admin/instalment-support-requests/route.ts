/**
 * GET /admin/instalment-support-requests?status=open|closed|all (default open)&plan_id=… (optional:
 * one plan's) — the shoppers' support requests, the oldest reply clock first, each with its plan's order, its messages and
 * `overdue` (open and past its reply_due_at). Answers `{ support_requests, now }` (`now`: the
 * module's clock, to count the time left).
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { withPluginErrors } from "../../../http/errors"
import { parseOr400 } from "../../../http/validation"
import { INSTALMENTS_MODULE } from "../../../modules/instalments"
import type InstalmentsModuleService from "../../../modules/instalments/service"
import { listSupportRequestsForAdmin, SUPPORT_STATUS_FILTERS } from "../../../modules/instalments/support"

const ListQuery = z.object({
  status: z.enum(SUPPORT_STATUS_FILTERS, { error: `must be one of ${SUPPORT_STATUS_FILTERS.join(", ")}` }).default("open"),
  plan_id: z.string({ error: "must be a plan id such as iplan_…" }).min(1).max(100).optional(),
})

export const GET = withPluginErrors(async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { status, plan_id: planId } = parseOr400(ListQuery, { status: req.query.status, plan_id: req.query.plan_id }, "query")
  const instalments = req.scope.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  const supportRequests = await listSupportRequestsForAdmin(instalments.operations, status, planId)
  res.json({ support_requests: supportRequests, now: instalments.now().toISOString() })
})
