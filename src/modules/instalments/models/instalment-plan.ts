import { model } from "@medusajs/framework/utils"
import { PLAN_CODES, PLAN_STATUSES } from "../../../domain/codes"
import Instalment from "./instalment"
import InstalmentPlanEvent from "./instalment-plan-event"

/**
 * One instalment plan: the receivable the plugin tracks and collects for an order.
 *
 * Amounts are integer cents in `currency_code` (columns end in `_cents`); the HTTP routes convert
 * them to Medusa's major units. The columns mirror the engine's `PlanSnapshot` (src/domain/plan.ts)
 * one to one, plus what only the store knows (order, shopper, card summary, consent).
 * Never a card number or CVC: the processor keeps the card, we keep its reference and summary.
 */
const InstalmentPlan = model
  .define("instalment_plan", {
    id: model.id({ prefix: "iplan" }).primaryKey(),
    // Medusa side
    order_id: model.text().nullable(),
    order_display_id: model.number().nullable(),
    cart_id: model.text().nullable(),
    payment_session_id: model.text(),
    payment_id: model.text().nullable(),
    /** Medusa's customer of the order's cart (a guest's too): what the admin's customer page shows. */
    customer_id: model.text().nullable(),
    /**
     * The customer logged in when the payment session started: the only account that may read and
     * act on the plan from the storefront. Never the cart's customer, which Medusa sets from the
     * e-mail a guest types.
     */
    owner_customer_id: model.text().nullable(),
    email: model.text().nullable(),
    // The plan
    plan_code: model.enum([...PLAN_CODES]),
    status: model.enum([...PLAN_STATUSES]),
    currency_code: model.text(),
    order_date: model.text(),
    start_date: model.text().nullable(),
    total_cents: model.number(),
    customer_fee_total_cents: model.number().default(0),
    paid_total_cents: model.number().default(0),
    refunded_total_cents: model.number().default(0),
    refunded_principal_cents: model.number().default(0),
    refunded_customer_fees_cents: model.number().default(0),
    refunded_late_fees_cents: model.number().default(0),
    reduced_total_cents: model.number().default(0),
    exchange_paid_cents: model.number().default(0),
    exchange_pending_cents: model.number().default(0),
    // Derived, kept for lists, receivables and the collection job
    outstanding_cents: model.number().default(0),
    next_due_date: model.text().nullable(),
    // Shopper actions and merchant measures
    postponements_used: model.number().default(0),
    max_postponements: model.number().default(1),
    withdrawal_requested_at: model.dateTime().nullable(),
    frozen_since: model.text().nullable(),
    frozen_until: model.text().nullable(),
    status_before_freeze: model.text().nullable(),
    freeze_reason: model.text().nullable(),
    fraud_flagged: model.boolean().default(false),
    fraud_reason: model.text().nullable(),
    deferred_start: model.boolean().default(false),
    // Shopper
    phone: model.text().nullable(),
    /** The e-mail and the phone as plans are linked by them (src/domain/shopper-identity.ts); null links nothing. */
    email_key: model.text().nullable(),
    phone_key: model.text().nullable(),
    locale: model.text().default("en"),
    // Card summary and processor references
    processor: model.text(),
    card_reference: model.text().nullable(),
    card_brand: model.text().nullable(),
    card_network: model.text().nullable(),
    card_last4: model.text().nullable(),
    card_funding: model.text().nullable(),
    card_exp_month: model.number().nullable(),
    card_exp_year: model.number().nullable(),
    card_country: model.text().nullable(),
    /** The processor's fingerprint of the card (the same for the same card number); null when it gives none. */
    card_fingerprint: model.text().nullable(),
    /** Every card fingerprint the plan has had, the current one included: what links plans by card. */
    card_fingerprints: model.array().nullable(),
    credit_reference: model.text().nullable(),
    // Self-service links are signed over it: bumping it revokes every link sent before (src/modules/instalments/shopper-links/revocation.ts)
    link_version: model.number().default(0),
    // Consent (docs/business-rules.md §4): the terms version and when the shopper accepted them
    terms_version: model.text(),
    terms_accepted_at: model.dateTime(),
    metadata: model.json().nullable(),
    /**
     * Bumped by every write of the plan's state: a request that saw version N and finds N+1 under
     * the lock was decided on a plan that has since changed (see operations/run.ts).
     */
    version: model.number().default(0),
    instalments: model.hasMany(() => Instalment, { mappedBy: "plan" }),
    events: model.hasMany(() => InstalmentPlanEvent, { mappedBy: "plan" }),
  })
  .indexes([
    { on: ["payment_session_id"], unique: true },
    { on: ["order_id"] },
    { on: ["customer_id"] },
    { on: ["owner_customer_id"] },
    { on: ["status", "next_due_date"] },
    { on: ["created_at"] },
    // Linked plans (business rules §8): by any card the plan has used, by e-mail, by phone.
    { on: ["card_fingerprints"], type: "GIN" },
    { on: ["email_key"] },
    { on: ["phone_key"] },
  ])

export default InstalmentPlan
