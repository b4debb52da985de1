/**
 * The admin's list of support requests: those with the status asked for, the oldest reply clock
 * first (the most urgent on top), each with its plan's order and whether its reply is overdue (an
 * open request whose reply is due before now, by the module's clock).
 */
import type { ModuleDeps } from "../deps"
import { supportRequestView, type SupportRequestView } from "./views"

export const SUPPORT_STATUS_FILTERS = ["open", "closed", "all"] as const
export type SupportStatusFilter = (typeof SUPPORT_STATUS_FILTERS)[number]

/** At most this many requests in one answer: a support page, not an export. */
export const MAX_LISTED_SUPPORT_REQUESTS = 500

export interface AdminSupportRequest extends SupportRequestView {
  order_id: string | null
  order_display_id: number | string | null
  /** The plan's language: the one the reply e-mail is written in. */
  locale: string | null
  overdue: boolean
}

/** `planId`: only that plan's requests (the order page's widget). */
export async function listSupportRequestsForAdmin(deps: ModuleDeps, status: SupportStatusFilter, planId?: string): Promise<AdminSupportRequest[]> {
  const filter = { ...(status === "all" ? {} : { status }), ...(planId ? { plan_id: planId } : {}) }
  const rows = await deps.entities.listInstalmentSupportRequests(filter, { relations: ["messages"], order: { reply_due_at: "ASC", id: "ASC" }, take: MAX_LISTED_SUPPORT_REQUESTS })
  const planIds = [...new Set(rows.map((r) => r.plan_id))]
  const plans = planIds.length ? await deps.entities.listInstalmentPlans({ id: planIds }, { select: ["id", "order_id", "order_display_id", "locale"] }) : []
  const planById = new Map(plans.map((p) => [p.id, p]))
  const now = deps.now().getTime()
  return rows.map((row) => {
    const view = supportRequestView(row as Parameters<typeof supportRequestView>[0])
    const plan = planById.get(row.plan_id)
    return {
      ...view,
      order_id: plan?.order_id ?? null,
      order_display_id: (plan?.order_display_id as number | string | null | undefined) ?? null,
      locale: plan?.locale ?? null,
      overdue: view.status === "open" && Date.parse(view.reply_due_at) < now,
    }
  })
}
