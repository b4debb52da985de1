/**
 * GET /admin/instalment-plans — every plan, newest first.
 * Filters: order_id, customer_id, status (one or several, comma-separated), plan_code,
 * created_from / created_to (calendar days YYYY-MM-DD in the plugin's time zone, both included),
 * q (order number or shopper e-mail); limit (1–100, default 20) and offset.
 * Answers { instalment_plans, count, limit, offset }; amounts in major units.
 *
 * Every filter maps to an indexed column of instalment_plan (order_id, customer_id,
 * status + next_due_date, created_at), and the order (created_at, id) follows the created_at index.
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { isLocalDate } from "../../../domain/calendar"
import { PLAN_CODES, PLAN_STATUSES } from "../../../domain/codes"
import { INSTALMENTS_MODULE } from "../../../modules/instalments"
import type InstalmentsModuleService from "../../../modules/instalments/service"
import { planView } from "../../../modules/instalments/views"
import { endOfLocalDay, startOfLocalDay } from "../../utils/local-day"
import { parseOr400 } from "../../utils/validation"

const statusList = z
  .string()
  .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(z.enum(PLAN_STATUSES, { error: `must be one or more of ${PLAN_STATUSES.join(", ")}` })))

const day = z.string().refine(isLocalDate, { message: "must be a calendar day written YYYY-MM-DD, e.g. 2027-01-31" })

const ListQuery = z
  .object({
    order_id: z.string().min(1).optional(),
    customer_id: z.string().min(1).optional(),
    status: statusList.optional(),
    plan_code: z.enum(PLAN_CODES, { error: `must be one of ${PLAN_CODES.join(", ")}` }).optional(),
    created_from: day.optional(),
    created_to: day.optional(),
    q: z.string().trim().min(1).max(200).optional(),
    limit: z.coerce.number({ error: "must be a whole number from 1 to 100" }).int().min(1).max(100).default(20),
    offset: z.coerce.number({ error: "must be a whole number ≥ 0" }).int().min(0).default(0),
  })
  .refine((q) => !q.created_from || !q.created_to || q.created_from <= q.created_to, {
    message: "created_from must be on or before created_to (both days are included)",
    path: ["created_from"],
  })

type ListQuery = z.infer<typeof ListQuery>

/** The module's filters for a validated query; days are read in the plugin's time zone. */
function filtersOf(query: ListQuery, timeZone: string): Record<string, unknown> {
  const filters: Record<string, unknown> = {}
  if (query.order_id) filters.order_id = query.order_id
  if (query.customer_id) filters.customer_id = query.customer_id
  if (query.status) filters.status = query.status
  if (query.plan_code) filters.plan_code = query.plan_code
  if (query.created_from || query.created_to) {
    filters.created_at = {
      ...(query.created_from ? { $gte: startOfLocalDay(query.created_from, timeZone) } : {}),
      ...(query.created_to ? { $lt: endOfLocalDay(query.created_to, timeZone) } : {}),
    }
  }
  if (query.q) {
    const term = query.q.replace(/^#/, "")
    // `%` and `_` in an e-mail are letters, not LIKE wildcards.
    const or: Record<string, unknown>[] = [{ email: { $ilike: `%${term.replace(/[\\%_]/g, "\\$&")}%` } }]
    if (/^\d{1,9}$/.test(term)) or.push({ order_display_id: Number(term) })
    filters.$or = or
  }
  return filters
}

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = parseOr400(ListQuery, req.query, "query")
  const instalments = req.scope.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  const [plans, count] = await instalments.listAndCountInstalmentPlans(filtersOf(query, instalments.engineConfig.timeZone), {
    relations: ["instalments"],
    take: query.limit,
    skip: query.offset,
    order: { created_at: "DESC", id: "DESC" },
  })
  res.json({ instalment_plans: plans.map((p) => planView(p)), count, limit: query.limit, offset: query.offset })
}
