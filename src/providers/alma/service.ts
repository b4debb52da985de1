/**
 * The `alma` payment provider (`pp_alma_alma` when registered with id "alma"): Alma is the
 * lender. It funds the order, takes the credit risk and collects the instalments on its own
 * hosted pages; the plugin keeps a mirror of Alma's plan in the instalments module, so the admin
 * views, the history and the self-service JSON show it like a direct plan.
 *
 *  - initiatePayment creates Alma's payment and returns its page (`data.payment_url`): the session
 *    is `pending` until the shopper accepts there.
 *  - authorizePayment (cart completion, from the storefront, the return route or the IPN) reads
 *    the payment from Alma: accepted and for the session's amount → `captured` (Alma pays the
 *    merchant) or `authorized` while a deferred payment waits for the shipment; the mirror is created.
 *  - capturePayment (shipment) triggers a deferred payment, once (`deferred_trigger_applied`).
 *  - refundPayment sends the refund to Alma with Medusa's refund id as `merchant_reference`.
 *  - cancelPayment cancels a payment Alma has not started.
 * Thin: the Alma client (src/lenders/alma) talks HTTP; the module writes the mirror. Alma is
 * always called with no transaction open and no row locked: read first, then the mirror written;
 * a money-moving call is recorded before it is made (src/lenders/alma/operations.ts).
 */
import { logger as medusaLogger } from "@medusajs/framework/logger"
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
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { money, toMajorString, type Money } from "../../domain/money"
import { describeReasons, resolveLocale } from "../../domain/texts"
import type { AlmaClient } from "../../lenders/alma/client"
import { toMedusaError } from "../../lenders/alma/errors"
import { awaitsTrigger, isAccepted, isRefused } from "../../lenders/alma/mirror"
import { finishAlmaOperation, startAlmaOperation, type AlmaOperationsContext, type AlmaRequest } from "../../lenders/alma/operations"
import { parseAlmaOptions, type AlmaConfig } from "../../lenders/alma/options"
import { registerAlma } from "../../lenders/alma/registry"
import type { AlmaPayment } from "../../lenders/alma/schemas"
import { createWrite, readPayment, refreshWrite, type AlmaRead } from "../../lenders/alma/sync"
import type InstalmentsModuleService from "../../modules/instalments/service"
import type { SessionShopper } from "../../modules/instalments/checkout/session-data"
import {
  instalmentsModuleOf,
  loggedInCustomer,
  paymentSessionIdOf,
  refuseCardData,
  replacingSentData,
  toMoney,
  type ProviderCradle,
} from "../boundary"
import { ALMA_REQUEST_KEYS, createPaymentBody, parseSessionRequest, type AlmaSessionData, type AlmaSessionRequest } from "./session"

export default class AlmaProviderService extends AbstractPaymentProvider<Record<string, unknown>> {
  static override identifier = "alma"

  /** Medusa validates provider options at boot: a bad option stops it with a message naming it. */
  static override validateOptions(options: Record<string, unknown>): void {
    // The API routes (quote, IPN, return) reach Alma through this registration.
    registerAlma(parseAlmaOptions(options))
  }

  protected readonly cradle: ProviderCradle
  protected readonly alma: AlmaConfig
  protected readonly client: AlmaClient

  constructor(cradle: ProviderCradle, options: Record<string, unknown>) {
    super(cradle, options)
    this.cradle = cradle
    const registered = registerAlma(parseAlmaOptions(options))
    this.alma = registered.config
    this.client = registered.client
  }

  protected get instalments(): InstalmentsModuleService {
    return instalmentsModuleOf(this.cradle, "alma")
  }

  /** An Alma call whose failure becomes a clear Medusa error. */
  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run()
    } catch (error) {
      throw toMedusaError(error)
    }
  }

  // ---- checkout -------------------------------------------------------------------------------

  /**
   * The session's data is public (Medusa shows it to anyone holding the cart id): Alma's page, the
   * plan and the amount. The shopper's e-mail, phone and addresses go to Alma and into the module,
   * and whatever else was sent is dropped from what Medusa stores.
   */
  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const sessionId = paymentSessionIdOf(input.data?.session_id, input.context)
    refuseCardData(input.data, ["shipping_address", "billing_address"])
    const { session_id: _sessionId, ...sent } = input.data ?? {}
    const request = parseSessionRequest(sent, this.alma)
    const data = await this.openAlmaPayment(sessionId, toMoney(input.amount, input.currency_code), request, loggedInCustomer(input.context))
    return { id: data.alma_payment_id, status: PaymentSessionStatus.PENDING, data: replacingSentData(input.data, data) }
  }

  /** `ownerCustomerId`: the customer logged in when the session started (the plan's owner). */
  private async openAlmaPayment(sessionId: string, amount: Money, request: AlmaSessionRequest, ownerCustomerId: string | undefined): Promise<AlmaSessionData> {
    if (amount.currency !== "eur") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `currency_not_supported: Alma lends in euros only (the cart is in ${amount.currency.toUpperCase()})`, "currency_not_supported")
    }
    const body = createPaymentBody({ request, sessionId, amountCents: amount.cents, config: this.alma })
    const payment = await this.call(() => this.client.createPayment(body))
    if (!payment.url) throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Alma created payment ${payment.id} without a payment page URL`)
    await this.instalments.keepSessionShopper(shopperOf(sessionId, request, ownerCustomerId))
    return {
      session_id: sessionId,
      alma_payment_id: payment.id,
      payment_url: payment.url,
      plan: request.plan,
      locale: resolveLocale(request.locale),
      currency_code: amount.currency,
      amount_cents: amount.cents,
      cart_id: request.cart_id,
      deferred_trigger: this.alma.deferredTrigger === "on_shipment",
    }
  }

  /**
   * A new plan or a new amount needs a new Alma payment (Alma's amount cannot change): the
   * storefront's choices, with the shopper the module kept for the session.
   */
  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const current = (input.data ?? {}) as Partial<AlmaSessionData>
    const amount = toMoney(input.amount, input.currency_code)
    const sessionId = paymentSessionIdOf(current.session_id, input.context)
    refuseCardData(input.data)
    const unchanged = current.alma_payment_id && current.amount_cents === amount.cents && current.currency_code === amount.currency
    if (unchanged) return { status: PaymentSessionStatus.PENDING, data: publicAlmaData(current as AlmaSessionData) }
    const kept = await this.instalments.sessionShopper(sessionId)
    const sent = input.data ?? {}
    const request = parseSessionRequest(
      {
        ...Object.fromEntries(ALMA_REQUEST_KEYS.filter((key) => sent[key] !== undefined).map((key) => [key, sent[key]])),
        cart_id: kept?.cart_id ?? current.cart_id,
        email: kept?.email ?? undefined,
        customer_id: kept?.customer_id ?? undefined,
        ...(kept?.addresses ?? {}),
      },
      this.alma,
    )
    return { status: PaymentSessionStatus.PENDING, data: await this.openAlmaPayment(sessionId, amount, request, kept?.owner_customer_id ?? undefined) }
  }

  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const data = sessionData(input.data)
    const { payment, readAt } = await this.call(() => readPayment(this.client, data.alma_payment_id))
    this.assertAcceptedForSession(payment, data)
    const shopper = await this.instalments.sessionShopper(data.session_id)
    const now = this.instalments.now()
    const { plan } = await this.instalments.mirrorLenderPlan({
      sessionId: data.session_id,
      actor: "alma",
      idempotencyKey: undefined,
      build: (current) =>
        current
          ? refreshWrite(current, payment, { cause: "authorisation", timeZone: this.timeZone, now, readAt })
          : createWrite(payment, { ...shopper, locale: data.locale }, this.timeZone, now, readAt),
    })
    return {
      status: awaitsTrigger(payment) ? PaymentSessionStatus.AUTHORIZED : PaymentSessionStatus.CAPTURED,
      data: { ...publicAlmaData(data), plan_id: plan?.id },
    }
  }

  /** Refuses anything but an accepted payment of this session, for this session's amount. */
  private assertAcceptedForSession(payment: AlmaPayment, data: AlmaSessionData) {
    if (payment.custom_data?.session_id !== data.session_id) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `alma_payment_mismatch: Alma payment ${payment.id} does not belong to payment session ${data.session_id}`, "alma_payment_mismatch")
    }
    if (isRefused(payment)) {
      const [reason] = describeReasons(["credit_refused"], data.locale)
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${reason.code}: ${reason.message} (Alma: ${payment.state})`, reason.code)
    }
    if (!isAccepted(payment)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `alma_payment_pending: the shopper has not accepted the Alma payment yet (Alma: ${payment.state}). Redirect them to data.payment_url, then complete the cart again.`,
        "alma_payment_pending",
      )
    }
    if (payment.purchase_amount !== data.amount_cents) {
      // Every Alma plugin reports this to Alma: someone changed the amount between the cart and Alma's page.
      void this.client.flagPotentialFraud(payment.id, "amount_mismatch").catch(() => undefined)
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `amount_mismatch: Alma's payment ${payment.id} is for ${toMajorString(money(payment.purchase_amount, "eur"))} € but the payment session is for ${toMajorString(money(data.amount_cents, "eur"))} €: nothing is authorised`,
        "amount_mismatch",
      )
    }
  }

  private get timeZone(): string {
    return this.instalments.engineConfig.timeZone
  }

  // ---- after the order ------------------------------------------------------------------------
  // Each call that moves money at Alma is recorded before it is made and made with no
  // transaction open (src/lenders/alma/operations.ts). Once recorded, it is owed: if Alma does not
  // answer, or its answer cannot be written, Medusa's capture, refund or cancellation stands and
  // the hourly job settles the operation from Alma's records. Only Alma's refusal (nothing moved)
  // fails Medusa's call.

  private get operationsContext(): AlmaOperationsContext {
    return { instalments: this.instalments, client: this.client, logger: this.logger }
  }

  private get logger(): AlmaOperationsContext["logger"] {
    try {
      return (this.cradle.logger as AlmaOperationsContext["logger"] | undefined) ?? medusaLogger
    } catch {
      return medusaLogger
    }
  }

  /** Refreshes the mirror from what was just read: nothing to ask of Alma. */
  private async refreshMirror(sessionId: string, read: AlmaRead, cause: string) {
    await this.instalments.mirrorLenderPlan({
      sessionId,
      actor: "medusa",
      build: (current) => (current ? refreshWrite(current, read.payment, { cause, timeZone: this.timeZone, now: this.instalments.now(), readAt: read.readAt }) : null),
    })
  }

  /** Records the operation (or finds it under its key), then sends it if this call recorded it. */
  private async runAlmaOperation(request: AlmaRequest, read: AlmaRead): Promise<void> {
    const { operation, created } = await startAlmaOperation(this.operationsContext, request)
    if (operation.status === "completed") return
    if (operation.status === "declined") {
      // Refused by Alma the first time (nothing moved): the same request gets the same answer.
      const code = operation.outcome?.code ?? "alma_refused"
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${code}: ${operation.outcome?.message ?? `Alma refused ${operation.idempotency_key}`}`, code)
    }
    // A replay finding it still executing sends nothing: its first driver, or the job, does.
    const finished = await finishAlmaOperation(this.operationsContext, operation, read, async () => created)
    if (finished.kind === "refused") throw toMedusaError(finished.error)
  }

  /** The order ships: a deferred payment starts now (Alma takes the first instalment), never twice. */
  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const data = sessionData(input.data)
    const read = await this.call(() => readPayment(this.client, data.alma_payment_id))
    // Nothing awaits a trigger (not deferred, or triggered already): the mirror is refreshed, Alma is not asked.
    if (!awaitsTrigger(read.payment)) {
      await this.refreshMirror(data.session_id, read, "shipment")
      return { data: input.data }
    }
    const captureId = input.context?.idempotency_key ? String(input.context.idempotency_key) : null
    await this.runAlmaOperation({ action: "trigger", sessionId: data.session_id, paymentId: data.alma_payment_id, captureId }, read)
    return { data: input.data }
  }

  /**
   * A Medusa refund goes to Alma with Medusa's refund id as `merchant_reference`, which is also
   * the operation's key: a replay sends nothing (the operation is known, and Alma's refund list
   * shows the reference). Without Medusa's refund id nothing would tell two refunds of the same
   * amount apart: refused.
   */
  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const data = sessionData(input.data)
    const amount = toMoney(input.amount, data.currency_code)
    const reference = refundReference(input.context?.idempotency_key)
    const read = await this.call(() => readPayment(this.client, data.alma_payment_id))
    await this.runAlmaOperation(
      { action: "refund", sessionId: data.session_id, paymentId: data.alma_payment_id, reference, amount: amount.cents, currency: amount.currency },
      read,
    )
    return { data: input.data }
  }

  /** Medusa gives up an authorised payment (order cancelled before shipment, failed completion): cancel it at Alma. */
  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    const data = sessionData(input.data)
    const read = await this.call(() => readPayment(this.client, data.alma_payment_id))
    // Started (an instalment taken), refused or over: Alma has nothing to cancel; the mirror says so.
    if (!cancellable(read.payment)) {
      await this.refreshMirror(data.session_id, read, "cancellation")
      return { data: input.data }
    }
    await this.runAlmaOperation({ action: "cancel", sessionId: data.session_id, paymentId: data.alma_payment_id }, read)
    return { data: input.data }
  }

  /** A session dropped before authorisation: Alma's unaccepted payment simply expires; what the module kept of the shopper goes. */
  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    const sessionId = input.data?.session_id
    if (typeof sessionId === "string" && sessionId) await this.instalments.forgetSessionShopper(sessionId)
    return { data: input.data }
  }

  async getPaymentStatus(input: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const data = sessionData(input.data)
    const payment = await this.call(() => this.client.getPayment(data.alma_payment_id))
    if (isRefused(payment)) return { status: PaymentSessionStatus.ERROR, data: input.data }
    if (!isAccepted(payment)) return { status: PaymentSessionStatus.PENDING, data: input.data }
    return { status: awaitsTrigger(payment) ? PaymentSessionStatus.AUTHORIZED : PaymentSessionStatus.CAPTURED, data: input.data }
  }

  async retrievePayment(input: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    const data = sessionData(input.data)
    const payment = await this.call(() => this.client.getPayment(data.alma_payment_id))
    return { data: { ...input.data, alma_state: payment.state } }
  }

  /** Alma's IPN is a GET, which Medusa's webhook route does not take: the plugin serves it at /hooks/alma/ipn. */
  async getWebhookActionAndData(): Promise<WebhookActionResult> {
    return { action: PaymentActions.NOT_SUPPORTED }
  }
}

/** Whether Alma can still cancel the payment: nothing taken, not refused, not over. */
function cancellable(payment: AlmaPayment): boolean {
  return !["stopped", "scored_no", "paid"].includes(payment.state) && !payment.payment_plan.some((i) => i.date_paid)
}

/** Medusa's refund id, which names the refund at Alma; a refund without one is refused. */
function refundReference(key: unknown): string {
  if (typeof key === "string" && key.trim()) return key
  throw new MedusaError(
    MedusaError.Types.INVALID_DATA,
    "idempotency_key_required: an Alma refund needs Medusa's refund id (context.idempotency_key), sent to Alma as merchant_reference so a retry is not refunded twice; refund through Medusa's payment module (POST /admin/payments/:id/refund), which passes it",
    "idempotency_key_required",
  )
}

function sessionData(data: Record<string, unknown> | undefined): AlmaSessionData {
  const session = data as Partial<AlmaSessionData> | undefined
  if (!session?.session_id || !session.alma_payment_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "This payment session has no Alma payment: start it again with data.plan")
  }
  return session as AlmaSessionData
}

/** Only the session's public keys (a caller may have passed more). */
function publicAlmaData(data: AlmaSessionData): AlmaSessionData {
  return {
    session_id: data.session_id,
    alma_payment_id: data.alma_payment_id,
    payment_url: data.payment_url,
    plan: data.plan,
    locale: data.locale,
    currency_code: data.currency_code,
    amount_cents: data.amount_cents,
    cart_id: data.cart_id,
    deferred_trigger: data.deferred_trigger,
  }
}

/** What the module keeps of an Alma session's shopper: who they are, and the addresses Alma scored. */
function shopperOf(sessionId: string, request: AlmaSessionRequest, ownerCustomerId: string | undefined): SessionShopper {
  const person = request.billing_address ?? request.shipping_address
  return {
    id: sessionId,
    provider: "alma",
    cart_id: request.cart_id ?? null,
    customer_id: request.customer_id ?? null,
    owner_customer_id: ownerCustomerId ?? null,
    email: request.email ?? null,
    phone: person?.phone ?? null,
    card_reference: null,
    addresses: { shipping_address: request.shipping_address ?? null, billing_address: request.billing_address ?? null },
  }
}
