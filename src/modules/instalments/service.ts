/**
 * The instalments module: plans, their instalments and their history, on Postgres; the plan engine
 * (src/domain) decides, this service loads, locks, moves money through the card processor and
 * writes. The payment provider, the API routes and the jobs all go through it.
 *
 * Money moves once (operations/run.ts): every operation that charges or refunds is decided and
 * recorded under the plan's row lock with keys derived from what triggered it, committed, sent to
 * the processor with no transaction open, then its answers are recorded by key. The reconciler
 * (operations/reconcile.ts) settles what a crash left in between from the processor's own records.
 */
import type { Context, IEventBusModuleService } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import { toLocalDate, type LocalDate } from "../../domain/calendar"
import { chargesAtCheckout } from "../../domain/catalogue"
import type { EngineConfig } from "../../domain/config"
import { money, type Money } from "../../domain/money"
import type { LedgerEvent, RevisionContext, RevisionOutcome } from "../../domain/outcome"
import { createPlan, type PlanSnapshot } from "../../domain/plan"
import { cancelPlan } from "../../domain/revisions/cancel"
import { applyExchange, recordExchangeRefund, requestExchangePayment } from "../../domain/revisions/exchange"
import { applyRefund } from "../../domain/revisions/refund"
import { startDeferredPlan } from "../../domain/revisions/start"
import { quoteAll, quotePlan } from "../../domain/quote"
import type { Result } from "../../domain/result"
import { resolveLocale, t } from "../../domain/texts"
import { parsePluginOptions } from "../../options/plugin-options"
import {
  createMemorySandboxStore,
  createPostgresSandboxStore,
  createSandboxProcessor,
  type CardProcessor,
  type SandboxClock,
  type SandboxStore,
  type SqlClient,
} from "../../processors"
import {
  cardEligibility,
  cardSummaryData,
  CheckoutRequestSchema,
  eligibilityRefusal,
  invalid,
  normalisePhone,
  publicCheckoutData,
  refusal,
  scheduleView,
  sessionShopperOf,
  withShopper,
  type CheckoutSessionData,
  type PublicCheckoutData,
  type SessionShopper,
} from "./checkout"
import { keyReused, planChanged, planNotFound, processorUnavailable, unwrapRevision } from "./errors"
import { ledgerRows, planToSnapshot, snapshotToInstalmentColumns, snapshotToPlanColumns, type PlanRow } from "./mapping"
import { emptySummary, selectCandidateIds, type CollectionSummary } from "./collection"
import Instalment from "./models/instalment"
import InstalmentExchange from "./models/instalment-exchange"
import InstalmentMovement from "./models/instalment-movement"
import InstalmentOperation from "./models/instalment-operation"
import { boundSql, entityIds, insertRows, type Run } from "./sql"
import { INSTALMENT_PLAN_EVENTS, type PluginEvent } from "./plugin-events"
import InstalmentPlan from "./models/instalment-plan"
import InstalmentPlanEvent from "./models/instalment-plan-event"
import { chargeAtCheckout, compensate, settleCheckoutSql } from "./operations/checkout-charge"
import { collectBatch } from "./operations/collect-batch"
import { digestOf, fingerprintOf } from "./operations/keys"
import { findOperationByKey, insertOperation } from "./operations/records"
import { lockPlan } from "./plan-writes"
import {
  armedRefund,
  armRefund,
  disarmRefund,
  exchangesOfPlan,
  insertExchange,
  linkPayment,
  markPaid,
  newRefundNonce,
  recordCollection,
  settleRefund,
  type ExchangeRow,
} from "./exchanges"
import { reconcile, reconcileOperation, type ReconcileSummary } from "./operations/reconcile"
import { runRevision, type OperationsDeps, type PlanRevision, type ReviseOptions, type RevisionResult } from "./operations/run"
import InstalmentSessionShopper from "./models/session-shopper"
import { requireStatus } from "../../domain/revisions/guards"
import { CARD_CHANGE_STATUSES, cardRefusalReasons, lastDueDate } from "../../self-service/card-rules"
import { planLink, verifyPlanToken, type LinkCheck, type LinkedPlan } from "../../self-service/link"
import { bumpLinkVersion, nextLinkVersion } from "../../self-service/revocation"
import { parseSelfServiceOptions, projectJwtSecret, warnOnce, type SelfServiceOptionsInput, type SelfServiceSettings } from "../../self-service/options"
import { moduleClock, moveTestClock, parseTestClockOption } from "./test-clock"
import {
  beginLenderOperation,
  claimStaleLenderOperation,
  executingLenderOperation,
  executingLenderOperations,
  settleLenderOperation,
  type LenderOperation,
  type LenderOperationInput,
  type LenderSettlement,
} from "./operations/lender"

export type { PlanRevision, ReviseOptions, RevisionResult } from "./operations/run"
export { unwrapRevision } from "./errors"

/** Options of the module: the plugin options (see src/options) plus the wiring choices below. */
export interface InstalmentsModuleOptions {
  /**
   * Card processor: `sandbox` (default, offline test cards), or a function that builds one from
   * the module's clock and sandbox store (tests wrap the sandbox with faults; see
   * test-support/faulty-processor.ts).
   */
  processor?: "sandbox" | ProcessorFactory
  /**
   * Where the sandbox keeps its cards, charges and refunds: `database` (default: a table of this
   * module, so they survive a restart and the server and worker processes share them) or `memory`
   * (one process, gone at restart).
   */
  sandbox_store?: "database" | "memory"
  /**
   * How long a request waits, in milliseconds, for a payment already running on the same plan
   * before answering `plan_busy` (409, retryable). Default 5000.
   */
  busy_wait_ms?: number
  /** Version of the credit terms the shopper accepts at checkout, recorded on every plan. */
  terms_version?: string
  /** Signed links to the shopper's page: `{ secret, base_url, link_ttl_days }` (src/self-service/options.ts). */
  self_service?: SelfServiceOptionsInput
  /** The sandbox test clock (admin route, tests, demo): default false, refused in production (./test-clock.ts). */
  test_clock?: boolean
  [option: string]: unknown
}

/** Builds the card processor from what the module provides. */
export type ProcessorFactory = (provided: { clock: SandboxClock; store: () => SandboxStore }) => CardProcessor

const DEFAULT_TERMS_VERSION = "2026-11"

type Actor = string
/** How long a statement waits for a row lock before giving up (the request fails; nothing is half written). */
const LOCK_TIMEOUT_MS = 3_000
/** How long a request waits for another operation on the same plan (usually one processor call). */
const BUSY_WAIT_MS = 5_000
/** An operation unchanged for this long has lost its driver: whoever finds it settles it. */
export const STALE_OPERATION_MS = 5 * 60_000

export default class InstalmentsModuleService extends MedusaService({
  InstalmentPlan,
  Instalment,
  InstalmentPlanEvent,
  InstalmentOperation,
  InstalmentMovement,
  InstalmentSessionShopper,
  InstalmentExchange,
}) {
  readonly engineConfig: EngineConfig
  readonly processor: CardProcessor
  /** The sandbox clock (moved by the admin test clock); the real time, immovable, without `test_clock`. */
  readonly clock: SandboxClock
  /** Whether the `test_clock` option turned the test clock on. */
  readonly testClock: boolean
  readonly termsVersion: string
  /** How self-service links are signed and where they point. */
  readonly selfService: SelfServiceSettings
  /** What the money operations need from the module (operations/run.ts). */
  readonly operations: OperationsDeps
  private readonly busyWaitMs: number

  constructor(cradle: Record<string, unknown>, options: InstalmentsModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    // `database` is Medusa's own (it injects it into every module's options); the rest is ours.
    const { processor = "sandbox", sandbox_store = "database", terms_version, self_service, test_clock, busy_wait_ms, database: _database, ...engineOptions } = options ?? {}
    this.engineConfig = parsePluginOptions(engineOptions)
    this.selfService = parseSelfServiceOptions(self_service, { env: process.env, jwtSecret: projectJwtSecret(cradle) })
    this.testClock = parseTestClockOption(test_clock, process.env)
    for (const warning of this.selfService.warnings) warnOnce(warning)
    this.termsVersion = terms_version ?? DEFAULT_TERMS_VERSION
    if (processor !== "sandbox" && typeof processor !== "function") {
      throw new Error(`medusa-instalments: option "processor" must be "sandbox" (got "${String(processor)}")`)
    }
    this.clock = moduleClock(this.testClock)
    const store = () => sandboxStore(sandbox_store, cradle)
    this.processor = typeof processor === "function" ? processor({ clock: this.clock, store }) : createSandboxProcessor({ clock: this.clock, store: store() })
    this.busyWaitMs = parseBusyWait(busy_wait_ms)
    this.operations = this.operationsDeps()
  }
  // ---- time ------------------------------------------------------------------------------------

  now(): Date {
    return this.clock.now()
  }

  today(): LocalDate {
    return toLocalDate(this.now(), this.engineConfig.timeZone)
  }

  revisionContext(): RevisionContext {
    return { config: this.engineConfig, today: this.today(), now: this.now().toISOString() }
  }

  // ---- quotes ----------------------------------------------------------------------------------

  /** Every offered plan for an amount and a shopper country, with the schedule in their language. */
  quote(input: { amount: Money; country: string; locale?: string }) {
    const locale = resolveLocale(input.locale)
    const quotes = quoteAll({ config: this.engineConfig, amount: input.amount, country: input.country, today: this.today() })
    return quotes.map((quote) => ({ quote, view: scheduleView(quote, locale) }))
  }

  // ---- checkout --------------------------------------------------------------------------------

  /**
   * Starts an instalments payment session: validates the request, checks the plan and the card
   * (no money moves), keeps the shopper's private facts in the module and returns the session
   * data (public: the schedule and a card summary to show). `ownerCustomerId` is the logged-in
   * customer's, never the cart's: the plan belongs to their account.
   */
  async openCheckout(input: { sessionId: string; amount: Money; data: unknown; ownerCustomerId?: string }): Promise<PublicCheckoutData> {
    const parsed = CheckoutRequestSchema.safeParse(input.data ?? {})
    if (!parsed.success) {
      throw invalid(parsed.error.issues.map((i) => i.message).join("; "))
    }
    const request = parsed.data
    const locale = resolveLocale(request.locale)
    const phone = normalisePhone(request.phone)
    if (!phone) {
      throw invalid("data.phone is not a mobile number: write it in international form, e.g. +33 6 12 34 56 78")
    }
    const country = request.country_code?.toLowerCase()
    if (!country) {
      throw invalid("The cart has no address with a country: set the cart's shipping address before choosing instalments")
    }
    const quote = quotePlan({ config: this.engineConfig, plan: request.plan, amount: input.amount, country, today: this.today() })
    if (!quote.eligibility.eligible) {
      throw eligibilityRefusal(quote.eligibility.reasons, this.engineConfig, request.plan, locale)
    }
    const card = await this.processor.describeCard(request.card_token, {
      idempotencyKey: `${input.sessionId}:card:${digestOf(request.card_token)}`,
    })
    if (!card.ok) {
      throw invalid(`data.card_token: ${card.error.message}`)
    }
    const withCard = cardEligibility(this.engineConfig, quote, country, card.value)
    if (!withCard.eligible) {
      throw eligibilityRefusal(withCard.reasons, this.engineConfig, request.plan, locale)
    }
    const checkout: CheckoutSessionData = {
      session_id: input.sessionId,
      plan: request.plan,
      locale,
      country_code: country,
      phone,
      email: request.email,
      cart_id: request.cart_id,
      customer_id: request.customer_id,
      owner_customer_id: input.ownerCustomerId,
      currency_code: input.amount.currency,
      amount_cents: input.amount.cents,
      quoted_on: quote.quotedOn,
      card: cardSummaryData(card.value),
      schedule: scheduleView(quote, locale),
      terms_version: this.termsVersion,
    }
    await this.keepSessionShopper(sessionShopperOf(checkout))
    return publicCheckoutData(checkout)
  }

  /**
   * The cart's amount changed after the session started: quote again for the same plan and the
   * same card, with the same checks.
   */
  async requoteCheckout(session: PublicCheckoutData, amount: Money): Promise<PublicCheckoutData> {
    const current = await this.checkoutOf(session)
    const locale = resolveLocale(current.locale)
    const quote = quotePlan({ config: this.engineConfig, plan: current.plan, amount, country: current.country_code, today: this.today() })
    if (!quote.eligibility.eligible) throw eligibilityRefusal(quote.eligibility.reasons, this.engineConfig, current.plan, locale)
    const card = await this.processor.getCard(current.card.reference)
    if (!card.ok) throw invalid(`The card of this payment session is unknown to the processor: ${card.error.message}`)
    const withCard = cardEligibility(this.engineConfig, quote, current.country_code, card.value)
    if (!withCard.eligible) throw eligibilityRefusal(withCard.reasons, this.engineConfig, current.plan, locale)
    return publicCheckoutData({
      ...current,
      currency_code: amount.currency,
      amount_cents: amount.cents,
      quoted_on: quote.quotedOn,
      schedule: scheduleView(quote, locale),
    })
  }

  /**
   * Completing the cart: credit decision, first instalment charged (or the card verified for
   * d15/d30 and deferred start), then the plan and its history written. Idempotent by session:
   * the processor calls carry the session's keys (a replay gets their first answers) and the
   * unique index on the session refuses a second plan, so a second call returns the plan of the
   * first. A refusal throws and leaves nothing behind.
   */
  async authorizeCheckout(session: PublicCheckoutData): Promise<{ plan: PlanRow; deferred: boolean }> {
    const data = await this.checkoutOf(session)
    const deferred = this.engineConfig.deferredStart === "on_shipment"
    const locale = resolveLocale(data.locale)
    const amount = money(data.amount_cents, data.currency_code)
    const quote = quotePlan({ config: this.engineConfig, plan: data.plan, amount, country: data.country_code, today: this.today() })
    const card = await this.processor.getCard(data.card.reference)
    if (!card.ok) throw invalid(`The card of this payment session is unknown to the processor: ${card.error.message}`)

    const decision = await this.processor.creditDecision({
      cardRef: card.value.cardRef,
      amount,
      planCode: data.plan,
      phone: data.phone,
      email: data.email,
      idempotencyKey: `${data.session_id}:credit`,
    })
    if (!decision.ok) throw processorUnavailable(`credit decision: ${decision.error.message}`)
    const eligibility = cardEligibility(this.engineConfig, quote, data.country_code, card.value, decision.value.decision)
    if (!eligibility.eligible) throw eligibilityRefusal(eligibility.reasons, this.engineConfig, data.plan, locale)

    const chargeNow = chargesAtCheckout(data.plan) && !deferred
    const first = quote.instalments[0]
    const charged = chargeNow
      ? await chargeAtCheckout(
          this.operations,
          { sessionId: data.session_id, cardRef: data.card.reference, amount: money(first.amount.cents + first.customerFee.cents, first.amount.currency), planCode: data.plan },
          (code) => refusal([{ code, message: t(locale, "self.error.paymentDeclined") }]),
        )
      : null
    if (!chargeNow) await this.verifyCard(data, locale)

    const outcome = unwrapRevision(
      createPlan(quote, { now: this.now().toISOString(), deferredStart: deferred, firstChargePaid: chargeNow }),
    )
    try {
      const plan = await this.insertPlan(data, outcome, { deferred, creditReference: decision.value.reference, firstCharge: charged ?? undefined })
      return { plan, deferred }
    } catch (error) {
      // This session already has its plan (a replay, or a concurrent completion that won the
      // unique index): return that plan. A completion on another card charged that card too:
      // its charge goes back.
      const winner = await this.findPlanBySession(data.session_id)
      const ownCharge = winner?.instalments?.some((i) => i.charge_reference === charged?.chargeId)
      if (charged && !ownCharge) await compensate(this.operations, charged.operationId, charged.chargeId)
      if (winner) return { plan: winner, deferred: winner.status === "pending_start" }
      throw error
    }
  }

  private async verifyCard(data: CheckoutSessionData, locale: string): Promise<string> {
    const result = await this.processor.verifyCard({ cardRef: data.card.reference, idempotencyKey: `${data.session_id}:verify` })
    if (!result.ok) throw processorFailure(result.error)
    if (result.value.status === "failed") {
      throw refusal([{ code: result.value.code, message: t(locale, "self.error.paymentDeclined") }])
    }
    return result.value.verificationId
  }

  /**
   * The plan, its instalments and its opening events in one statement (so atomic without a
   * transaction): checkout is on the shopper's critical path, and the entity manager's version
   * (a transaction and three inserts) took 5 ms of the authorisation's 7. Returns the plan's row,
   * without its instalments.
   */
  @InjectManager()
  protected async insertPlan(
    data: CheckoutSessionData,
    outcome: RevisionOutcome,
    extra: { deferred: boolean; creditReference: string; firstCharge?: { operationId: string; chargeId: string } },
    @MedusaContext() sharedContext: Context = {},
  ): Promise<PlanRow> {
    const plan = outcome.plan
    const now = this.now()
    const idTime = new Date()
    const [planId] = entityIds("iplan", 1, idTime)
    const instalmentIds = entityIds("inst", plan.instalments.length, idTime)
    const planRow = insertRows("instalment_plan", [
      {
        id: planId,
        ...snapshotToPlanColumns(plan),
        payment_session_id: data.session_id,
        cart_id: data.cart_id ?? null,
        customer_id: data.customer_id ?? null,
        owner_customer_id: data.owner_customer_id ?? null,
        email: data.email ?? null,
        deferred_start: extra.deferred,
        phone: data.phone,
        locale: data.locale,
        processor: this.processor.name,
        card_reference: data.card.reference,
        card_brand: data.card.brand,
        card_network: data.card.network,
        card_last4: data.card.last4,
        card_funding: data.card.funding,
        card_exp_month: data.card.exp_month,
        card_exp_year: data.card.exp_year,
        card_country: data.card.country,
        credit_reference: extra.creditReference,
        terms_version: data.terms_version,
        terms_accepted_at: now,
      },
    ])
    const instalmentRows = insertRows(
      "instalment",
      plan.instalments.map((i, index) => ({
        id: instalmentIds[index],
        plan_id: planId,
        ...snapshotToInstalmentColumns(i),
        charge_reference: i.number === 1 && i.status === "paid" ? extra.firstCharge?.chargeId ?? null : null,
      })),
    )
    const eventRows = insertRows("instalment_plan_event", this.eventRows(planId, outcome.events, "shopper", `checkout:${data.session_id}`, now))
    // The checkout's charge is settled by the same statement: no plan without its charge recorded.
    const first = extra.firstCharge
    const [row] = (await boundSql(sharedContext)(
      `with plan as (${planRow.sql} returning *), instalments as (${instalmentRows.sql}), events as (${eventRows.sql})
       ${first ? `, ${settleCheckoutSql()}` : ""}
       select * from plan`,
      [planRow.param, instalmentRows.param, eventRows.param, ...(first ? [first.chargeId, first.operationId, first.operationId] : [])],
    )) as PlanRow[]
    return row
  }

  // ---- the private half of payment sessions --------------------------------------------------

  /** The whole checkout: the session's public data and the shopper's facts the module kept. */
  private async checkoutOf(session: PublicCheckoutData): Promise<CheckoutSessionData> {
    const shopper = await this.sessionShopper(session.session_id)
    // A session started before the module kept these facts still carries them in its data.
    if (!shopper && typeof (session as Partial<CheckoutSessionData>).card?.reference === "string") return session as CheckoutSessionData
    if (!shopper?.card_reference) {
      throw invalid(`Payment session ${session.session_id} has no instalments checkout in this store: start it again with data.plan and data.card_token`)
    }
    return withShopper(session, shopper)
  }

  /** Keeps (or replaces) what a payment session holds of the shopper, out of Medusa's public session data. */
  @InjectManager()
  async keepSessionShopper(shopper: SessionShopper, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await boundSql(sharedContext)(
      `insert into instalment_session_shopper (id, provider, cart_id, customer_id, owner_customer_id, email, phone, card_reference, addresses)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
       on conflict (id) do update set provider = excluded.provider, cart_id = excluded.cart_id, customer_id = excluded.customer_id,
         owner_customer_id = excluded.owner_customer_id, email = excluded.email, phone = excluded.phone,
         card_reference = excluded.card_reference, addresses = excluded.addresses, updated_at = now(), deleted_at = null`,
      [
        shopper.id,
        shopper.provider,
        shopper.cart_id,
        shopper.customer_id,
        shopper.owner_customer_id,
        shopper.email,
        shopper.phone,
        shopper.card_reference,
        shopper.addresses ? JSON.stringify(shopper.addresses) : null,
      ],
    )
  }

  /** What the module kept of a payment session's shopper, if anything. */
  @InjectManager()
  async sessionShopper(sessionId: string, @MedusaContext() sharedContext: Context = {}): Promise<SessionShopper | null> {
    const [row] = (await boundSql(sharedContext)(
      `select id, provider, cart_id, customer_id, owner_customer_id, email, phone, card_reference, addresses
       from instalment_session_shopper where id = ? and deleted_at is null`,
      [sessionId],
    )) as SessionShopper[]
    return row ?? null
  }

  /** Medusa deleted the payment session: what it held of the shopper goes too. */
  @InjectManager()
  async forgetSessionShopper(sessionId: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await boundSql(sharedContext)(`delete from instalment_session_shopper where id = ?`, [sessionId])
  }

  // ---- reading ---------------------------------------------------------------------------------

  /** The plan of a payment session, if authorisation created one. */
  @InjectManager()
  async findPlanBySession(
    sessionId: string,
    options: { withInstalments?: boolean } = { withInstalments: true },
    @MedusaContext() sharedContext: Context = {},
  ): Promise<PlanRow | null> {
    return this.findOnePlan({ payment_session_id: sessionId }, options, sharedContext)
  }

  /** A plan by id; `withInstalments: false` when only the plan's own columns are needed. */
  @InjectManager()
  async loadPlan(
    id: string,
    options: { withInstalments?: boolean } = { withInstalments: true },
    @MedusaContext() sharedContext: Context = {},
  ): Promise<PlanRow | null> {
    return this.findOnePlan({ id }, options, sharedContext)
  }

  private async findOnePlan(filters: Record<string, unknown>, options: { withInstalments?: boolean }, sharedContext: Context) {
    const relations = options.withInstalments ? ["instalments"] : []
    const [plan] = await this.listInstalmentPlans(filters, { relations }, sharedContext)
    return plan ?? null
  }

  // ---- revisions and money operations ----------------------------------------------------------

  /**
   * Applies a revision to a plan: decided under its row lock, money moved outside any transaction,
   * each answer recorded by its key (operations/run.ts). A replay (same key, same request) returns
   * the plan unchanged; the same key with another request is refused. Refusals throw a 400-class
   * MedusaError with the reason in its `code`.
   */
  async revise(planId: string, revision: PlanRevision, options: ReviseOptions): Promise<RevisionResult> {
    return runRevision(this.operations, planId, revision, options)
  }

  /**
   * What a revision would do to a plan now, without locking, moving money or writing: the admin's
   * refund preview. Refused revisions throw the same 400-class error the real one would.
   */
  async previewRevision(
    planId: string,
    revision: (plan: PlanSnapshot, ctx: RevisionContext) => Result<RevisionOutcome>,
  ): Promise<{ row: PlanRow; outcome: RevisionOutcome }> {
    const row = await this.loadPlan(planId)
    if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Instalment plan ${planId} was not found`)
    return { row, outcome: unwrapRevision(revision(planToSnapshot(row), this.revisionContext())) }
  }

  /**
   * Settles operations left running (a crash between a processor call and its record): those
   * unchanged for `olderThanMs` (default five minutes; 0 for all). The job runs it every few minutes.
   */
  async reconcile(options: { olderThanMs?: number; limit?: number } = {}): Promise<ReconcileSummary> {
    return reconcile(this.operations, { olderThanMs: options.olderThanMs ?? STALE_OPERATION_MS, limit: options.limit })
  }

  private operationsDeps(): OperationsDeps {
    return {
      processor: this.processor,
      engineConfig: this.engineConfig,
      context: () => this.revisionContext(),
      now: () => this.now(),
      transaction: (work) => this.inTransaction_(work),
      read: (query, params) => this.read_(query, params),
      emit: (events) => this.emitPluginEvents(events),
      busyWaitMs: this.busyWaitMs,
      staleAfterMs: STALE_OPERATION_MS,
      reconcileOperation: async (id) => {
        await reconcileOperation(this.operations, id)
      },
    }
  }

  /** A transaction whose lock waits are bounded: a stuck lock fails the request instead of starving the pool. */
  @InjectTransactionManager()
  protected async inTransaction_<T>(work: (run: Run) => Promise<T>, @MedusaContext() sharedContext: Context = {}): Promise<T> {
    const run = boundSql(sharedContext)
    await run(`set local lock_timeout = '${LOCK_TIMEOUT_MS}ms'`, [])
    return work(run)
  }

  /** One statement outside any transaction. */
  @InjectManager()
  protected async read_(query: string, params: unknown[], @MedusaContext() sharedContext: Context = {}): Promise<unknown[]> {
    return boundSql(sharedContext)(query, params)
  }

  /**
   * Emits after the transaction committed, so a subscriber always reads what the event announces.
   * An unavailable event bus must not undo a committed change: it is logged, not thrown.
   */
  private async emitPluginEvents(events: PluginEvent[]) {
    const eventBus = (this as unknown as { eventBusModuleService_?: IEventBusModuleService }).eventBusModuleService_
    if (!eventBus || events.length === 0) return
    try {
      await eventBus.emit(events.map((e) => ({ name: e.name, data: e.data })))
    } catch (error) {
      console.warn(`medusa-instalments: could not emit ${events.map((e) => e.name).join(", ")}: ${(error as Error).message}`)
    }
  }

  // ---- Medusa's payment lifecycle --------------------------------------------------------------

  /** Medusa captures a deferred-start payment (at shipment): the plan starts, its first instalment is charged. */
  async startPlanOnCapture(planId: string, captureId?: string): Promise<PlanRow | null> {
    const row = await this.loadPlan(planId, { withInstalments: false })
    if (!row || row.status !== "pending_start") return row
    const { plan } = await this.revise(planId, (snapshot, ctx) => startDeferredPlan(snapshot, {}, ctx), {
      actor: "medusa",
      // A plan starts once: without Medusa's capture id, the plan's own id names the start.
      idempotencyKey: `capture:${captureId ?? planId}`,
      request: { name: "start" },
      // The order ships either way: a declined first instalment is retried like any other.
      declineIsError: false,
    })
    return plan
  }

  /** Medusa cancels the payment (order cancelled before capture, or a failed completion): cancel the plan, refund what was paid. */
  async cancelForMedusa(planId: string, paymentId?: string): Promise<PlanRow | null> {
    const row = await this.loadPlan(planId, { withInstalments: false })
    if (!row || row.status === "cancelled") return row
    const { plan } = await this.revise(planId, (snapshot, ctx) => cancelPlan(snapshot, { reason: "payment_canceled" }, ctx), {
      actor: "medusa",
      // A plan is cancelled once: without Medusa's payment id, the plan's own id names it.
      idempotencyKey: `cancel:${paymentId ?? planId}`,
      request: { name: "cancel" },
    })
    return plan
  }

  /**
   * A Medusa refund on the plan's payment (`refundId` is Medusa's refund id: a replay changes
   * nothing, and each card refund it leads to is keyed by it and its leg). It lowers what remains
   * to pay first; only the rest goes back to the card. The one exception is the refund the plugin
   * itself issues to record a cheaper exchange in Medusa (`armExchangeRefund`): while it is armed,
   * a refund of its amount is that one, already applied to the plan, and is only recorded; the
   * marker is consumed with it. Any other refund, whatever its amount, is a refund (M4).
   */
  async refundFromMedusa(planId: string, amount: Money, refundId: string): Promise<PlanRow> {
    let armed: ExchangeRow | null = null
    const { plan } = await this.revise(
      planId,
      (snapshot, ctx) => (armed ? recordExchangeRefund(snapshot, { amount, exchangeId: armed.exchange_id }, ctx) : applyRefund(snapshot, { amount }, ctx)),
      {
        actor: "medusa",
        idempotencyKey: `medusa-refund:${refundId}`,
        request: { name: "medusa-refund", input: { amount } },
        readUnderLock: async (run, row) => {
          const marker = await armedRefund(run, row.id)
          armed = marker && marker.currency_code === amount.currency && -marker.difference_cents === amount.cents ? marker : null
        },
        onDecided: async (run) => {
          if (armed) await settleRefund(run, armed.id, refundId)
        },
      },
    )
    return plan
  }

  /**
   * Medusa confirmed an exchange. `difference` is what the replacement costs the shopper less what
   * they paid for what they return (promotions and taxes included); `paidForReturned` caps what a
   * cheaper one takes off. Cheaper: the difference comes off the last instalments (overflow back to
   * the card) and the Medusa refund that records it is awaited; dearer: the shopper owes the
   * difference, paid through their self-service link (`payExchangeDifference`), and
   * `paymentCollectionId` is the Medusa collection to mark paid then. The exchange's row is
   * written with the revision. Once per exchange.
   */
  async applyExchangeFromMedusa(
    planId: string,
    input: { exchangeId: string; difference: Money; paidForReturned?: Money; paymentCollectionId?: string | null },
  ): Promise<RevisionResult> {
    const { exchangeId, difference, paidForReturned } = input
    return this.revise(planId, (snapshot, ctx) => applyExchange(snapshot, { difference, paidForReturned }, ctx), {
      actor: "medusa",
      idempotencyKey: `medusa-exchange:${exchangeId}`,
      request: { name: "medusa-exchange", input: { difference, paidForReturned } },
      onDecided: (run, row, outcome) =>
        insertExchange(run, {
          plan_id: row.id,
          exchange_id: exchangeId,
          difference_cents: difference.cents < 0 ? -reductionOf(outcome) : difference.cents,
          currency_code: difference.currency,
          payment_collection_id: difference.cents > 0 ? (input.paymentCollectionId ?? null) : null,
        }),
    })
  }

  /**
   * The shopper pays what dearer exchanges added, in one go, by card (`cardToken`, else the
   * plan's card): an operation like any other, so a declined card changes nothing and a replay
   * with the same key charges nothing. The exchanges it covers are tied to it when it is decided
   * and marked `paid` once its charge succeeded (by this request or, should it stop in between,
   * the next one).
   */
  async payExchangeDifference(
    planId: string,
    input: { cardToken?: string },
    options: { actor: string; idempotencyKey: string; expectedVersion?: number },
  ): Promise<RevisionResult> {
    const cardReference = input.cardToken ? await this.cardForPayment(input.cardToken, options.idempotencyKey) : undefined
    try {
      return await this.revise(planId, (snapshot, ctx) => requestExchangePayment(snapshot, {}, ctx), {
        ...options,
        request: { name: "pay-exchange", input: { card: input.cardToken ? digestOf(input.cardToken) : null } },
        cardReference,
        onDecided: (run, row) => linkPayment(run, row.id, options.idempotencyKey),
      })
    } finally {
      // Whatever this request's answer (a replay, "nothing due" after a payment that stopped right
      // after its charge), the exchanges a succeeded payment covered are marked paid.
      await this.underPlanLock(planId, (run) => markPaid(run, planId)).catch((error: Error) => {
        console.error(`medusa-instalments: plan ${planId}: its paid exchanges could not be marked paid yet: ${error.message}`)
      })
    }
  }

  /** The exchanges applied to a plan, oldest first. */
  async exchangesOf(planId: string): Promise<ExchangeRow[]> {
    return exchangesOfPlan(this.operations.read, planId)
  }

  /**
   * Arms the Medusa refund about to be issued for a cheaper exchange: until it is disarmed or
   * consumed (a few minutes at most), a refund of its amount on the plan is taken for it. Answers
   * the marker's nonce, or null when the exchange does not await its refund (already armed by a
   * concurrent run, or settled).
   */
  async armExchangeRefund(planId: string, exchangeId: string): Promise<string | null> {
    const nonce = newRefundNonce()
    const armed = await this.underPlanLock(planId, (run) => armRefund(run, planId, exchangeId, nonce))
    return armed ? nonce : null
  }

  /**
   * Takes down the marker `nonce` once its refund was attempted: back to awaiting when the refund
   * did not go through; when it went through without the provider consuming the marker, settled
   * (it must never be issued twice) and said loudly. Whether it was still armed.
   */
  async disarmExchangeRefund(planId: string, exchangeId: string, nonce: string, issued: boolean): Promise<boolean> {
    const wasArmed = await this.underPlanLock(planId, (run) => disarmRefund(run, planId, exchangeId, nonce, issued ? "settled" : "refund_awaited"))
    if (wasArmed && issued) {
      console.error(`medusa-instalments: the Medusa refund of exchange ${exchangeId} (plan ${planId}) went through without being recognised as the exchange's: check the plan's history`)
    }
    return wasArmed
  }

  /** Medusa's side of a paid dearer exchange: its collection marked paid (`problem` null), or why it was left alone. */
  async recordExchangeCollection(planId: string, exchangeRowId: string, problem: string | null): Promise<void> {
    await this.underPlanLock(planId, (run) => recordCollection(run, exchangeRowId, problem))
  }

  private async underPlanLock<T>(planId: string, work: (run: Run) => Promise<T>): Promise<T> {
    return this.operations.transaction(async (run) => {
      if (!(await lockPlan(run, planId))) throw planNotFound(planId)
      return work(run)
    })
  }

  private async cardForPayment(cardToken: string, key: string): Promise<string> {
    const card = await this.processor.describeCard(cardToken, { idempotencyKey: `${key}:card:${digestOf(cardToken)}` })
    if (!card.ok) throw invalid(`card_token: ${card.error.message}`)
    return card.value.cardRef
  }

  private async appendEvents(
    planId: string,
    events: readonly LedgerEvent[],
    actor: Actor,
    idempotencyKey: string | undefined,
    sharedContext: Context,
  ) {
    await this.createInstalmentPlanEvents(this.eventRows(planId, events, actor, idempotencyKey, this.now()), sharedContext)
  }

  /** The ledger rows of one operation: its first event carries the operation's idempotency key. */
  private eventRows(planId: string, events: readonly LedgerEvent[], actor: Actor, idempotencyKey: string | undefined, at: Date) {
    return ledgerRows(planId, events, { actor, at, keyOf: (index) => (index === 0 ? idempotencyKey : null) })
  }

  /** Takes the plan's row lock in the current transaction (the row itself is read separately). */
  private async holdPlanLock(planId: string, sharedContext: Context) {
    await sql(sharedContext)("select id from instalment_plan where id = ? for update", [planId])
  }

  /**
   * Whether this plan's history already holds the operation `idempotencyKey`. Scoped to the plan:
   * the same key on another plan is not a replay of this operation (and the unique index on the
   * key then refuses the write loudly instead of silently skipping it).
   */
  private async hasEvent(planId: string, idempotencyKey: string, sharedContext: Context): Promise<boolean> {
    const found = await this.listInstalmentPlanEvents({ plan_id: planId, idempotency_key: idempotencyKey }, { take: 1 }, sharedContext)
    return found.length > 0
  }

  /**
   * Records the Medusa order (and payment) of a plan once the order is placed. Idempotent: only a
   * plan with no order yet is updated, so a redelivered event changes nothing.
   */
  async attachOrder(input: {
    planId: string
    orderId: string
    orderDisplayId?: number
    paymentId?: string
    email?: string | null
  }): Promise<{ attached: boolean }> {
    const result = await this.attachOrder_(input)
    if (result.attached) {
      await this.emitPluginEvents([{ name: INSTALMENT_PLAN_EVENTS.confirmed, data: { id: input.planId, order_id: input.orderId } }])
    }
    return result
  }

  /** One statement (the update and its ledger row), so no transaction to open: it runs after every checkout. */
  @InjectManager()
  protected async attachOrder_(
    input: { planId: string; orderId: string; orderDisplayId?: number; paymentId?: string; email?: string | null },
    @MedusaContext() sharedContext: Context = {},
  ): Promise<{ attached: boolean }> {
    const event = insertRows(
      "instalment_plan_event",
      this.eventRows(input.planId, [{ type: "plan.order_attached", data: { orderId: input.orderId } }], "medusa", undefined, this.now()),
    )
    // The event is written only when the update attached the plan (a redelivery changes nothing).
    const attached = await boundSql(sharedContext)(
      `with attached as (
         update instalment_plan
            set order_id = ?, order_display_id = ?, payment_id = ?, email = coalesce(email, ?), updated_at = now()
          where id = ? and order_id is null and deleted_at is null
          returning id),
       event as (${event.sql} where exists (select 1 from attached))
       select id from attached`,
      [input.orderId, input.orderDisplayId ?? null, input.paymentId ?? null, input.email ?? null, input.planId, event.param],
    )
    return { attached: attached.length > 0 }
  }

  // ---- collection ------------------------------------------------------------------------------
  // The daily job's batch path (operations/collect-batch.ts): candidates by keyset pagination, then
  // per batch the charges recorded under the plans' locks, made outside any transaction, recorded.

  /** The admin test clock (option `test_clock` only) moves the module's clock forward. */
  async advanceSandboxClock(days: number): Promise<void> {
    moveTestClock(this.clock, this.testClock, { days })
  }

  async setSandboxTime(date: Date): Promise<void> {
    moveTestClock(this.clock, this.testClock, { to: date })
  }

  /** Ids of plans collection may act on `today`, after `after` in id order. */
  @InjectManager()
  async listCollectionCandidates(
    input: { today: LocalDate; after?: string; limit: number },
    @MedusaContext() sharedContext: Context = {},
  ): Promise<string[]> {
    return selectCandidateIds(boundSql(sharedContext), { today: input.today, after: input.after ?? "", limit: input.limit, processor: this.processor.name })
  }

  /** Collects a batch of plans (charges, retries, freezes over, serious delays), then emits the plugin events. */
  async collectPlans(planIds: string[]): Promise<CollectionSummary> {
    if (planIds.length === 0) return emptySummary()
    const { summary, events } = await collectBatch(this.operations, planIds)
    await this.emitPluginEvents(events)
    return summary
  }

  // ---- self-service ----------------------------------------------------------------------------
  // The shopper's signed link, the card change and one-off history entries (reminders). The routes,
  // the page and the e-mails are in src/self-service and src/api; pay early, postpone and withdraw
  // are revisions and go through `revise`.

  /** The signed link to a plan's page at its link version, valid `self_service.link_ttl_days` from now (real time, not the test clock). */
  selfServiceUrl(plan: LinkedPlan): string {
    return planLink(this.selfService, plan, new Date())
  }

  /** Whether `token` was signed for `planId` and has not expired (real time); its link version is checked against the plan's by the caller. */
  checkSelfServiceToken(planId: string, token: unknown): LinkCheck {
    return verifyPlanToken(this.selfService, planId, token, new Date())
  }

  /**
   * Replaces the card future instalments are charged to (docs/business-rules.md §5) with the
   * checkout's card rules, after a verification that moves no money. A refusal throws
   * `code: message` in the shopper's language and changes nothing. A replay with the same
   * idempotency key changes nothing.
   */
  async changeCard(planId: string, input: { cardToken: string; locale?: string }, options: ReviseOptions): Promise<PlanRow> {
    const row = await this.loadPlan(planId)
    if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Instalment plan ${planId} was not found`)
    const locale = resolveLocale(input.locale ?? row.locale)
    const refused = requireStatus(planToSnapshot(row), CARD_CHANGE_STATUSES, "change the card")
    if (refused) unwrapRevision(refused)
    // The card's digest in the processor keys: another card after a refusal is another request.
    const key = `${options.idempotencyKey}:${digestOf(input.cardToken)}`
    const card = await this.processor.describeCard(input.cardToken, { idempotencyKey: `${key}:describe` })
    if (!card.ok) throw invalid(`card_token: ${card.error.message}`)
    const reasons = cardRefusalReasons(
      this.engineConfig,
      { code: row.plan_code, total: money(row.total_cents, row.currency_code), lastDueDate: lastDueDate(row.instalments ?? []) ?? this.today() },
      card.value,
    )
    if (reasons.length > 0) throw eligibilityRefusal(reasons, this.engineConfig, row.plan_code, locale)
    const verified = await this.processor.verifyCard({ cardRef: card.value.cardRef, idempotencyKey: `${key}:verify` })
    if (!verified.ok) throw processorFailure(verified.error)
    if (verified.value.status === "failed") throw refusal([{ code: verified.value.code, message: t(locale, "self.error.paymentDeclined") }])
    const changed = await this.saveCard_(planId, cardSummaryData(card.value), verified.value.verificationId, options)
    if (changed) {
      await this.emitPluginEvents([
        { name: INSTALMENT_PLAN_EVENTS.updated, data: { id: planId, cause: "plan.card_changed", event_types: ["plan.card_changed"], actor: options.actor } },
      ])
    }
    return (await this.loadPlan(planId)) as PlanRow
  }

  @InjectTransactionManager()
  protected async saveCard_(
    planId: string,
    card: CheckoutSessionData["card"],
    verificationId: string,
    options: ReviseOptions,
    @MedusaContext() sharedContext: Context = {},
  ): Promise<boolean> {
    const run = boundSql(sharedContext)
    const row = await lockPlan(run, planId)
    if (!row) throw planNotFound(planId)
    const fingerprint = fingerprintOf(options.request.name, options.request.input)
    const known = await findOperationByKey(run, options.idempotencyKey)
    if (known) {
      if (known.plan_id === planId && known.fingerprint === fingerprint) return false
      throw options.expectedVersion !== undefined ? planChanged() : keyReused(options.idempotencyKey)
    }
    if (options.expectedVersion !== undefined && row.version !== options.expectedVersion) throw planChanged()
    // The status may have changed while the card was checked: ask again under the lock.
    const refused = requireStatus(planToSnapshot(row), CARD_CHANGE_STATUSES, "change the card")
    if (refused) unwrapRevision(refused)
    await this.updateInstalmentPlans(
      {
        id: planId,
        card_reference: card.reference,
        card_brand: card.brand,
        card_network: card.network,
        card_last4: card.last4,
        card_funding: card.funding,
        card_exp_month: card.exp_month,
        card_exp_year: card.exp_year,
        card_country: card.country,
        version: row.version + 1,
        // A new card revokes every link sent before (src/self-service/revocation.ts).
        link_version: nextLinkVersion(row),
      },
      sharedContext,
    )
    await insertOperation(run, { plan_id: planId, payment_session_id: null, idempotency_key: options.idempotencyKey, fingerprint, actor: options.actor, status: "completed", decided: { kind: "recorded" } }, [])
    const event: LedgerEvent = {
      type: "plan.card_changed",
      data: {
        from: { brand: row.card_brand, last4: row.card_last4 },
        to: { brand: card.brand, last4: card.last4, expMonth: card.exp_month, expYear: card.exp_year },
        verificationId,
      },
    }
    await this.appendEvents(planId, [event], options.actor, options.idempotencyKey, sharedContext)
    return true
  }

  /**
   * Appends one entry to a plan's history once per key (a reminder sent, a link resent): false when
   * that key is already recorded. The plan's lock makes two workers agree on who records it.
   * `revokeLinks` also bumps the plan's link version in the same transaction (src/self-service/revocation.ts).
   */
  @InjectTransactionManager()
  async recordPlanEventOnce(
    planId: string,
    event: LedgerEvent,
    options: { actor: Actor; idempotencyKey: string; revokeLinks?: boolean },
    @MedusaContext() sharedContext: Context = {},
  ): Promise<boolean> {
    await this.holdPlanLock(planId, sharedContext)
    if (await this.hasEvent(planId, options.idempotencyKey, sharedContext)) return false
    if (options.revokeLinks) await bumpLinkVersion(sql(sharedContext), planId)
    await this.appendEvents(planId, [event], options.actor, options.idempotencyKey, sharedContext)
    return true
  }

  // ---- Alma mirror (plans funded by Alma) ----
  // A lender (Alma) funds the order and collects the instalments; the plugin keeps a copy of its
  // plan in the same tables, so the admin, the self-service JSON and the history show it like a
  // direct plan. No card processor is involved: the caller says what to write. The lender is never
  // called from here: the caller reads it before, and a money-moving call (a refund, a trigger, a
  // cancellation) is recorded first (`recordLenderOperation`), made with no transaction open, then
  // its answer written here with the mirror (`settles`), as the card operations are (operations/lender.ts).

  /**
   * Creates or refreshes the mirror of a lender's payment, keyed by the Medusa payment session.
   * `build` runs under the plan's row lock with the current row (null before the first write) and
   * returns the columns and history events to write, or null when nothing changed: it only shapes
   * what the caller already read from the lender (no network under the lock). A replayed
   * `idempotencyKey` writes nothing; with `settles`, the replay check is the operation's: once its
   * answer is recorded, nothing more is written. When two writers create the same plan at once
   * (Alma's IPN and the shopper's return), the loser of the unique index on the session runs
   * again as an update.
   */
  async mirrorLenderPlan(input: MirrorLenderPlanInput): Promise<{ plan: PlanRow | null; written: boolean }> {
    const existed = Boolean(await this.findPlanBySession(input.sessionId, { withInstalments: false }))
    try {
      return await this.mirrorLenderPlan_(input)
    } catch (error) {
      // Only a lost creation race runs again (as an update): any other failure is the caller's to see.
      if (existed || !(await this.findPlanBySession(input.sessionId, { withInstalments: false }))) throw error
      return this.mirrorLenderPlan_(input)
    }
  }

  @InjectTransactionManager()
  protected async mirrorLenderPlan_(
    input: MirrorLenderPlanInput,
    @MedusaContext() sharedContext: Context = {},
  ): Promise<{ plan: PlanRow | null; written: boolean }> {
    const run = boundSql(sharedContext)
    await run(`set local lock_timeout = '${LOCK_TIMEOUT_MS}ms'`, [])
    const found = await this.findOnePlan({ payment_session_id: input.sessionId }, { withInstalments: false }, sharedContext)
    if (found) await this.holdPlanLock(found.id, sharedContext)
    const operation = input.settles ? await executingLenderOperation(run, input.settles.key) : null
    const replayed = input.settles
      ? !operation
      : Boolean(found && input.idempotencyKey && (await this.hasEvent(found.id, input.idempotencyKey, sharedContext)))
    if (replayed) return { plan: found ? await this.loadPlan(found.id, undefined, sharedContext) : null, written: false }
    const current = found ? await this.loadPlan(found.id, undefined, sharedContext) : null
    const write = input.build(current)
    if (operation && input.settles) await settleLenderOperation(run, operation, input.settles)
    if (!write) return { plan: current, written: Boolean(operation) }
    const planId = await this.writeMirror(current, write, input, sharedContext)
    return { plan: await this.loadPlan(planId, undefined, sharedContext), written: true }
  }

  private async writeMirror(current: PlanRow | null, write: MirrorLenderPlanWrite, input: MirrorLenderPlanInput, sharedContext: Context): Promise<string> {
    let planId: string
    if (!current) {
      const created = await this.createInstalmentPlans({ ...write.plan, payment_session_id: input.sessionId } as any, sharedContext)
      planId = created.id
      await this.createInstalments(write.instalments.map((i) => ({ ...i, plan_id: planId })) as any, sharedContext)
    } else {
      planId = current.id
      await this.updateInstalmentPlans({ id: planId, ...write.plan } as any, sharedContext)
      const byNumber = new Map((current.instalments ?? []).map((i) => [i.number, i]))
      for (const columns of write.instalments) {
        const existing = byNumber.get(columns.number)
        if (existing) await this.updateInstalments({ id: existing.id, ...columns } as any, sharedContext)
        else await this.createInstalments({ ...columns, plan_id: planId } as any, sharedContext)
      }
    }
    if (write.events.length) await this.appendEvents(planId, write.events, input.actor, input.idempotencyKey, sharedContext)
    return planId
  }

  /**
   * Records a money operation the lender is about to be asked for, under the plan's row lock, and
   * commits it before the lender is called (operations/lender.ts); or answers the operation its
   * key already names (`created: false`). The same key with another request is refused.
   */
  async recordLenderOperation(input: LenderOperationInput): Promise<LenderOperation> {
    return this.inTransaction_((run) => beginLenderOperation(run, input))
  }

  /** A lender's operations still executing, by id after `after` (keyset), each with whether its driver is gone. */
  async listExecutingLenderOperations(input: { lender: string; after?: string | null; limit: number; staleAfterMs?: number }) {
    return executingLenderOperations(this.operations.read, {
      lender: input.lender,
      after: input.after ?? null,
      limit: input.limit,
      staleAfterMs: input.staleAfterMs ?? STALE_OPERATION_MS,
    })
  }

  /**
   * Takes over a stale lender operation before sending it again: true for one caller only (its
   * `updated_at` moves on), so two reconcilers never both send it.
   */
  async claimStaleLenderOperation(operationId: string, staleAfterMs: number = STALE_OPERATION_MS): Promise<boolean> {
    return claimStaleLenderOperation(this.operations.read, operationId, staleAfterMs)
  }
}

/** What `mirrorLenderPlan` writes: plan and instalment columns (amounts in cents) and history events. */
export interface MirrorLenderPlanWrite {
  plan: Record<string, unknown>
  instalments: (Record<string, unknown> & { number: number })[]
  events: LedgerEvent[]
}

export interface MirrorLenderPlanInput {
  /** The Medusa payment session the lender's payment belongs to (one plan per session). */
  sessionId: string
  /**
   * What to write, from the current row and what the caller read from the lender beforehand.
   * Synchronous on purpose: it runs under the plan's row lock, where nothing may wait on a network.
   */
  build: (current: PlanRow | null) => MirrorLenderPlanWrite | null
  actor: Actor
  idempotencyKey?: string
  /** The lender operation whose answer this write records (written with it, once; see `recordLenderOperation`). */
  settles?: LenderSettlement
}

/** What a cheaper exchange took off the plan, from its `plan.exchange_applied` event. */
function reductionOf(outcome: RevisionOutcome): number {
  const applied = outcome.events.find((e) => e.type === "plan.exchange_applied")
  const cents = (applied?.data as { amount?: unknown } | undefined)?.amount
  if (typeof cents !== "number") throw new Error("a cheaper exchange's revision has no plan.exchange_applied event with its amount")
  return cents
}

/** The sandbox's store the `sandbox_store` option names; the database one on Medusa's shared connection. */
function sandboxStore(option: unknown, cradle: Record<string, unknown>): SandboxStore {
  if (option === "memory") return createMemorySandboxStore()
  if (option !== "database") {
    throw new Error(`medusa-instalments: option "sandbox_store" must be "database" or "memory" (got "${String(option)}")`)
  }
  return createPostgresSandboxStore(() => {
    const connection = cradle[ContainerRegistrationKeys.PG_CONNECTION] as SqlClient | undefined
    if (!connection) throw new Error("medusa-instalments: the sandbox store needs Medusa's database connection")
    return connection
  })
}

/**
 * A plan a lender funds (Alma) is collected and refunded by the lender, through its own provider:
 * a revision here that would charge or refund its shopper's card is refused. Money-free revisions
 * (a fraud flag, a note) still apply.
 */

function parseBusyWait(value: unknown): number {
  if (value === undefined) return BUSY_WAIT_MS
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 60_000) {
    throw new Error(`medusa-instalments: option "busy_wait_ms" must be a whole number of milliseconds from 0 to 60000 (got ${JSON.stringify(value)})`)
  }
  return value
}

/** Raw SQL in the operation's transaction (row locks and conditional updates DML cannot express). */
function sql(sharedContext: Context): (query: string, params: unknown[]) => Promise<unknown[]> {
  const manager = sharedContext.transactionManager as { execute: (query: string, params: unknown[]) => Promise<unknown[]> }
  return (query, params) => manager.execute(query, params)
}

/**
 * A processor call that did not go through (card checks, verifications). A key reused for another
 * request is the caller's mistake; anything else is the processor's: nothing was charged, the same
 * call can be retried.
 */
export function processorFailure(error: { code: string; message: string }): MedusaError {
  if (error.code === "idempotency_key_reused") {
    return new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `idempotency_key_reused: this idempotency key was already used for a different request (${error.message}); send a new key for a new operation`,
      "idempotency_key_reused",
    )
  }
  return processorUnavailable(error.message)
}
