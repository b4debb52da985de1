/**
 * Settles the Alma operations a crash or an outage left `executing` (Alma called or not, its
 * answer not recorded), from Alma's own records, read with no transaction open:
 *  - a refund is done when its `merchant_reference` (Medusa's refund id) is among the payment's
 *    refunds; a trigger when the payment no longer awaits it; a cancellation when the payment is
 *    `stopped`. Done → recorded, with the mirror's refresh; nothing is sent.
 *  - not done: the operation is owed (Medusa's refund, capture or cancellation stands). It is
 *    sent again only once stale (no call of its driver can still be on its way: Alma's calls time
 *    out in seconds, an operation is stale after minutes), and only by the one reconciler that
 *    claims it. Alma's refusal is recorded (declined) and logged as an error: the merchant looks.
 * Run by the `instalments-alma-sync` job (src/jobs/alma-sync-plans.ts) before it refreshes plans.
 */
import { readPayment } from "./sync"
import { ALMA_LENDER, finishAlmaOperation, type AlmaOperationsContext } from "./operations"

export interface AlmaReconcileSummary {
  /** Operations looked at. */
  examined: number
  /** Operations now recorded (done at Alma, or refused by it). */
  settled: number
  /** Operations still owed (not stale yet, or Alma did not answer). */
  waiting: number
  /** Operations Alma could not be read for: left for the next run. */
  errors: number
}

const PAGE = 100

export async function reconcileAlmaOperations(ctx: AlmaOperationsContext, options: { staleAfterMs?: number; pageSize?: number } = {}): Promise<AlmaReconcileSummary> {
  const summary: AlmaReconcileSummary = { examined: 0, settled: 0, waiting: 0, errors: 0 }
  const limit = options.pageSize ?? PAGE
  let after: string | null = null
  for (;;) {
    const page = await ctx.instalments.listExecutingLenderOperations({ lender: ALMA_LENDER, after, limit, staleAfterMs: options.staleAfterMs })
    for (const operation of page) {
      summary.examined++
      try {
        const read = await readPayment(ctx.client, operation.decided.paymentId)
        const finished = await finishAlmaOperation(ctx, operation, read, async () =>
          operation.stale ? ctx.instalments.claimStaleLenderOperation(operation.id, options.staleAfterMs) : false,
        )
        if (finished.kind === "refused") {
          ctx.logger.error(`medusa-instalments: Alma refused ${operation.idempotency_key}, which Medusa had recorded: ${finished.error.message}. Look at the payment in Alma's dashboard.`)
        }
        if (finished.kind === "recorded" || finished.kind === "refused") summary.settled++
        else summary.waiting++
      } catch (error) {
        summary.errors++
        ctx.logger.warn(`medusa-instalments: Alma operation ${operation.idempotency_key} not settled: ${(error as Error).message}`)
      }
    }
    if (page.length < limit) return summary
    after = page[page.length - 1].id
  }
}
