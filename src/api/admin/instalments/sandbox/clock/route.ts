/**
 * The sandbox test clock (only with the offline sandbox processor; 404 otherwise).
 *
 * POST /admin/instalments/sandbox/clock { advance_days } moves the clock forward day by day and
 * runs the collection once per day, as the hourly job would have on each of those days; or
 * { set: "YYYY-MM-DD" | ISO instant } moves it to that moment and runs the collection once.
 * Answers { clock: { now, today }, runs: [{ today, examined, charged, failed, ... }], total }.
 * With it a test or the demo store lives months of a plan in seconds: paid, declined, retried,
 * late, serious delay.
 *
 * GET answers { clock } without moving it.
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { isLocalDate } from "../../../../../domain/calendar"
import { money, toMajor } from "../../../../../domain/money"
import { INSTALMENTS_MODULE } from "../../../../../modules/instalments"
import { addSummaries, emptySummary } from "../../../../../modules/instalments/collection"
import type InstalmentsModuleService from "../../../../../modules/instalments/service"
import { SANDBOX_PROCESSOR_NAME } from "../../../../../processors"
import { runCollection, type CollectionRunSummary } from "../../../../../workflows/collect-due-instalments"
import { parseOr400 } from "../../../../utils/validation"

const MAX_DAYS = 400

const ClockBody = z
  .object({
    advance_days: z.number({ error: `must be a whole number of days from 1 to ${MAX_DAYS}` }).int("must be a whole number of days").min(1).max(MAX_DAYS).optional(),
    set: z
      .string({ error: 'must be a day "YYYY-MM-DD" or an ISO instant "2027-02-28T10:00:00Z"' })
      .refine((s) => isLocalDate(s) || (/^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s))), {
        message: 'must be a day "YYYY-MM-DD" or an ISO instant "2027-02-28T10:00:00Z"',
      })
      .optional(),
  })
  .strict()
  .refine((b) => (b.advance_days === undefined) !== (b.set === undefined), { message: "give exactly one of advance_days or set" })

function sandboxInstalments(req: AuthenticatedMedusaRequest): InstalmentsModuleService {
  const instalments = req.scope.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  if (instalments.processor.name !== SANDBOX_PROCESSOR_NAME) {
    // The clock only exists in the sandbox: to a store with a real processor the route does not exist.
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cannot ${req.method} ${req.originalUrl}`)
  }
  return instalments
}

function clockView(instalments: InstalmentsModuleService) {
  return { now: instalments.now().toISOString(), today: instalments.today() }
}

function runView(run: CollectionRunSummary, currency: string) {
  return {
    today: run.today,
    examined: run.examined,
    charged: run.charged,
    failed: run.failed,
    skipped: run.skipped,
    unfrozen: run.unfrozen,
    serious_delays: run.seriousDelays,
    errors: run.errors,
    charged_amount: toMajor(money(run.chargedCents, currency)),
    declined_amount: toMajor(money(run.failedCents, currency)),
  }
}

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ clock: clockView(sandboxInstalments(req)) })
}

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const instalments = sandboxInstalments(req)
  const body = parseOr400(ClockBody, req.body, "body")
  const currency = instalments.engineConfig.currency
  const runs: CollectionRunSummary[] = []
  if (body.set !== undefined) {
    // A day alone means that day at 10:00 UTC: the same calendar day in every European time zone.
    await instalments.setSandboxTime(new Date(isLocalDate(body.set) ? `${body.set}T10:00:00Z` : body.set))
    runs.push(await runCollection(req.scope))
  } else {
    for (let day = 0; day < (body.advance_days as number); day++) {
      await instalments.advanceSandboxClock(1)
      runs.push(await runCollection(req.scope))
    }
  }
  const total = runs.reduce((sum, run) => ({ ...addSummaries(sum, run), today: run.today, batches: sum.batches + run.batches }), {
    ...emptySummary(),
    today: instalments.today(),
    batches: 0,
  })
  res.json({ clock: clockView(instalments), runs: runs.map((r) => runView(r, currency)), total: runView(total, currency) })
}
