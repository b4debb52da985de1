/**
 * The shapes the plugin's admin API answers (src/modules/instalments/reads/admin-views.ts, the receivables
 * route). Amounts are Medusa major units (254.9 = 254.90 €); days are "YYYY-MM-DD".
 */
import { SUPPORT_CATEGORIES, type SupportCategory } from "../../domain/codes"

export type PlanStatus =
  | "pending_start"
  | "active"
  | "late"
  | "serious_delay"
  | "frozen"
  | "completed"
  | "cancelled"
  | "terminated"
  | "withdrawn"

export type InstalmentStatus = "scheduled" | "paid" | "failed" | "late" | "cancelled"

export const PLAN_STATUSES: readonly PlanStatus[] = [
  "pending_start",
  "active",
  "late",
  "serious_delay",
  "frozen",
  "completed",
  "cancelled",
  "terminated",
  "withdrawn",
]

export const PLAN_CODES = ["p2x", "p3x", "p4x", "d15", "d30"] as const
export type PlanCode = (typeof PLAN_CODES)[number]

export interface AdminInstalment {
  number: number
  due_date: string
  original_due_date: string
  amount: number
  customer_fee: number
  late_fee: number
  status: InstalmentStatus
  paid_at: string | null
  paid_amount: number
  attempts: number
  next_retry_on: string | null
}

export interface AdminPlanEvent {
  id: string
  type: string
  data: Record<string, unknown>
  actor: string
  occurred_at: string | null
}

export interface AdminInstalmentPlan {
  id: string
  order_id: string | null
  order_display_id: number | null
  payment_id: string | null
  customer_id: string | null
  /** The customer logged in at checkout: the account that sees the plan in the storefront. */
  owner_customer_id?: string | null
  email: string | null
  plan_code: PlanCode
  status: PlanStatus
  currency_code: string
  order_date: string
  start_date: string | null
  total: number
  order_total: number
  paid_total: number
  refunded_total: number
  outstanding_total: number
  customer_fee_total: number
  reduced_total: number
  next_due_date: string | null
  postponements_used: number
  max_postponements: number
  deferred_start: boolean
  frozen_until: string | null
  fraud_flagged: boolean
  card: { brand: string | null; last4: string | null; network: string | null; funding: string | null; exp_month: number | null; exp_year: number | null }
  created_at: string | null
  instalments: AdminInstalment[]
  events?: AdminPlanEvent[]
  self_service_url?: string
}

export interface PlanListResponse {
  instalment_plans: AdminInstalmentPlan[]
  count: number
  limit: number
  offset: number
}

export interface PlanResponse {
  instalment_plan: AdminInstalmentPlan
}

/** Why two plans are linked (business rules §8). */
export type LinkReason = "card" | "email" | "phone"

export interface LinkedPlansResponse {
  linked: { plan_id: string; order_id: string | null; reasons: LinkReason[] }[]
}

export interface FreezeLinkedResponse {
  frozen: { plan_id: string; order_id: string | null; reasons: LinkReason[]; frozen_until: string | null }[]
  skipped: { plan_id: string; order_id: string | null; reasons: LinkReason[]; code: string; message: string }[]
}

export interface RefundPreview {
  amount: number
  refund_to_card: number
  reduction: number
  instalment_plan: AdminInstalmentPlan
}

export interface CurrencyReceivables {
  currency_code: string
  outstanding_total: number
  late_total: number
  open_plans: number
  late_plans: number
  expected_total: number
  weekly: { week_start: string; expected_total: number }[]
}

/** GET /admin/instalments/consumer-credit: the regime of the store's direct plans. */
export interface ConsumerCreditResponse {
  consumer_credit: {
    regime: "exempt" | "consumer_credit"
    credit_authorisation: boolean
    merchant_size: "sme" | "large"
    exempt_deferral_days: number
    direct_plans: PlanCode[]
  }
}

export interface ReceivablesResponse {
  as_of: string
  time_zone: string
  currency_codes: string[]
  receivables: CurrencyReceivables[]
}

/** The list filters the Instalments page sends (all optional). */
export interface PlanListQuery {
  status?: string
  plan_code?: string
  customer_id?: string
  order_id?: string
  q?: string
  created_from?: string
  created_to?: string
  limit: number
  offset: number
}

// The engine's list (src/domain is pure TypeScript): one list for the routes and the admin.
export { SUPPORT_CATEGORIES, type SupportCategory }

export interface AdminSupportRequest {
  id: string
  plan_id: string
  category: SupportCategory
  status: "open" | "closed"
  opened_at: string
  reply_due_at: string
  order_id: string | null
  order_display_id: number | string | null
  locale: string | null
  overdue: boolean
  messages: { id: string; author: "shopper" | "merchant"; body: string; sent_at: string }[]
}

export interface SupportRequestListResponse {
  support_requests: AdminSupportRequest[]
  now: string
}
