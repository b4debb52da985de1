/**
 * Replacing the card future instalments are charged to (docs/business-rules.md §5): the new card
 * must pass the checkout's card rules (src/domain/card-change.ts) and a verification that moves
 * no money; then, under the plan's lock, the plan takes it, every link sent before is revoked,
 * and the change is recorded once per idempotency key. Not while a payment is in flight: it is
 * recorded on the plan it was decided on, so the change waits for it a little (`busy_wait_ms`),
 * then answers plan_busy.
 */
import type { Context } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { CARD_CHANGE_STATUSES, cardChangeRefusals, lastDueDate } from "../../domain/card-change"
import { money } from "../../domain/money"
import type { LedgerEvent } from "../../domain/outcome"
import { requireStatus } from "../../domain/revisions/guards"
import { resolveLocale, t } from "../../domain/texts"
import { engineCard } from "./checkout/card-eligibility"
import { cardSummaryData, type PrivateCard } from "./checkout/session-data"
import type { ModuleDeps } from "./deps"
import { eligibilityRefusal, invalid, keyReused, planBusy, planChanged, planNotFound, processorFailure, refusal, unwrapRevision } from "./errors"
import { appendEvents } from "./ledger"
import { withFingerprint } from "./linked/shopper-keys"
import { planToSnapshot, type PlanRow } from "./mapping"
import { digestOf, fingerprintOf } from "./operations/keys"
import { executingOperationOn, findOperationByKey, insertOperation } from "./operations/records"
import { whenFree, type ReviseOptions } from "./operations/run"
import { lockPlan } from "./plan-writes"
import { INSTALMENT_PLAN_EVENTS } from "./plugin-events"
import { nextLinkVersion } from "./shopper-links/revocation"
import type { Run } from "./sql"

/**
 * Checks and verifies the new card, then saves it. A refusal throws `code: message` in the
 * shopper's language and changes nothing. A replay with the same idempotency key changes nothing.
 */
export async function changeCard(deps: ModuleDeps, planId: string, input: { cardToken: string; locale?: string }, options: ReviseOptions): Promise<PlanRow> {
  const row = await deps.entities.loadPlan(planId)
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Instalment plan ${planId} was not found`)
  const locale = resolveLocale(input.locale ?? row.locale)
  const refused = requireStatus(planToSnapshot(row), CARD_CHANGE_STATUSES, "change the card")
  if (refused) unwrapRevision(refused)
  // The card's digest in the processor keys: another card after a refusal is another request.
  const key = `${options.idempotencyKey}:${digestOf(input.cardToken)}`
  const card = await deps.processor.describeCard(input.cardToken, { idempotencyKey: `${key}:describe` })
  if (!card.ok) throw invalid(`card_token: ${card.error.message}`)
  const config = deps.engineConfig
  const plan = { code: row.plan_code, total: money(row.total_cents, row.currency_code), lastDueDate: lastDueDate(row.instalments ?? []) ?? deps.today() }
  const reasons = cardChangeRefusals(config, plan, engineCard(card.value))
  if (reasons.length > 0) throw eligibilityRefusal(reasons, config, row.plan_code, locale)
  const verified = await deps.processor.verifyCard({ cardRef: card.value.cardRef, idempotencyKey: `${key}:verify` })
  if (!verified.ok) throw processorFailure(verified.error)
  if (verified.value.status === "failed") throw refusal([{ code: verified.value.code, message: t(locale, "self.error.paymentDeclined") }])
  const changed = await whenFree(deps, planId, () =>
    deps.transaction((run, context) => saveCard(deps, { run, context }, planId, cardSummaryData(card.value), verified.value.verificationId, options)),
  )
  if (changed) {
    await deps.emit([
      { name: INSTALMENT_PLAN_EVENTS.updated, data: { id: planId, cause: "plan.card_changed", event_types: ["plan.card_changed"], actor: options.actor } },
    ])
  }
  return (await deps.entities.loadPlan(planId)) as PlanRow
}

/** Under the plan's lock: the replay check, the status asked again, the card saved and recorded. Whether it changed. */
async function saveCard(
  deps: ModuleDeps,
  tx: { run: Run; context: Context },
  planId: string,
  card: PrivateCard,
  verificationId: string,
  options: ReviseOptions,
): Promise<boolean> {
  const { run, context } = tx
  const row = await lockPlan(run, planId)
  if (!row) throw planNotFound(planId)
  const fingerprint = fingerprintOf(options.request.name, options.request.input)
  const known = await findOperationByKey(run, options.idempotencyKey)
  if (known) {
    if (known.plan_id === planId && known.fingerprint === fingerprint) return false
    throw options.expectedVersion !== undefined ? planChanged() : keyReused(options.idempotencyKey)
  }
  // A payment in flight is recorded on the plan as it was decided: the card waits until it is settled.
  if (await executingOperationOn(run, planId)) throw planBusy()
  if (options.expectedVersion !== undefined && row.version !== options.expectedVersion) throw planChanged()
  // The status may have changed while the card was checked: ask again under the lock.
  const refused = requireStatus(planToSnapshot(row), CARD_CHANGE_STATUSES, "change the card")
  if (refused) unwrapRevision(refused)
  await deps.entities.updateInstalmentPlans(
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
      card_fingerprint: card.fingerprint ?? null,
      // The cards it had before stay: a plan is linked by any card it has used.
      card_fingerprints: withFingerprint(row.card_fingerprints as string[] | null, card.fingerprint),
      version: row.version + 1,
      // A new card revokes every link sent before (shopper-links/revocation.ts).
      link_version: nextLinkVersion(row),
    },
    context,
  )
  await insertOperation(run, { plan_id: planId, payment_session_id: null, idempotency_key: options.idempotencyKey, fingerprint, actor: options.actor, status: "completed", decided: { kind: "recorded" } }, [])
  const event: LedgerEvent = {
    type: "plan.card_changed",
    data: {
      from: { brand: row.card_brand, last4: row.card_last4, fingerprint: row.card_fingerprint ?? null },
      to: { brand: card.brand, last4: card.last4, expMonth: card.exp_month, expYear: card.exp_year, fingerprint: card.fingerprint ?? null },
      verificationId,
    },
  }
  await appendEvents(deps, planId, [event], options.actor, options.idempotencyKey, context)
  return true
}
