/**
 * GET /admin/instalment-plans — every plan, newest first.
 * Filters: order_id, customer_id, status (one or several, comma-separated), plan_code,
 * created_from / created_to (calendar days YYYY-MM-DD in the plugin's time zone, both included),
 * q (order number or shopper e-mail); limit (1–100, default 20) and offset.
 * Answers { instalment_plans, count, limit, offset }; amounts in major units.
 *
 * The query itself is the module's (src/modules/instalments/reads/admin-queries.ts).
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { isLocalDate } from "../../../domain/calendar"
import { PLAN_CODES, PLAN_STATUSES } from "../../../domain/codes"
import { INSTALMENTS_MODULE } from "../../../modules/instalments"
import type { PlanListFilters } from "../../../modules/instalments/reads/admin-queries"
import type InstalmentsModuleService from "../../../modules/instalments/service"
import { planView } from "../../../modules/instalments/reads/admin-views"
import { endOfLocalDay, startOfLocalDay } from "../../utils/local-day"
import { parseOr400, wholeNumberQuery } from "../../../http/validation"

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
    limit: wholeNumberQuery({ min: 1, max: 100, default: 20 }),
    offset: wholeNumberQuery({ min: 0, default: 0 }),
  })
  .refine((q) => !q.created_from || !q.created_to || q.created_from <= q.created_to, {
    message: "created_from must be on or before created_to (both days are included)",
    path: ["created_from"],
  })

type ListQuery = z.infer<typeof ListQuery>

/** The module's list filters for a validated query; days are read in the plugin's time zone. */
function filtersOf(query: ListQuery, timeZone: string): PlanListFilters {
  return {
    orderId: query.order_id,
    customerId: query.customer_id,
    statuses: query.status,
    planCode: query.plan_code,
    createdFrom: query.created_from ? startOfLocalDay(query.created_from, timeZone) : undefined,
    createdBefore: query.created_to ? endOfLocalDay(query.created_to, timeZone) : undefined,
    search: query.q,
  }
}

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = parseOr400(ListQuery, req.query, "query")
  const instalments = req.scope.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  const { plans, count } = await instalments.listPlansForAdmin(filtersOf(query, instalments.engineConfig.timeZone), query)
  res.json({ instalment_plans: plans.map((p) => planView(p)), count, limit: query.limit, offset: query.offset })
}
