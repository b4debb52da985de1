/**
 * The instalments module's service, what Medusa resolves as "instalments": the CRUD Medusa
 * generates for the models, the module's clock and options, and one delegation per job to the
 * files beside it: boot.ts (options, processor), quotes.ts, checkout/ (session to plan),
 * operations/ (every money movement, once: decided and recorded under the plan's row lock,
 * committed, sent to the processor with no transaction open, answers recorded by key; the
 * reconciler settles what a crash left in between), medusa-payments/ (Medusa's capture,
 * cancellation, refunds, orders, exchanges), card-change.ts, shopper-links/, ledger.ts (history
 * entries recorded once), lender-mirror.ts (plans Alma funds), reads/ (the admin's queries and
 * views), errors.ts. The plan engine (src/domain) decides; none of these holds state.
 */
import type { Context, IEventBusModuleService } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { toLocalDate, type LocalDate } from "../../domain/calendar"
import type { Money } from "../../domain/money"
import type { LedgerEvent, RevisionContext, RevisionOutcome } from "../../domain/outcome"
import { readModuleOptions, type InstalmentsModuleOptions, type ModuleSettings } from "./boot"
import { changeCard } from "./card-change"
import { authorizeCheckout, type CheckoutAuthorization } from "./checkout/authorize"
import { openCheckout, requoteCheckout } from "./checkout/open"
import type { PublicCheckoutData, SessionShopper } from "./checkout/session-data"
import { forgetSessionShopper, keepSessionShopper, readSessionShopper } from "./checkout/session-shopper"
import { emptySummary, selectCandidateIds, type CollectionSummary } from "./collection"
import { moduleDeps, type ModuleDeps } from "./deps"
import { unwrapRevision } from "./errors"
import { recordPlanEventOnce } from "./ledger"
import { mirrorLenderPlan, type MirrorLenderPlanInput } from "./lender-mirror"
import { planToSnapshot, type PlanRow } from "./mapping"
import { loggerOf } from "./plugin-logger"
import * as exchanges from "./medusa-payments/exchanges"
import type { ExchangeRow } from "./medusa-payments/exchange-rows"
import * as lifecycle from "./medusa-payments/lifecycle"
import Instalment from "./models/instalment"
import InstalmentExchange from "./models/instalment-exchange"
import InstalmentMovement from "./models/instalment-movement"
import InstalmentOperation from "./models/instalment-operation"
import InstalmentPlan from "./models/instalment-plan"
import InstalmentPlanEvent from "./models/instalment-plan-event"
import InstalmentSessionShopper from "./models/session-shopper"
import InstalmentSupportMessage from "./models/instalment-support-message"
import InstalmentSupportRequest from "./models/instalment-support-request"
import { claimBatch, collectBatch, completeBatch, type DecidedBatch } from "./operations/collect-batch"
import { beginLenderOperation, claimStaleLenderOperation, executingLenderOperations, type LenderOperation, type LenderOperationInput } from "./operations/lender"
import { reconcile, reconcileChargeKey, reconcileOperation, type ReconcileSummary } from "./operations/reconcile"
import { runRevision, type PlanRevision, type ReviseOptions, type RevisionResult } from "./operations/run"
import { quoteWithViews } from "./quotes"
import { expectedByWeek, listPlans, receivableTotals, type Knex, type PlanListFilters } from "./reads/admin-queries"
import { planLink, signPlanToken, verifyPlanToken, type LinkCheck, type LinkedPlan } from "./shopper-links/signing"
import { boundSql, knexOf, type Run } from "./sql"
import { moveStoreTestClock, syncTestClock } from "./test-clock"

export type { InstalmentsModuleOptions, ProcessorFactory } from "./boot"
export type { MirrorLenderPlanInput, MirrorLenderPlanWrite } from "./lender-mirror"
export type { PlanRevision, ReviseOptions, RevisionResult } from "./operations/run"
export { processorFailure, unwrapRevision } from "./errors"

/** How long a statement waits for a row lock before giving up (the request fails; nothing is half written). */
const LOCK_TIMEOUT_MS = 3_000
/** Reads of several queries (a plan and its relations, a page of plans) see one snapshot. */
const REPEATABLE_READ = "repeatable read"
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
  InstalmentSupportRequest,
  InstalmentSupportMessage,
}) {
  // The module's settings, read from its options (boot.ts, ModuleSettings, says what each is).
  readonly engineConfig: ModuleSettings["engineConfig"]
  readonly processor: ModuleSettings["processor"]
  readonly clock: ModuleSettings["clock"]
  readonly testClock: ModuleSettings["testClock"]
  readonly termsVersion: ModuleSettings["termsVersion"]
  readonly selfService: ModuleSettings["selfService"]
  readonly stripeWebhooks: ModuleSettings["stripeWebhooks"]
  /** What the job files need from the module (deps.ts); the money operations take it too (operations/run.ts). */
  readonly operations: ModuleDeps

  constructor(cradle: Record<string, unknown>, options: InstalmentsModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    const settings = readModuleOptions(options, cradle)
    this.engineConfig = settings.engineConfig
    this.processor = settings.processor
    this.clock = settings.clock
    this.testClock = settings.testClock
    this.termsVersion = settings.termsVersion
    this.selfService = settings.selfService
    this.stripeWebhooks = settings.stripeWebhooks
    this.operations = moduleDeps({
      settings,
      service: this,
      transaction: (work) => this.inTransaction_(work),
      read: (query, params) => this.read_(query, params),
      eventBus: () => (this as unknown as { eventBusModuleService_?: IEventBusModuleService }).eventBusModuleService_,
      logger: loggerOf(cradle),
      staleAfterMs: STALE_OPERATION_MS,
      reconcileOperation,
    })
  }

  // ---- time (./test-clock.ts) -------------------------------------------------------------------

  now(): Date {
    return this.clock.now()
  }

  today(): LocalDate {
    return toLocalDate(this.now(), this.engineConfig.timeZone)
  }

  revisionContext(): RevisionContext {
    return { config: this.engineConfig, today: this.today(), now: this.now().toISOString() }
  }

  /** Takes the store's test clock from the database: once per request, job run or event (nothing without `test_clock`). */
  async syncClock(): Promise<void> {
    await syncTestClock(this.clock, this.testClock, this.operations)
  }

  /** The admin test clock (option `test_clock` only) moves the store's clock forward, for every process. */
  async advanceSandboxClock(days: number): Promise<void> {
    await moveStoreTestClock(this.clock, this.testClock, { days }, this.operations)
  }

  async setSandboxTime(date: Date): Promise<void> {
    await moveStoreTestClock(this.clock, this.testClock, { to: date }, this.operations)
  }

  /** Whether this plugin collects the plan (its own processor); a lender (Alma) collects those it funds. */
  managesPlan(row: { processor?: string | null }): boolean {
    return row.processor === this.processor.name
  }

  // ---- quotes and checkout (./quotes.ts, ./checkout/) --------------------------------------------

  /** Every offered plan for an amount and a shopper country, with the schedule in their language. */
  quote(input: { amount: Money; country: string; locale?: string }) {
    return quoteWithViews(this.engineConfig, input, this.today())
  }

  /** Starts an instalments payment session: the plan and the card checked, no money moved (checkout/open.ts). */
  async openCheckout(input: { sessionId: string; amount: Money; data: unknown; ownerCustomerId?: string }): Promise<PublicCheckoutData> {
    return openCheckout(this.operations, input)
  }

  /** The cart's amount changed after the session started: quoted again, same plan, same card, same checks. */
  async requoteCheckout(session: PublicCheckoutData, amount: Money): Promise<PublicCheckoutData> {
    return requoteCheckout(this.operations, session, amount)
  }

  /** Completing the cart: the plan written, or what the shopper's 3-D Secure needs first; idempotent by session (checkout/authorize.ts). */
  async authorizeCheckout(session: PublicCheckoutData): Promise<CheckoutAuthorization> {
    return authorizeCheckout(this.operations, session)
  }

  /** Keeps (or replaces) what a payment session holds of the shopper, out of Medusa's public session data. */
  async keepSessionShopper(shopper: SessionShopper): Promise<void> {
    await keepSessionShopper(this.operations.read, shopper)
  }

  /** What the module kept of a payment session's shopper, if anything. */
  async sessionShopper(sessionId: string): Promise<SessionShopper | null> {
    return readSessionShopper(this.operations.read, sessionId)
  }

  /** Medusa deleted the payment session: what it held of the shopper goes too. */
  async forgetSessionShopper(sessionId: string): Promise<void> {
    await forgetSessionShopper(this.operations.read, sessionId)
  }

  // ---- reads (./reads/) -----------------------------------------------------------------------------

  /** The plan of a payment session, if authorisation created one. */
  async findPlanBySession(sessionId: string, options: { withInstalments?: boolean } = { withInstalments: true }, @MedusaContext() sharedContext: Context = {}): Promise<PlanRow | null> {
    return this.findOnePlan({ payment_session_id: sessionId }, options.withInstalments ? ["instalments"] : [], sharedContext)
  }

  /** A plan by id; `withInstalments: false` when only the plan's own columns are needed. */
  async loadPlan(id: string, options: { withInstalments?: boolean } = { withInstalments: true }, @MedusaContext() sharedContext: Context = {}): Promise<PlanRow | null> {
    return this.findOnePlan({ id }, options.withInstalments ? ["instalments"] : [], sharedContext)
  }

  /** A plan with its instalments and its history (the admin's view of it). */
  async loadPlanWithHistory(id: string, @MedusaContext() sharedContext: Context = {}) {
    return this.findOnePlan({ id }, ["instalments", "events"], sharedContext)
  }

  /**
   * One plan with `relations`, which Medusa reads with a query each: outside the caller's own
   * transaction they share one snapshot, so a revision committed meanwhile is seen whole or not at all.
   */
  private async findOnePlan(filters: Record<string, unknown>, relations: string[], sharedContext: Context) {
    const read = async (context: Context) => (await this.listInstalmentPlans(filters, { relations }, context))[0] ?? null
    return relations.length && !sharedContext.transactionManager ? this.inSnapshot_(read, { isolationLevel: REPEATABLE_READ }) : read(sharedContext)
  }

  /** One page of the admin's plan list, newest first, each with its instalments, and how many match: one snapshot. */
  async listPlansForAdmin(filters: PlanListFilters, page: { limit: number; offset: number }) {
    return this.inSnapshot_((context) => listPlans(knexOf(context) as Knex, filters, page), { isolationLevel: REPEATABLE_READ })
  }

  /** Per currency: what open plans still owe, and the part on late plans (the admin's receivables). */
  @InjectManager()
  async receivableTotals(@MedusaContext() sharedContext: Context = {}) {
    return receivableTotals(knexOf(sharedContext) as Knex)
  }

  /** Collections expected per week of `window` (the admin's receivables); `currency` when the open plans have one. */
  @InjectManager()
  async expectedCollectionsByWeek(window: { firstWeek: LocalDate; today: LocalDate; until: LocalDate }, currency?: string, @MedusaContext() sharedContext: Context = {}) {
    return expectedByWeek(knexOf(sharedContext) as Knex, window, currency)
  }

  // ---- revisions and money operations (./operations/) -------------------------------------------

  /**
   * Applies a revision to a plan, once per key (operations/run.ts); the same key with another
   * request is refused. Refusals throw a 400-class MedusaError with the reason in its `code`.
   */
  async revise(planId: string, revision: PlanRevision, options: ReviseOptions): Promise<RevisionResult> {
    return runRevision(this.operations, planId, revision, options)
  }

  /** What a revision would do to a plan now, writing nothing (the admin's refund preview); refused as the real one would be. */
  async previewRevision(planId: string, revision: PlanRevision): Promise<{ row: PlanRow; outcome: RevisionOutcome }> {
    const row = await this.loadPlan(planId)
    if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Instalment plan ${planId} was not found`)
    return { row, outcome: unwrapRevision(revision(planToSnapshot(row), this.revisionContext(), row)) }
  }

  /** Settles operations a crash left running, unchanged for `olderThanMs` (default five minutes; 0 for all). */
  async reconcile(options: { olderThanMs?: number; limit?: number } = {}): Promise<ReconcileSummary> {
    return reconcile(this.operations, { olderThanMs: options.olderThanMs ?? STALE_OPERATION_MS, limit: options.limit })
  }

  /** A charge of ours changed at the processor (a webhook): its plan's operation settled now (operations/reconcile.ts). */
  async reconcileChargeKey(processorKey: string): Promise<string | null> {
    return reconcileChargeKey(this.operations, processorKey)
  }

  /** Ids of plans collection may act on `today`, after `after` in id order (./collection.ts). */
  @InjectManager()
  async listCollectionCandidates(input: { today: LocalDate; after?: string; limit: number }, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    return selectCandidateIds(boundSql(sharedContext), { today: input.today, after: input.after ?? "", limit: input.limit, processor: this.processor.name })
  }

  /** Collects a batch of plans (charges, retries, freezes over, serious delays), then emits the plugin events (operations/collect-batch.ts). */
  async collectPlans(planIds: string[]): Promise<CollectionSummary> {
    if (planIds.length === 0) return emptySummary()
    const { summary, events } = await collectBatch(this.operations, planIds)
    await this.operations.emit(events)
    return summary
  }

  /**
   * A collection run's next batch, step 1: claims up to `limit` plans due `today` after `after`
   * (rows another transaction holds are skipped, never waited for), records what needs no money
   * and the charges due, and commits. `completeCollectionBatch` charges and records the rest.
   */
  async claimCollectionBatch(input: { today: LocalDate; after?: string; limit: number }): Promise<DecidedBatch> {
    return claimBatch(this.operations, { today: input.today, after: input.after ?? "", limit: input.limit })
  }

  /** Charges a claimed batch outside any transaction, records the answers by key, then emits the plugin events. */
  async completeCollectionBatch(batch: DecidedBatch): Promise<CollectionSummary> {
    const { summary, events } = await completeBatch(this.operations, batch)
    await this.operations.emit(events)
    return summary
  }

  /** A transaction whose lock waits are bounded: a stuck lock fails the request instead of starving the pool. */
  @InjectTransactionManager()
  protected async inTransaction_<T>(work: (run: Run, context: Context) => Promise<T>, @MedusaContext() sharedContext: Context = {}): Promise<T> {
    const run = boundSql(sharedContext)
    await run(`set local lock_timeout = '${LOCK_TIMEOUT_MS}ms'`, [])
    return work(run, sharedContext)
  }

  /** `work`'s statements in a transaction of the isolation level the context names. */
  @InjectTransactionManager()
  protected async inSnapshot_<T>(work: (context: Context) => Promise<T>, @MedusaContext() sharedContext: Context = {}): Promise<T> {
    return work(sharedContext)
  }

  /** One statement outside any transaction. */
  @InjectManager()
  protected async read_(query: string, params: unknown[], @MedusaContext() sharedContext: Context = {}): Promise<unknown[]> {
    return boundSql(sharedContext)(query, params)
  }

  // ---- Medusa's payment lifecycle and exchanges (./medusa-payments/) -----------------------------

  /** Medusa captures a deferred-start payment (at shipment): the plan starts, its first instalment is charged. */
  async startPlanOnCapture(planId: string, captureId?: string): Promise<PlanRow | null> {
    return lifecycle.startPlanOnCapture(this.operations, planId, captureId)
  }

  /** Medusa cancels the payment (order cancelled before capture, or a failed completion): cancel the plan, refund what was paid. */
  async cancelForMedusa(planId: string, paymentId?: string): Promise<PlanRow | null> {
    return lifecycle.cancelForMedusa(this.operations, planId, paymentId)
  }

  /** A Medusa refund on the plan's payment, once per Medusa refund id: what remains to pay is lowered first. */
  async refundFromMedusa(planId: string, amount: Money, refundId: string): Promise<PlanRow> {
    return lifecycle.refundFromMedusa(this.operations, planId, amount, refundId)
  }

  /** Records the Medusa order (and payment) of a plan once the order is placed; a redelivery changes nothing. */
  async attachOrder(input: lifecycle.AttachOrderInput): Promise<{ attached: boolean }> {
    return lifecycle.attachOrder(this.operations, input)
  }

  /** Medusa confirmed an exchange: cheaper, the difference comes off the plan; dearer, the shopper owes it. Once per exchange. */
  async applyExchangeFromMedusa(planId: string, input: exchanges.MedusaExchange): Promise<RevisionResult> {
    return exchanges.applyExchangeFromMedusa(this.operations, planId, input)
  }

  /** The shopper pays what dearer exchanges added, by card, as one operation. */
  async payExchangeDifference(planId: string, input: { cardToken?: string }, options: { actor: string; idempotencyKey: string; expectedVersion?: number }): Promise<RevisionResult> {
    return exchanges.payExchangeDifference(this.operations, planId, input, options)
  }

  /** The exchanges applied to a plan, oldest first. */
  async exchangesOf(planId: string): Promise<ExchangeRow[]> {
    return exchanges.exchangesOf(this.operations, planId)
  }

  /** Arms the Medusa refund about to be issued for a cheaper exchange; its nonce, or null when it does not await one. */
  async armExchangeRefund(planId: string, exchangeId: string): Promise<string | null> {
    return exchanges.armExchangeRefund(this.operations, planId, exchangeId)
  }

  /** Takes down the marker `nonce` once its refund was attempted; whether it was still armed. */
  async disarmExchangeRefund(planId: string, exchangeId: string, nonce: string, issued: boolean): Promise<boolean> {
    return exchanges.disarmExchangeRefund(this.operations, planId, exchangeId, nonce, issued)
  }

  /** Medusa's side of a paid dearer exchange: its collection marked paid (`problem` null), or why it was left alone. */
  async recordExchangeCollection(planId: string, exchangeRowId: string, problem: string | null): Promise<void> {
    await exchanges.recordExchangeCollection(this.operations, planId, exchangeRowId, problem)
  }

  // ---- the shopper's links, card and history (./shopper-links/, ./card-change.ts, ./ledger.ts) ----

  /** The signed link to a plan's page at its link version, valid `self_service.link_ttl_days` from now (real time, not the test clock). */
  selfServiceUrl(plan: LinkedPlan): string {
    return planLink(this.selfService, plan, new Date())
  }

  /** A fresh token for the plan's page at its current link version (the caller of an action that revoked the others). */
  signLinkToken(plan: LinkedPlan): string {
    return signPlanToken(this.selfService, plan, new Date())
  }

  /** Whether `token` was signed for `planId` and has not expired (real time); its link version is checked against the plan's by the caller. */
  checkSelfServiceToken(planId: string, token: unknown): LinkCheck {
    return verifyPlanToken(this.selfService, planId, token, new Date())
  }

  /** Replaces the card future instalments are charged to, after the checkout's card rules and a verification (card-change.ts). */
  async changeCard(planId: string, input: { cardToken: string; locale?: string }, options: ReviseOptions): Promise<PlanRow> {
    return changeCard(this.operations, planId, input, options)
  }

  /** Appends one entry to a plan's history once per key (a reminder sent, a link resent): false when already recorded. */
  async recordPlanEventOnce(planId: string, event: LedgerEvent, options: { actor: string; idempotencyKey: string; revokeLinks?: boolean }): Promise<boolean> {
    return recordPlanEventOnce(this.operations, planId, event, options)
  }

  // ---- lender (Alma) mirror (./lender-mirror.ts, ./operations/lender.ts) --------------------------

  /** Creates or refreshes the mirror of a lender's payment, keyed by the Medusa payment session. */
  async mirrorLenderPlan(input: MirrorLenderPlanInput): Promise<{ plan: PlanRow | null; written: boolean }> {
    return mirrorLenderPlan(this.operations, input)
  }

  /** Records (and commits) a money operation before the lender is asked for it; or the one its key already names. */
  async recordLenderOperation(input: LenderOperationInput): Promise<LenderOperation> {
    return this.operations.transaction((run) => beginLenderOperation(run, input))
  }

  /** A lender's operations still executing, by id after `after` (keyset), each with whether its driver is gone. */
  async listExecutingLenderOperations(input: { lender: string; after?: string | null; limit: number; staleAfterMs?: number }) {
    const { lender, after = null, limit, staleAfterMs = STALE_OPERATION_MS } = input
    return executingLenderOperations(this.operations.read, { lender, after, limit, staleAfterMs })
  }

  /** Takes over a stale lender operation before sending it again: true for one caller only, so two reconcilers never both send it. */
  async claimStaleLenderOperation(operationId: string, staleAfterMs: number = STALE_OPERATION_MS): Promise<boolean> {
    return claimStaleLenderOperation(this.operations.read, operationId, staleAfterMs)
  }
}
