/**
 * The plugin's Store API answers, as a storefront receives them (JSON: amounts in major units,
 * dates as YYYY-MM-DD, texts already in the shopper's language). Written from the route code;
 * `types.test.ts` checks at compile time that they still match the server's own types.
 */

/** The plans a store can offer (src/domain/codes.ts). */
export type PlanCode = "p2x" | "p3x" | "p4x" | "d15" | "d30"

/** The six languages the plugin writes in; any other tag falls back to English on the server. */
export type ShopperLocale = "fr" | "es" | "de" | "it" | "nl" | "en"

/** One instalment of a quoted schedule. */
export interface QuotedInstalment {
  number: number
  due_date: string
  amount: number
  customer_fee: number
}

/** A plan's schedule as the server words it (src/modules/instalments/quotes.ts, scheduleView). */
export interface ScheduleView {
  /** "Payer en 3 fois" */
  label: string
  /** The checkout button's text for this plan. */
  accept_label: string
  total: number
  customer_fee_total: number
  total_with_fees: number
  /** The part lent to the shopper (0 for a plan paid in full at once). */
  credit: number
  instalments: QuotedInstalment[]
  /** One sentence per instalment ("84,96 € aujourd'hui", "84,96 € le 28 février 2027"). */
  lines: string[]
  /** The legally required consumer-credit warning, in the shopper's language. */
  credit_warning: string
}

/** Why a plan is not possible, in the shopper's language. */
export interface Refusal {
  code: string
  message: string
}

/** One plan of a quote: eligible or not, with its schedule either way. */
export interface QuotedPlan extends ScheduleView {
  code: PlanCode
  eligible: boolean
  /** Empty when eligible. */
  reasons: Refusal[]
}

/** GET /store/instalments/quote */
export interface Quote {
  currency_code: string
  total: number
  country_code: string
  plans: QuotedPlan[]
}

/** The card as the payment session shows it (never a reference to charge it with). */
export interface CardSummary {
  brand: string
  network: string
  last4: string
  funding: string
  exp_month: number
  exp_year: number
  country: string
}

/** The instalments provider's payment session data (public; src/modules/instalments/checkout/session-data.ts). */
export interface InstalmentsSessionData {
  session_id: string
  plan: PlanCode
  locale: string
  country_code: string
  currency_code: string
  amount_cents: number
  quoted_on: string
  card: CardSummary
  schedule: ScheduleView
  terms_version: string
}

/** The Alma provider's payment session data (src/providers/alma/session.ts). */
export interface AlmaSessionData {
  session_id: string
  alma_payment_id: string
  /** Alma's hosted payment page: send the shopper there. */
  payment_url: string
  plan: PlanCode
  locale: string
  currency_code: string
  amount_cents: number
  cart_id?: string
  deferred_trigger: boolean
  plan_id?: string
}

/** A Medusa payment session, with the fields a storefront reads. */
export interface PaymentSession<Data> {
  id: string
  provider_id: string
  amount: number
  currency_code: string
  status: string
  data: Data
}

/** A Medusa payment collection, as POST /store/payment-collections/:id/payment-sessions answers it. */
export interface PaymentCollection<Data = Record<string, unknown>> {
  id: string
  payment_sessions?: PaymentSession<Data>[]
}

/** An instalment as its shopper sees it (src/self-service/shopper-view.ts). */
export interface ShopperInstalment {
  number: number
  due_date: string
  original_due_date: string
  amount: number
  customer_fee: number
  late_fee: number
  amount_due: number
  status: "scheduled" | "paid" | "failed" | "late" | "cancelled"
  status_label: string
  paid_at: string | null
}

/** What the shopper may do now (null: not possible). */
export interface ShopperActions {
  pay_next: { amount: number } | null
  pay_all: { amount: number } | null
  postpone: { instalment_numbers: number[]; max_days: number } | null
  change_card: boolean
  withdraw: { amount: number; until: string } | null
  pay_exchange: { amount: number } | null
}

/** GET /store/instalment-plans/:id → { instalment_plan } */
export interface ShopperPlan {
  id: string
  order_display_id: number | null
  plan_code: string
  label: string
  status: string
  status_label: string
  locale: string
  currency_code: string
  order_date: string
  total: number
  customer_fee_total: number
  paid_total: number
  refunded_total: number
  outstanding_total: number
  next_due_date: string | null
  postponements_used: number
  max_postponements: number
  card: { brand: string | null; last4: string | null; exp_month: number | null; exp_year: number | null }
  instalments: ShopperInstalment[]
  lines: string[]
  actions: ShopperActions
}

/** What a self-service action answers: the updated plan and what happened, in the shopper's words. */
export interface ShopperActionResult {
  instalment_plan: ShopperPlan
  message: string
  /** A card change revokes the plan's links: the caller's new token (also in the x-instalments-token header). */
  token?: string
  /**
   * Pay early with `authenticate: true`, when the bank asks for 3-D Secure: nothing is paid yet.
   * Hand `client_secret` to Stripe.js (`stripe.handleNextAction({ clientSecret })`), then send the
   * same request again, with the same idempotency key.
   */
  requires_action?: { type: "authenticate"; client_secret: string; intent: "payment" | "setup" }
}

/** GET /store/customers/me/instalment-plans */
export interface CustomerPlans {
  instalment_plans: ShopperPlan[]
  count: number
  limit: number
  offset: number
}

/** GET /store/alma/return */
export type AlmaReturn =
  | { type: "order"; order: { id: string; display_id?: number } }
  | { type: "pending"; payment_url: string | null; alma_state: string }
  | { type: "refused"; alma_state: string; reasons: Refusal[] }

/** A Medusa order, with the fields the kit reads (the rest is Medusa's). */
export interface PlacedOrder {
  id: string
  display_id?: number
  [field: string]: unknown
}
