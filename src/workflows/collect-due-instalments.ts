/**
 * Collects every instalment that is due: the scheduled job runs this workflow every hour, the
 * sandbox test clock runs it once per simulated day.
 *
 * Plans are read in bounded batches (keyset pagination on the plan id, so a batch costs the same
 * at the first page and at the last), and each batch runs under Medusa's locking module with one
 * key per plan (`instalment-plan:<id>`: in-memory in the demo, Redis or Postgres in production),
 * on top of the plans' row locks in the module. Each charge carries a key per plan, instalments
 * and attempt number, so two workers, a retried job or a crash between the charge and the write
 * never charge twice: the processor answers a known key with its first charge, and the next run
 * writes what a crashed one could not.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { INSTALMENTS_MODULE } from "../modules/instalments"
import { addSummaries, emptySummary, type CollectionSummary } from "../modules/instalments/collection"
import type InstalmentsModuleService from "../modules/instalments/service"

export const COLLECT_DUE_INSTALMENTS_WORKFLOW = "collect-due-instalments"

/** Plans per batch: one transaction, one lock set, three write statements. */
export const DEFAULT_COLLECTION_BATCH_SIZE = 500
/** How long a batch waits for plans another worker is collecting before leaving them to the next run. */
const LOCK_TIMEOUT_SECONDS = 120

/** Batches in flight at once: while Postgres writes one, Node computes the next. */
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
  const locking = container.resolve(Modules.LOCKING)
  const today = instalments.today()
  let total = emptySummary()
  let batches = 0
  let after = ""
  const inFlight = new Set<Promise<void>>()

  async function collectBatch(ids: string[]) {
    try {
      const keys = ids.map((id) => `instalment-plan:${id}`)
      const summary = await locking.execute(keys, () => instalments.collectPlans(ids), { timeout: LOCK_TIMEOUT_SECONDS })
      total = addSummaries(total, summary)
    } catch (error) {
      // A batch that fails (lock timeout, database error) is left whole to the next run; the
      // other batches go on.
      total = addSummaries(total, { ...emptySummary(), examined: ids.length, errors: ids.length })
      console.warn(`medusa-instalments: a collection batch of ${ids.length} plans was left for the next run: ${(error as Error).message}`)
    }
  }

  for (;;) {
    const ids = await instalments.listCollectionCandidates({ today, after, limit: batchSize })
    if (ids.length === 0) break
    after = ids[ids.length - 1]
    batches++
    const running: Promise<void> = collectBatch(ids).finally(() => inFlight.delete(running))
    inFlight.add(running)
    if (inFlight.size >= concurrency) await Promise.race(inFlight)
    if (ids.length < batchSize) break
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
