/**
 * The sandbox test clock: only with the module option `test_clock: true` (never in production)
 * and a processor in test mode (the offline sandbox, or Stripe with a test key: nothing real
 * moves). Otherwise the route does not exist: 404, as any unknown route.
 *
 * The clock is the whole store's (kept in Postgres: every server and worker reads it, once per
 * request, job run or event). POST /admin/instalments/sandbox/clock { advance_days } lives 1 to
 * 125 days, one at a time: each day the store's clock moves one day forward, then the day's
 * collection and reminders run once, as the jobs would have on each of those days; or { set:
 * "YYYY-MM-DD" | ISO instant } moves the store's clock forward to that moment at once (at most 5
 * years after the real time) and lives that day. The clock never moves back
 * (src/modules/instalments/test-clock.ts).
 *
 * The days are not lived inside this request: the route starts the workflow
 * instalments-sandbox-clock (src/workflows/sandbox-clock.ts) through Medusa's workflow engine,
 * which runs it as background work (in the worker, with the Redis engine), and answers 202
 * { clock, started: { workflow_id, transaction_id, advance_days } } at once. With `?wait=true` it
 * answers 200 when the run has ended: { clock: { now, today }, runs: [{ today, examined, charged,
 * failed, ..., reminders_sent }], total }; a run not ended within two minutes (with Redis and no
 * worker running, nothing takes it) answers 202 as above with `still_running: true`. With it a test or the demo store lives months of a plan
 * in seconds: paid, declined, retried, late, serious delay.
 *
 * A run waits for no other collection run: plans another run has claimed are left to it, and a
 * row lock met while recording an answer is waited for at most the module's lock timeout (3 s).
 *
 * GET answers { clock } without moving it.
 */
import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { isLocalDate } from "../../../../../domain/calendar"
import { money, toMajor } from "../../../../../domain/money"
import { INSTALMENTS_MODULE } from "../../../../../modules/instalments"
import { addSummaries, emptySummary } from "../../../../../modules/instalments/collection"
import type InstalmentsModuleService from "../../../../../modules/instalments/service"
import { MAX_ADVANCE_DAYS } from "../../../../../modules/instalments/test-clock"
import type { CollectionRunSummary } from "../../../../../workflows/collect-due-instalments"
import { startSandboxClock, type SandboxDayRun } from "../../../../../workflows/sandbox-clock"
import { parseOr400 } from "../../../../../http/validation"

const DAYS_MESSAGE = `must be a whole number of days from 1 to ${MAX_ADVANCE_DAYS} (move further in several calls)`

const ClockBody = z
  .object({
    advance_days: z.number({ error: DAYS_MESSAGE }).int(DAYS_MESSAGE).min(1, DAYS_MESSAGE).max(MAX_ADVANCE_DAYS, DAYS_MESSAGE).optional(),
    set: z
      .string({ error: 'must be a day "YYYY-MM-DD" or an ISO instant "2027-02-28T10:00:00Z"' })
      .refine((s) => isLocalDate(s) || (/^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s))), {
        message: 'must be a day "YYYY-MM-DD" or an ISO instant "2027-02-28T10:00:00Z"',
      })
      .optional(),
  })
  .strict()
  .refine((b) => (b.advance_days === undefined) !== (b.set === undefined), { message: "give exactly one of advance_days or set" })

const WAIT_MESSAGE = 'must be "true" (answer when the days have been lived, with what happened) or "false" (the default: answer at once)'

const ClockQuery = z.object({ wait: z.enum(["true", "false"], { error: WAIT_MESSAGE }).optional() })

/** The module when its test clock is on; otherwise undefined, and the route does not exist. */
function testClockInstalments(req: AuthenticatedMedusaRequest): InstalmentsModuleService | undefined {
  const instalments = req.scope.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  return instalments.testClock && instalments.processor.capabilities.testMode ? instalments : undefined
}

function clockView(instalments: InstalmentsModuleService) {
  return { now: instalments.now().toISOString(), today: instalments.today() }
}

function runView(run: CollectionRunSummary & Pick<SandboxDayRun, "remindersSent">, currency: string) {
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
    reminders_sent: run.remindersSent,
  }
}

// Without the test clock, `next()` hands the request on to Express: nothing else answers it, so the
// caller gets exactly the 404 of an unknown route.
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const instalments = testClockInstalments(req)
  if (!instalments) return next()
  res.json({ clock: clockView(instalments) })
}

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const instalments = testClockInstalments(req)
  if (!instalments) return next()
  const body = parseOr400(ClockBody, req.body, "body")
  const wait = parseOr400(ClockQuery, req.query, "query").wait === "true"
  if (body.set !== undefined) {
    // A day alone means that day at 10:00 UTC: the same calendar day in every European time zone.
    await instalments.setSandboxTime(new Date(isLocalDate(body.set) ? `${body.set}T10:00:00Z` : body.set))
  }
  const advanceDays = body.advance_days ?? 0
  const run = await startSandboxClock(req.scope, { advanceDays }, { wait })
  if (!run.output) {
    const started = { workflow_id: run.workflowId, transaction_id: run.transactionId, advance_days: advanceDays }
    res.status(202).json({ clock: clockView(instalments), started, ...(run.stillRunning ? { still_running: true } : {}) })
    return
  }
  // The run may have lived its days in another process: this one reads where the store's clock is now.
  await instalments.syncClock()
  const currency = instalments.engineConfig.currency
  const runs = run.output.runs
  const total = runs.reduce(
    (sum, day) => ({ ...addSummaries(sum, day), today: day.today, batches: sum.batches + day.batches, remindersSent: sum.remindersSent + day.remindersSent }),
    { ...emptySummary(), today: instalments.today(), batches: 0, remindersSent: 0 },
  )
  res.json({ clock: clockView(instalments), runs: runs.map((r) => runView(r, currency)), total: runView(total, currency) })
}
