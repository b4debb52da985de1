/**
 * What Alma's API answers, as zod schemas (zod 4 from @medusajs/framework/zod). Amounts are
 * integer cents, dates Unix seconds. Unknown keys are ignored (Alma adds fields over time);
 * fields some accounts or API versions leave out are optional. See shared/fixtures/alma.
 */
import { z } from "@medusajs/framework/zod"

const cents = z.number().int()
const unix = z.number().int()

// ---- eligibility (POST /v2/payments/eligibility) ---------------------------------------------

export const EligibilityInstalmentSchema = z.object({
  due_date: unix,
  purchase_amount: cents,
  customer_fee: cents.default(0),
  customer_interest: cents.default(0),
  total_amount: cents.optional(),
})

export const EligibilityItemSchema = z.object({
  eligible: z.boolean(),
  installments_count: z.number().int(),
  deferred_days: z.number().int().default(0),
  deferred_months: z.number().int().default(0),
  purchase_amount: cents.optional(),
  customer_fee: cents.optional(),
  customer_interest: cents.optional(),
  customer_total_cost_amount: cents.optional(),
  customer_total_cost_bps: z.number().int().optional(),
  annual_interest_rate: z.number().int().nullable().optional(),
  payment_plan: z.array(EligibilityInstalmentSchema).optional(),
  /** Why not eligible: `{ purchase_amount: "invalid_value" }`, `{ installments_count: "not_allowed" }`. */
  reasons: z.record(z.string(), z.unknown()).nullable().optional(),
  constraints: z
    .record(z.string(), z.object({ minimum: cents.optional(), maximum: cents.optional() }))
    .nullable()
    .optional(),
})
export type EligibilityItem = z.infer<typeof EligibilityItemSchema>

/** With `queries`, one item per query, in the same order. */
export const EligibilityResponseSchema = z.array(EligibilityItemSchema)

// ---- payments ---------------------------------------------------------------------------------

export const PaymentInstalmentSchema = z.object({
  id: z.string().optional(),
  /** pending, paid, incident, claimed, covered. */
  state: z.string(),
  purchase_amount: cents,
  original_purchase_amount: cents.optional(),
  customer_fee: cents.default(0),
  customer_interest: cents.default(0),
  total_amount: cents.optional(),
  due_date: unix,
  date_paid: unix.nullable().optional(),
  customer_can_postpone: z.boolean().optional(),
})
export type PaymentInstalment = z.infer<typeof PaymentInstalmentSchema>

export const RefundSchema = z.object({
  id: z.string(),
  created: unix.optional(),
  amount: cents,
  merchant_reference: z.string().nullable().optional(),
  payment: z.string().optional(),
  from_payment_cancellation: z.boolean().optional(),
  /** Money actually sent back for instalments already collected. */
  payment_refund_amount: cents.optional(),
  /** Unpaid instalments written off. */
  rebate_amount: cents.optional(),
})
export type Refund = z.infer<typeof RefundSchema>

export const OrderSchema = z.object({
  id: z.string(),
  merchant_reference: z.string().nullable().optional(),
  merchant_url: z.string().nullable().optional(),
  customer_url: z.string().nullable().optional(),
  payment: z.string().optional(),
  data: z.record(z.string(), z.unknown()).nullable().optional(),
  comment: z.string().nullable().optional(),
  created: unix.optional(),
})

export const PaymentSchema = z.object({
  id: z.string(),
  /** not_started, scored_no, scored_yes, in_progress, paid, late_dunning, stopped, default... */
  state: z.string(),
  purchase_amount: cents,
  installments_count: z.number().int(),
  deferred_days: z.number().int().default(0),
  deferred_months: z.number().int().default(0),
  created: unix.optional(),
  url: z.string().optional(),
  kind: z.string().optional(),
  locale: z.string().nullable().optional(),
  customer_fee: cents.optional(),
  customer_interest: cents.optional(),
  amount_already_refunded: cents.optional(),
  expired_at: unix.nullable().optional(),
  deferred_trigger: z.boolean().optional(),
  deferred_trigger_description: z.string().nullable().optional(),
  deferred_trigger_applied: unix.nullable().optional(),
  processing_status: z.string().optional(),
  return_url: z.string().nullable().optional(),
  ipn_callback_url: z.string().nullable().optional(),
  custom_data: z.record(z.string(), z.unknown()).nullable().optional(),
  payment_plan: z.array(PaymentInstalmentSchema),
  refunds: z.array(RefundSchema).default([]),
  orders: z.array(OrderSchema).default([]),
})
export type AlmaPayment = z.infer<typeof PaymentSchema>

/** The refund endpoint answers the updated payment; some answers hold only the plan, orders and refunds. */
export const RefundResponseSchema = PaymentSchema.partial().extend({
  payment_plan: z.array(PaymentInstalmentSchema),
  refunds: z.array(RefundSchema),
})

// ---- errors -----------------------------------------------------------------------------------

export const ErrorBodySchema = z.object({
  message: z.string().optional(),
  error: z.string().optional(),
  error_code: z.string().optional(),
  errors: z
    .array(
      z.object({
        error_code: z.string().optional(),
        field: z.string().optional(),
        message: z.string().optional(),
        value: z.unknown().optional(),
      }),
    )
    .optional(),
  object_type: z.string().optional(),
  value: z.unknown().optional(),
})
export type AlmaErrorBody = z.infer<typeof ErrorBodySchema>
