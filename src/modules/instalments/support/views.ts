/** Support requests as the Store and Admin routes answer them, and their reads. */
import type { Context } from "@medusajs/framework/types"
import type { SupportCategory } from "../../../domain/codes"
import type { ModuleDeps } from "../deps"

export interface SupportMessageView {
  id: string
  author: "shopper" | "merchant"
  body: string
  sent_at: string
}

export interface SupportRequestView {
  id: string
  plan_id: string
  category: SupportCategory
  status: "open" | "closed"
  opened_at: string
  reply_due_at: string
  messages: SupportMessageView[]
}

type Row = {
  id: string
  plan_id: string
  category: string
  status: string
  opened_at: Date | string
  reply_due_at: Date | string
  messages?: { id: string; author: string; body: string; sent_at: Date | string }[]
}

const iso = (value: Date | string) => new Date(value).toISOString()

/** Oldest first by `at`; the id breaks ties (two writes in the same millisecond). */
function chronological<T extends { id: string }>(rows: readonly T[], at: (row: T) => Date | string): T[] {
  return [...rows].sort((a, b) => new Date(at(a)).getTime() - new Date(at(b)).getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

export function supportRequestView(row: Row): SupportRequestView {
  return {
    id: row.id,
    plan_id: row.plan_id,
    category: row.category as SupportCategory,
    status: row.status as SupportRequestView["status"],
    opened_at: iso(row.opened_at),
    reply_due_at: iso(row.reply_due_at),
    messages: chronological(row.messages ?? [], (m) => m.sent_at).map((m) => ({ id: m.id, author: m.author as SupportMessageView["author"], body: m.body, sent_at: iso(m.sent_at) })),
  }
}

/** The plan's support requests with their messages, oldest first. */
export async function listPlanSupportRequests(deps: Pick<ModuleDeps, "entities">, planId: string, context?: Context): Promise<SupportRequestView[]> {
  const rows = await deps.entities.listInstalmentSupportRequests({ plan_id: planId }, { relations: ["messages"] }, context)
  return chronological(rows as Row[], (r) => r.opened_at).map(supportRequestView)
}

/** One support request with its messages, or undefined. */
export async function loadSupportRequest(deps: Pick<ModuleDeps, "entities">, id: string, context?: Context): Promise<SupportRequestView | undefined> {
  const [row] = await deps.entities.listInstalmentSupportRequests({ id }, { relations: ["messages"], take: 1 }, context)
  return row ? supportRequestView(row as Row) : undefined
}
