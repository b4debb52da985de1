/**
 * The `instalments` payment provider (`pp_instalments_instalments`): thin over the instalments
 * module, which owns the plan engine, the card processor and the plans.
 *
 * To Medusa the order is paid once the plan is live: authorisation charges the first instalment
 * and answers `captured`, so Medusa captures the payment in full; the plan is the receivable the
 * plugin collects. With a deferred start, authorisation only verifies the card and answers
 * `authorized`; capture (at shipment) starts the plan. Medusa refunds become plan revisions.
 */
import {
  AbstractPaymentProvider,
  MedusaError,
  PaymentActions,
  PaymentSessionStatus,
} from "@medusajs/framework/utils"
import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import type { Money } from "../../domain/money"
import {
  awaitingShopperData,
  CHECKOUT_REQUEST_KEYS,
  publicCheckoutData,
  type AuthorizedPaymentData,
  type CheckoutSessionData,
  type PublicCheckoutData,
} from "../../modules/instalments/checkout/session-data"
import type InstalmentsModuleService from "../../modules/instalments/service"
import {
  instalmentsModuleOf,
  loggedInCustomer,
  paymentSessionIdOf,
  refuseCardData,
  replacingSentData,
  toMoney,
  type ProviderCradle,
} from "../boundary"

export default class InstalmentsProviderService extends AbstractPaymentProvider<Record<string, unknown>> {
  static override identifier = "instalments"

  protected readonly cradle: ProviderCradle

  constructor(cradle: ProviderCradle, options: Record<string, unknown>) {
    super(cradle, options)
    this.cradle = cradle
  }

  /** The plugin's module, injected through `dependencies: ["instalments"]` on the payment module. */
  protected get instalments(): InstalmentsModuleService {
    return instalmentsModuleOf(this.cradle, "instalments")
  }

  /**
   * The session's data is public (Medusa shows it to anyone holding the cart id): it gets the
   * schedule and a card summary; the shopper's phone, e-mail and the card's reference stay in the
   * module, and whatever else the storefront sent is dropped from what Medusa stores.
   */
  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const sessionId = paymentSessionIdOf(input.data?.session_id, input.context)
    refuseCardData(input.data)
    const { session_id: _sessionId, ...request } = input.data ?? {}
    const data = await this.instalments.openCheckout({
      sessionId,
      amount: toMoney(input.amount, input.currency_code),
      data: withCustomerContact(request, input.context?.customer),
      ownerCustomerId: loggedInCustomer(input.context),
    })
    return { id: sessionId, status: PaymentSessionStatus.PENDING, data: replacingSentData(input.data, data) }
  }

  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const current = (input.data ?? {}) as Partial<PublicCheckoutData>
    const amount = toMoney(input.amount, input.currency_code)
    refuseCardData(input.data)
    if (typeof (input.data as Record<string, unknown> | undefined)?.card_token === "string") {
      // New choices from the storefront (plan, card, phone): start over with them.
      const sessionId = paymentSessionIdOf(current.session_id, input.context)
      return { status: PaymentSessionStatus.PENDING, data: await this.reopenCheckout(sessionId, amount, input.data ?? {}) }
    }
    if (!current.session_id || !current.card || !current.plan) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "This payment session has no instalments plan yet: send data.plan and data.card_token")
    }
    const session = publicCheckoutData(current as CheckoutSessionData)
    if (current.amount_cents === amount.cents && current.currency_code === amount.currency) {
      return { status: PaymentSessionStatus.PENDING, data: session }
    }
    // The cart's amount changed: same plan and card, new schedule.
    return { status: PaymentSessionStatus.PENDING, data: await this.instalments.requoteCheckout(session, amount) }
  }

  /**
   * A new card (and plan, phone...) for a started session: the storefront's new choices, and for
   * what it does not send again (the cart's e-mail, the phone), what the module kept of the session.
   */
  private async reopenCheckout(sessionId: string, amount: Money, sent: Record<string, unknown>): Promise<PublicCheckoutData> {
    const kept = await this.instalments.sessionShopper(sessionId)
    const chosen = Object.fromEntries(CHECKOUT_REQUEST_KEYS.filter((key) => sent[key] !== undefined).map((key) => [key, sent[key]]))
    const request = {
      phone: kept?.phone ?? undefined,
      email: kept?.email ?? undefined,
      cart_id: kept?.cart_id ?? undefined,
      customer_id: kept?.customer_id ?? undefined,
      country_code: sent.country_code,
      ...chosen,
    }
    return this.instalments.openCheckout({ sessionId, amount, data: request, ownerCustomerId: kept?.owner_customer_id ?? undefined })
  }

  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const data = input.data as PublicCheckoutData
    if (!data?.session_id || !data.card) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "This payment session was not started with an instalments plan: start it again with data.plan and data.card_token")
    }
    const authorized = await this.instalments.authorizeCheckout(data)
    if (authorized.status === "requires_action") {
      // 3-D Secure: Medusa keeps the session (status requires_more, this data) and the cart open; the
      // storefront has the shopper authenticate, then completes the cart again, which lands here again.
      return { status: PaymentSessionStatus.REQUIRES_MORE, data: awaitingShopperData(data, authorized.action) }
    }
    return {
      status: authorized.deferred ? PaymentSessionStatus.AUTHORIZED : PaymentSessionStatus.CAPTURED,
      data: authorizedData(data, authorized.plan.id),
    }
  }

  /** Medusa captures: with a deferred start this is when the plan starts (first instalment charged). */
  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const planId = planIdOf(input.data)
    if (planId) await this.instalments.startPlanOnCapture(planId, input.context?.idempotency_key)
    return { data: input.data }
  }

  /**
   * A Medusa refund is a plan revision: it lowers what remains to pay first; only the rest goes
   * back to the card. Refunding everything the order still totals (an order cancellation) ends the
   * plan as cancelled, customer fees refunded too: the engine's full-return rule.
   */
  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const planId = planIdOf(input.data)
    const currency = (input.data as Partial<CheckoutSessionData> | undefined)?.currency_code
    if (!planId || !currency) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This payment has no instalment plan to refund")
    const amount = toMoney(input.amount, currency)
    // Medusa passes its refund id: a retried step with the same id changes nothing, and each card
    // refund it leads to is keyed by it. Without it, a retry could not be told from a new refund.
    const refundId = input.context?.idempotency_key
    if (!refundId) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "A refund needs Medusa's refund id (context.idempotency_key): refund through Medusa's refund workflow, which passes it.", "refund_key_missing")
    }
    await this.instalments.refundFromMedusa(planId, amount, refundId)
    return { data: input.data }
  }

  /** An authorised payment Medusa gives up (order cancelled before capture, failed completion): the plan is cancelled. */
  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    const planId = planIdOf(input.data)
    if (planId) await this.instalments.cancelForMedusa(planId, input.context?.idempotency_key)
    return { data: input.data }
  }

  /** A session deleted before authorisation: nothing was charged, nothing to undo; what the module kept of the shopper goes. */
  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    const sessionId = input.data?.session_id
    if (typeof sessionId === "string" && sessionId) await this.instalments.forgetSessionShopper(sessionId)
    return { data: input.data }
  }

  async getPaymentStatus(input: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const planId = planIdOf(input.data)
    if (!planId) return { status: PaymentSessionStatus.PENDING, data: input.data }
    const plan = await this.instalments.loadPlan(planId, { withInstalments: false })
    return { status: paymentStatusOf(plan?.status), data: input.data }
  }

  async retrievePayment(input: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    const planId = planIdOf(input.data)
    if (!planId) return { data: input.data }
    const plan = await this.instalments.loadPlan(planId, { withInstalments: false })
    return { data: { ...input.data, plan_status: plan?.status } }
  }

  /** The sandbox processor sends no webhooks; the plugin collects instalments itself. */
  async getWebhookActionAndData(_payload: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    return { action: PaymentActions.NOT_SUPPORTED }
  }
}

/**
 * What the payment keeps once the plan exists: the plan's id and what refunds need. The schedule,
 * the card and the shopper's phone and e-mail live on the plan, so Medusa's payment records (and
 * whatever reads them) hold no more of the shopper than they need.
 */
function authorizedData(data: PublicCheckoutData, planId: string): AuthorizedPaymentData {
  return {
    session_id: data.session_id,
    plan_id: planId,
    plan: data.plan,
    locale: data.locale,
    currency_code: data.currency_code,
    amount_cents: data.amount_cents,
  }
}

/** The payment status Medusa sees for a plan. */
function paymentStatusOf(planStatus: string | undefined): PaymentSessionStatus {
  switch (planStatus) {
    case undefined:
      return PaymentSessionStatus.PENDING
    case "pending_start":
      return PaymentSessionStatus.AUTHORIZED
    case "cancelled":
      return PaymentSessionStatus.CANCELED
    default:
      // Live, late, frozen, completed...: to Medusa the order is paid; the plugin collects the rest.
      return PaymentSessionStatus.CAPTURED
  }
}

function planIdOf(data: Record<string, unknown> | undefined): string | undefined {
  const id = data?.plan_id
  return typeof id === "string" && id ? id : undefined
}

/**
 * A logged-in customer's e-mail, phone and billing country complete what the storefront and the
 * middleware did not give. (Their id makes them the plan's owner: see `loggedInCustomer`.)
 */
function withCustomerContact(
  data: Record<string, unknown>,
  customer: { email?: string | null; phone?: string | null; billing_address?: { country_code?: string | null } | null } | undefined,
): Record<string, unknown> {
  if (!customer) return data
  return {
    ...data,
    email: data.email ?? customer.email ?? undefined,
    phone: data.phone ?? customer.phone ?? undefined,
    country_code: data.country_code ?? customer.billing_address?.country_code ?? undefined,
  }
}
