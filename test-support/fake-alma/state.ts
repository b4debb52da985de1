/**
 * A stateful fake of Alma's merchant API, in memory: payments and their states, the hosted
 * payment page's accept/refuse, refunds that lower the unpaid instalments, the deferred trigger,
 * IPN calls signed like Alma's. Eligibility follows the same rules as the plugin's engine
 * (bounds, countries, plans: the "Alma account" is configured with the plugin's own options).
 *
 * Used by the tests through msw (handlers.ts) and by `npm run fake-alma` (server.ts).
 * Assumptions where Alma's documentation is silent (shared/reference/alma-api.md [U]): an
 * accepted `deferred: "trigger"` payment is `in_progress` with nothing taken until the trigger;
 * a refund lowers the unpaid instalments first (spread evenly, or last first), then sends money
 * back; cancelling a started payment is refused.
 */
import { randomBytes } from "node:crypto"
import { toLocalDate } from "../../src/domain/calendar"
import { scheduleDueDates } from "../../src/domain/catalogue"
import type { PlanCode } from "../../src/domain/codes"
import type { EngineConfig } from "../../src/domain/config"
import { money, splitCentsEvenly } from "../../src/domain/money"
import { quotePlan } from "../../src/domain/quote"
import { ipnSignature } from "../../src/lenders/alma/signature"
import { planCodeOf } from "../../src/lenders/alma/plans"
import { parsePluginOptions } from "../../src/options/plugin-options"

export interface FakeInstalment {
  id: string
  state: "pending" | "paid" | "incident"
  purchase_amount: number
  original_purchase_amount: number
  customer_fee: number
  customer_interest: number
  total_amount: number
  due_date: number
  date_paid: number | null
  customer_can_postpone: boolean
}

export interface FakeRefund {
  id: string
  created: number
  amount: number
  merchant_reference: string | null
  payment: string
  from_payment_cancellation: boolean
  payment_refund_amount: number
  rebate_amount: number
}

export interface FakePayment {
  id: string
  state: string
  processing_status: string
  kind: string
  created: number
  url: string
  purchase_amount: number
  installments_count: number
  deferred_days: number
  deferred_months: number
  customer_fee: number
  customer_interest: number
  amount_already_refunded: number
  expired_at: number | null
  deferred_trigger: boolean
  deferred_trigger_description: string | null
  deferred_trigger_applied: number | null
  locale: string | null
  return_url: string | null
  failure_return_url: string | null
  customer_cancel_url: string | null
  ipn_callback_url: string | null
  custom_data: Record<string, unknown> | null
  customer: Record<string, unknown> | null
  billing_address: Record<string, unknown> | null
  shipping_address: Record<string, unknown> | null
  payment_plan: FakeInstalment[]
  refunds: FakeRefund[]
  orders: { id: string; merchant_reference: string | null; payment: string; created: number; data: Record<string, unknown> }[]
}

/** An error answer of the fake, shaped like Alma's. */
export class FakeAlmaError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(JSON.stringify(body))
  }
}

const validation = (field: string, message: string, value?: unknown) =>
  new FakeAlmaError(400, { error_code: "validation_error", errors: [{ error_code: "invalid_value", field, message, value }] })

export interface FakeAlmaOptions {
  apiRoot: string
  apiKey: string
  /** The Alma account's plans, bounds, fees and countries, written as the plugin's options. */
  account?: Record<string, unknown>
  /** How a partial refund comes off the unpaid instalments. */
  refundPolicy?: "spread" | "last_first"
}

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`
/** A calendar day as Unix seconds at noon UTC: the same day in every European time zone. */
const dayToUnix = (day: string) => Date.parse(`${day}T12:00:00Z`) / 1000

export class FakeAlmaState {
  readonly apiRoot: string
  readonly apiKey: string
  readonly account: EngineConfig
  refundPolicy: "spread" | "last_first"
  readonly payments = new Map<string, FakePayment>()
  /** What merchants sent: potential-fraud flags, order statuses, triggers. */
  readonly fraudFlags: { payment: string; reason: string }[] = []
  readonly orderStatuses: { payment: string; merchant_reference: string; status: string; is_shipped: boolean | null }[] = []
  readonly triggers: string[] = []
  /** Every request the fake answered, for tests that count calls. */
  readonly requests: { method: string; path: string }[] = []
  /**
   * Runs when an API call arrives, before it is answered: a test looks at the caller's side at
   * that moment (are its rows locked?), or makes Alma unreachable for this very call (`down`).
   */
  beforeAnswer: ((request: { method: string; path: string }) => void | Promise<void>) | null = null
  /** `http`: every API call answers 503; `network`: connections fail; false: up. */
  down: false | "http" | "network" = false
  /** The fake's clock (tests align it with the plugin's sandbox clock). */
  now: () => Date = () => new Date()

  constructor(options: FakeAlmaOptions) {
    this.apiRoot = options.apiRoot.replace(/\/+$/, "")
    this.apiKey = options.apiKey
    // Alma is the licensed lender: its account offers any plan, consumer credit or not.
    this.account = parsePluginOptions({ credit_authorisation: true, ...options.account })
    this.refundPolicy = options.refundPolicy ?? "spread"
  }

  private unixNow(): number {
    return Math.floor(this.now().getTime() / 1000)
  }

  private today(): string {
    return toLocalDate(this.now(), this.account.timeZone)
  }

  payment(paymentId: string): FakePayment {
    const payment = this.payments.get(paymentId)
    if (!payment) throw new FakeAlmaError(404, { error_code: "not_found", object_type: "Payment", value: paymentId })
    return payment
  }

  // ---- eligibility --------------------------------------------------------------------------

  eligibility(body: {
    purchase_amount?: unknown
    queries?: { installments_count: number; deferred_days?: number; deferred_months?: number }[]
    billing_address?: { country?: string }
    shipping_address?: { country?: string }
  }) {
    const amount = body.purchase_amount
    if (typeof amount !== "number" || !Number.isSafeInteger(amount) || amount <= 0) {
      throw validation("purchase_amount", "purchase_amount must be a positive integer (cents)", amount)
    }
    const country = (body.shipping_address?.country ?? body.billing_address?.country ?? "fr").toLowerCase()
    const queries = body.queries ?? this.offeredPlans().map((plan) => planKeyOf(plan))
    const items = queries.map((q) => this.eligibilityItem(amount, q, country))
    // Without queries ("discovery"), Alma answers only the eligible plans.
    return body.queries ? items : items.filter((i) => i.eligible)
  }

  private offeredPlans(): PlanCode[] {
    return (Object.keys(this.account.plans) as PlanCode[]).filter((plan) => this.account.plans[plan].offered)
  }

  private eligibilityItem(amount: number, q: { installments_count: number; deferred_days?: number; deferred_months?: number }, country: string) {
    const key = { installments_count: q.installments_count, deferred_days: q.deferred_days ?? 0, deferred_months: q.deferred_months ?? 0 }
    const base = { ...key, purchase_amount: amount, transaction_country: country.toUpperCase() }
    const plan = planCodeOf(key)
    if (!plan || !this.account.plans[plan].offered || !this.account.countries.includes(country)) {
      return { ...base, eligible: false, reasons: { installments_count: "not_allowed" } }
    }
    const settings = this.account.plans[plan]
    if (amount < settings.min || amount > settings.max) {
      return {
        ...base,
        eligible: false,
        reasons: { purchase_amount: "invalid_value" },
        constraints: { purchase_amount: { minimum: settings.min, maximum: settings.max } },
      }
    }
    const schedule = this.schedule(plan, amount, this.today())
    const fees = schedule.reduce((total, i) => total + i.customer_fee, 0)
    return {
      ...base,
      eligible: true,
      customer_fee: fees,
      customer_interest: 0,
      customer_total_cost_amount: fees,
      customer_total_cost_bps: Math.round((fees * 10_000) / amount),
      payment_plan: schedule.map(({ due_date, purchase_amount, customer_fee }) => ({
        due_date,
        purchase_amount,
        customer_fee,
        customer_interest: 0,
        total_amount: purchase_amount + customer_fee,
      })),
    }
  }

  /** The engine's schedule for the Alma account, due dates as Unix seconds. */
  private schedule(plan: PlanCode, amount: number, startDay: string) {
    const quote = quotePlan({ config: this.account, plan, amount: money(amount, "eur"), country: this.account.countries[0], today: startDay })
    return quote.instalments.map((i) => ({ due_date: dayToUnix(i.dueDate), purchase_amount: i.amount.cents, customer_fee: i.customerFee.cents }))
  }

  // ---- payments -------------------------------------------------------------------------------

  createPayment(body: { payment?: Record<string, any>; customer?: Record<string, unknown>; order?: { merchant_reference?: string } }): FakePayment {
    const p = body.payment
    if (!p) throw validation("payment", "payment is required")
    const amount = p.purchase_amount
    if (typeof amount !== "number" || !Number.isSafeInteger(amount) || amount <= 0) {
      throw validation("purchase_amount", "purchase_amount must be a positive integer (cents)", amount)
    }
    const key = { installments_count: p.installments_count, deferred_days: p.deferred_days ?? 0, deferred_months: p.deferred_months ?? 0 }
    const country = String(p.shipping_address?.country ?? p.billing_address?.country ?? "fr")
    const eligibility = this.eligibilityItem(amount, key, country.toLowerCase())
    if (!eligibility.eligible) {
      const field = "reasons" in eligibility ? Object.keys(eligibility.reasons)[0] : "installments_count"
      throw validation(field, "This purchase is not eligible to this plan", amount)
    }
    const plan = planCodeOf(key) as PlanCode
    const paymentId = id("payment")
    const created = this.unixNow()
    const schedule = this.schedule(plan, amount, this.today())
    const payment: FakePayment = {
      id: paymentId,
      state: "not_started",
      processing_status: "awaiting_authorization",
      kind: key.installments_count === 1 ? `P1X_D+${key.deferred_days}` : `P${key.installments_count}X`,
      created,
      url: `${this.apiRoot}/pay/${paymentId}`,
      purchase_amount: amount,
      ...key,
      customer_fee: schedule.reduce((total, i) => total + i.customer_fee, 0),
      customer_interest: 0,
      amount_already_refunded: 0,
      expired_at: null,
      deferred_trigger: p.deferred === "trigger",
      deferred_trigger_description: p.deferred === "trigger" ? p.deferred_description ?? null : null,
      deferred_trigger_applied: null,
      locale: p.locale ?? null,
      return_url: p.return_url ?? null,
      failure_return_url: p.failure_return_url ?? null,
      customer_cancel_url: p.customer_cancel_url ?? null,
      ipn_callback_url: p.ipn_callback_url ?? null,
      custom_data: p.custom_data ?? null,
      customer: body.customer ?? null,
      billing_address: p.billing_address ?? null,
      shipping_address: p.shipping_address ?? null,
      payment_plan: schedule.map((i) => ({
        id: id("installment"),
        state: "pending",
        purchase_amount: i.purchase_amount,
        original_purchase_amount: i.purchase_amount,
        customer_fee: i.customer_fee,
        customer_interest: 0,
        total_amount: i.purchase_amount + i.customer_fee,
        due_date: i.due_date,
        date_paid: null,
        customer_can_postpone: false,
      })),
      refunds: [],
      orders: body.order?.merchant_reference
        ? [{ id: id("order"), merchant_reference: body.order.merchant_reference, payment: paymentId, created, data: {} }]
        : [],
    }
    this.payments.set(paymentId, payment)
    return payment
  }

  /** The shopper accepts on the hosted page: the first instalment is taken now (pNx), unless the payment waits for a trigger. */
  accept(paymentId: string): FakePayment {
    const payment = this.payment(paymentId)
    if (payment.state !== "not_started") throw validation("state", `payment is ${payment.state}, not awaiting the customer`, payment.state)
    payment.state = "in_progress"
    payment.processing_status = "captured"
    if (!payment.deferred_trigger) this.takeFirstInstalment(payment)
    return payment
  }

  /** Alma's scoring refuses the shopper. */
  refuse(paymentId: string): FakePayment {
    const payment = this.payment(paymentId)
    payment.state = "scored_no"
    payment.processing_status = "canceled"
    return payment
  }

  private takeFirstInstalment(payment: FakePayment) {
    const first = payment.payment_plan[0]
    const isPayLater = payment.installments_count === 1 && (payment.deferred_days > 0 || payment.deferred_months > 0)
    if (first && !isPayLater) {
      first.state = "paid"
      first.date_paid = this.unixNow()
    }
  }

  /** Alma takes the instalment due now (what its own collection does on a due date). */
  collectInstalment(paymentId: string, number: number): FakePayment {
    const payment = this.payment(paymentId)
    const instalment = payment.payment_plan[number - 1]
    if (!instalment || instalment.state === "paid") throw validation("installment", `instalment ${number} cannot be collected`)
    instalment.state = "paid"
    instalment.date_paid = this.unixNow()
    if (payment.payment_plan.every((i) => i.state === "paid")) payment.state = "paid"
    return payment
  }

  trigger(paymentId: string): FakePayment {
    const payment = this.payment(paymentId)
    if (!payment.deferred_trigger) throw validation("deferred_trigger", "this payment was not created with deferred: trigger")
    if (payment.deferred_trigger_applied) throw validation("deferred_trigger_applied", "the payment was already triggered", payment.deferred_trigger_applied)
    if (payment.state !== "in_progress") throw validation("state", `payment is ${payment.state}`, payment.state)
    this.triggers.push(paymentId)
    payment.deferred_trigger_applied = this.unixNow()
    // The schedule runs from the trigger day.
    const dates = scheduleDueDates(planCodeOf(payment) as PlanCode, this.today())
    payment.payment_plan.forEach((i, index) => (i.due_date = dayToUnix(dates[index])))
    this.takeFirstInstalment(payment)
    return payment
  }

  cancel(paymentId: string): FakePayment {
    const payment = this.payment(paymentId)
    const started = payment.payment_plan.some((i) => i.state === "paid")
    if (started || ["paid", "stopped", "scored_no"].includes(payment.state)) {
      throw validation("state", `payment is ${payment.state}${started ? " and an instalment was taken" : ""}: refund it instead`, payment.state)
    }
    payment.state = "stopped"
    payment.processing_status = "canceled"
    return payment
  }

  /**
   * A refund: unpaid instalments are lowered first (the rebate); what they cannot absorb goes
   * back as money (the payment refund). Refunding the whole purchase also gives back the customer
   * fees paid, as Alma's full-refund answer shows.
   */
  refund(paymentId: string, body: { amount?: unknown; merchant_reference?: string; comment?: string }): FakePayment {
    const payment = this.payment(paymentId)
    if (!["in_progress", "paid", "late_dunning", "late_contact_customer"].includes(payment.state)) {
      throw validation("state", `payment is ${payment.state}: nothing to refund`, payment.state)
    }
    const refunded = payment.refunds.reduce((total, r) => total + Math.min(r.amount, payment.purchase_amount), 0)
    const left = payment.purchase_amount - refunded
    const amount = body.amount === undefined ? left : body.amount
    if (typeof amount !== "number" || !Number.isSafeInteger(amount) || amount <= 0) throw validation("amount", "amount must be a positive integer (cents)", amount)
    if (amount > left) throw validation("amount", "Impossible de rembourser plus que le montant de l'achat", amount)

    const unpaid = payment.payment_plan.filter((i) => i.state !== "paid")
    const unpaidPrincipal = unpaid.reduce((total, i) => total + i.purchase_amount, 0)
    const rebate = Math.min(amount, unpaidPrincipal)
    const remaining = unpaidPrincipal - rebate
    const amounts = this.refundPolicy === "spread" || unpaid.length === 0 ? spread(remaining, unpaid.length) : lastFirst(unpaid, rebate)
    unpaid.forEach((i, index) => {
      i.purchase_amount = amounts[index]
      i.total_amount = i.purchase_amount + i.customer_fee + i.customer_interest
      if (i.purchase_amount === 0) i.state = "paid" // written off, never collected: date_paid stays null
    })
    const full = amount === left
    const feesPaid = payment.payment_plan.filter((i) => i.date_paid).reduce((total, i) => total + i.customer_fee, 0)
    const cash = amount - rebate + (full ? feesPaid : 0)
    payment.refunds.push({
      id: id("refund"),
      created: this.unixNow(),
      amount: amount + (full ? feesPaid : 0),
      merchant_reference: body.merchant_reference ?? null,
      payment: paymentId,
      from_payment_cancellation: false,
      payment_refund_amount: cash,
      rebate_amount: rebate,
    })
    payment.amount_already_refunded += cash
    if (payment.payment_plan.every((i) => i.state === "paid")) payment.state = "paid"
    return payment
  }

  flagPotentialFraud(paymentId: string, reason: string) {
    this.payment(paymentId)
    this.fraudFlags.push({ payment: paymentId, reason })
  }

  orderStatus(paymentId: string, merchantReference: string, body: { status?: string; is_shipped?: boolean | null }) {
    this.payment(paymentId)
    this.orderStatuses.push({ payment: paymentId, merchant_reference: merchantReference, status: String(body.status ?? ""), is_shipped: body.is_shipped ?? null })
  }

  // ---- IPN ------------------------------------------------------------------------------------

  /** The IPN Alma would send for a payment: `GET <ipn_callback_url>?pid=…` with `X-Alma-Signature`. */
  ipnRequest(paymentId: string, ipnUrl?: string): { url: string; headers: Record<string, string> } {
    const payment = this.payment(paymentId)
    const base = ipnUrl ?? payment.ipn_callback_url
    if (!base) throw new Error(`fake Alma: payment ${paymentId} has no ipn_callback_url`)
    const url = `${base}${base.includes("?") ? "&" : "?"}pid=${encodeURIComponent(paymentId)}`
    return { url, headers: { "X-Alma-Signature": ipnSignature(paymentId, this.apiKey) } }
  }

  /** Sends the IPN of a payment; resolves to the receiver's HTTP status. */
  async deliverIpn(paymentId: string, ipnUrl?: string): Promise<number> {
    const { url, headers } = this.ipnRequest(paymentId, ipnUrl)
    const response = await fetch(url, { headers })
    return response.status
  }
}

function planKeyOf(plan: PlanCode) {
  const dates = { p2x: [2, 0], p3x: [3, 0], p4x: [4, 0], d15: [1, 15], d30: [1, 30] }[plan]
  return { installments_count: dates[0], deferred_days: dates[1], deferred_months: 0 }
}

/** What remains of the unpaid instalments, spread evenly over them (remainder on the first). */
function spread(remaining: number, count: number): number[] {
  return count === 0 ? [] : splitCentsEvenly(remaining, count)
}

/** The rebate taken off the last unpaid instalment first. */
function lastFirst(unpaid: readonly FakeInstalment[], rebate: number): number[] {
  const amounts = unpaid.map((i) => i.purchase_amount)
  let left = rebate
  for (let index = amounts.length - 1; index >= 0 && left > 0; index--) {
    const cut = Math.min(left, amounts[index])
    amounts[index] -= cut
    left -= cut
  }
  return amounts
}
