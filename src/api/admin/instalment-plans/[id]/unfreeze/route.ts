/** POST /admin/instalment-plans/:id/unfreeze { reason? } — lifts a freeze now; collection resumes. */
import { z } from "@medusajs/framework/zod"
import { unfreeze } from "../../../../../domain/revisions/freeze"
import { adminPlanAction } from "../../../../utils/admin-plan-action"

const UnfreezeBody = z.object({ reason: z.string().trim().min(1, "must not be empty").max(500).optional() }).strict()

export const POST = adminPlanAction("unfreeze", UnfreezeBody, (body) => (plan, ctx) => unfreeze(plan, body, ctx))
