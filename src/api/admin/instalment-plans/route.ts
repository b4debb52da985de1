/**
 * GET /admin/instalment-plans — every plan, newest first.
 * Filters: order_id, status (one or several, comma-separated), plan_code, q (order number or
 * shopper e-mail); limit (1–100, default 20) and offset. Amounts in major units.
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { PLAN_CODES, PLAN_STATUSES } from "../../../domain/codes"
import { INSTALMENTS_MODULE } from "../../../modules/instalments"
import type InstalmentsModuleService from "../../../modules/instalments/service"
import { planView } from "../../../modules/instalments/views"
import { parseOr400 } from "../../utils/validation"

const statusList = z
  .string()
  .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(z.enum(PLAN_STATUSES, { error: `must be one or more of ${PLAN_STATUSES.join(", ")}` })))

const ListQuery = z.object({
  order_id: z.string().min(1).optional(),
  status: statusList.optional(),
  plan_code: z.enum(PLAN_CODES, { error: `must be one of ${PLAN_CODES.join(", ")}` }).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number({ error: "must be a whole number from 1 to 100" }).int().min(1).max(100).default(20),
  offset: z.coerce.number({ error: "must be a whole number ≥ 0" }).int().min(0).default(0),
})

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = parseOr400(ListQuery, req.query, "query")
  const filters: Record<string, unknown> = {}
  if (query.order_id) filters.order_id = query.order_id
  if (query.status) filters.status = query.status
  if (query.plan_code) filters.plan_code = query.plan_code
  if (query.q) {
    const term = query.q.replace(/^#/, "")
    const or: Record<string, unknown>[] = [{ email: { $ilike: `%${term}%` } }]
    if (/^\d{1,9}$/.test(term)) or.push({ order_display_id: Number(term) })
    filters.$or = or
  }
  const instalments = req.scope.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  const [plans, count] = await instalments.listAndCountInstalmentPlans(filters, {
    relations: ["instalments"],
    take: query.limit,
    skip: query.offset,
    order: { created_at: "DESC", id: "DESC" },
  })
  res.json({ instalment_plans: plans.map((p) => planView(p)), count, limit: query.limit, offset: query.offset })
}
