/**
 * Collects every instalment that is due: the scheduled job runs this workflow every hour, the
 * sandbox test clock runs it once per simulated day.
 *
 * A run claims its plans in the database, a bounded batch at a time: the batch's rows are locked
 * with `for update skip locked` in the transaction that decides them (keyset on the plan id, so a
 * batch costs the same at the first page and at the last), and that transaction commits before any
 * card is charged. Several runs at once (workers, the admin's test clock, a script) therefore take
 * disjoint batches and never wait for each other: rows another run or request holds are skipped,
 * and a plan busy with a charge in flight is not a candidate. The only waits left are Postgres row
 * locks while an answer is recorded, bounded by the module's lock timeout (3 s). Each charge
 * carries a key per plan, instalments and attempt number, so two workers, a retried job or a crash
 * between the charge and the write never charge twice: the processor answers a known key with its
 * first charge, and the next run writes what a crashed one could not.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { INSTALMENTS_MODULE } from "../modules/instalments"
import { addSummaries, emptySummary, type CollectionSummary } from "../modules/instalments/collection"
import type { DecidedBatch } from "../modules/instalments/operations/collect-batch"
import type InstalmentsModuleService from "../modules/instalments/service"
import { readStoreClock } from "./store-clock"

export const COLLECT_DUE_INSTALMENTS_WORKFLOW = "collect-due-instalments"

/** Plans per batch: one transaction, three write statements. */
export const DEFAULT_COLLECTION_BATCH_SIZE = 500

/** Batches being charged and recorded at once; the next one is claimed meanwhile. */
export const DEFAULT_COLLECTION_CONCURRENCY = 2

export interface CollectDueInstalmentsInput {
  batchSize?: number
  concurrency?: number
}

export interface CollectionRunSummary extends CollectionSummary {
  /** The day collected (on the plugin's calendar). */
  today: string
  batches: number
}

/** One collection run over every plan due today. */
export async function runCollection(container: MedusaContainer, input: CollectDueInstalmentsInput = {}): Promise<CollectionRunSummary> {
  const batchSize = input.batchSize ?? DEFAULT_COLLECTION_BATCH_SIZE
  const concurrency = Math.max(1, input.concurrency ?? DEFAULT_COLLECTION_CONCURRENCY)
  const instalments = container.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  // The day is the store's, read once for the run (the test clock may have moved on another process).
  await readStoreClock(container)
  const today = instalments.today()
  let total = emptySummary()
  let batches = 0
  let after = ""
  const inFlight = new Set<Promise<void>>()

  async function complete(batch: DecidedBatch) {
    try {
      // Awaited before `total` is read: batches in flight finish in any order.
      const summary = await instalments.completeCollectionBatch(batch)
      total = addSummaries(total, summary)
    } catch (error) {
      // The charges stay recorded as running operations: the reconciler settles them from the
      // processor's records of their keys.
      total = addSummaries(total, { ...emptySummary(), examined: batch.claimed, errors: batch.claimed })
      logger.warn(`medusa-instalments: a collection batch of ${batch.claimed} plans was left for the reconciler and the next run: ${(error as Error).message}`)
    }
  }

  for (;;) {
    let batch: DecidedBatch
    try {
      batch = await instalments.claimCollectionBatch({ today, after, limit: batchSize })
    } catch (error) {
      // Nothing of a batch whose claim failed was written: the rest of the day is left to the next run.
      // How many plans that leaves is unknown: one error says the run did not finish.
      logger.warn(`medusa-instalments: collection stopped, the plans after ${after || "the first"} are left for the next run: ${(error as Error).message}`)
      total = addSummaries(total, { ...emptySummary(), errors: 1 })
      break
    }
    if (batch.claimed === 0 || !batch.lastId) break
    after = batch.lastId
    batches++
    // The next batch was claimed while the ones before were being charged; it waits for a slot.
    if (inFlight.size >= concurrency) await Promise.race(inFlight)
    const running: Promise<void> = complete(batch).finally(() => inFlight.delete(running))
    inFlight.add(running)
    // Fewer than asked: no unclaimed candidate is left after this one (the rows skipped are
    // another run's, which collects them).
    if (batch.claimed < batchSize) break
  }
  await Promise.all(inFlight)
  return { today, batches, ...total }
}

export const collectDueInstalmentsStep = createStep(
  "collect-due-instalments-step",
  async (input: CollectDueInstalmentsInput, { container }) => new StepResponse(await runCollection(container, input)),
)

export const collectDueInstalmentsWorkflow = createWorkflow(COLLECT_DUE_INSTALMENTS_WORKFLOW, (input: CollectDueInstalmentsInput) => {
  return new WorkflowResponse(collectDueInstalmentsStep(input))
})
