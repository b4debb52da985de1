/**
 * The days the sandbox test clock lives (POST /admin/instalments/sandbox/clock), run by Medusa's
 * workflow engine where it runs background work, as the scheduled jobs are: for each simulated
 * day, the store's clock moves one day forward (in Postgres, for every process), then the day's
 * collection (./collect-due-instalments.ts, the hourly job's work) and reminders
 * (./send-due-reminders.ts, the daily job's work) run once. After a `set`, the route has already
 * moved the clock and the run lives that one day.
 *
 * The first step only hands the run over: it is asynchronous (`async: true`), so the engine
 * returns to the route at once and schedules the rest as background work. With Medusa's in-memory
 * engine (one process) that is this process; with the Redis engine it is a job on the engine's
 * queue, which only the processes in `worker` (or `shared`) mode take: the collection runs in the
 * worker, with its jobs, not inside the admin's HTTP request. `startSandboxClock(..., { wait })`
 * subscribes to the run's end first, for the tests and scripts that want its summary. Each run
 * is kept a week in Medusa's workflow executions, with its days.
 */
import { randomUUID } from "node:crypto"
import type { IWorkflowEngineService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { INSTALMENTS_MODULE } from "../modules/instalments"
import type InstalmentsModuleService from "../modules/instalments/service"
import { sendDueReminders } from "../notifications/reminders"
import { runCollection, type CollectionRunSummary } from "./collect-due-instalments"

export const SANDBOX_CLOCK_WORKFLOW = "instalments-sandbox-clock"

export interface SandboxClockInput {
  /** Days to live, one at a time (1 to 125); 0 lives the store's current day once (after a `set`). */
  advanceDays: number
}

/** One simulated day: its collection run and the reminders it sent. */
export interface SandboxDayRun extends CollectionRunSummary {
  remindersSent: number
}

export interface SandboxClockOutput {
  runs: SandboxDayRun[]
}

/** Answers at once: what follows runs as the engine's background work (in the worker with Redis). */
export const handOverSandboxClockStep = createStep(
  { name: "instalments-sandbox-clock-hand-over", async: true },
  async (input: SandboxClockInput) => new StepResponse({ advanceDays: input.advanceDays }),
)

export const liveSandboxDaysStep = createStep("instalments-sandbox-clock-days", async (input: SandboxClockInput, { container }) => {
  const instalments = container.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  const runs: SandboxDayRun[] = []
  for (let day = 0; day < Math.max(1, input.advanceDays); day++) {
    if (input.advanceDays > 0) await instalments.advanceSandboxClock(1)
    const collected = await runCollection(container)
    const reminders = await sendDueReminders(container)
    runs.push({ ...collected, remindersSent: reminders.sent })
  }
  return new StepResponse<SandboxClockOutput>({ runs })
})

/** How long a finished run stays in Medusa's workflow executions (GET /admin/workflows-executions), in seconds. */
const KEPT_FOR_S = 7 * 24 * 60 * 60

export const sandboxClockWorkflow = createWorkflow({ name: SANDBOX_CLOCK_WORKFLOW, store: true, retentionTime: KEPT_FOR_S }, (input: SandboxClockInput) => {
  handOverSandboxClockStep(input)
  return new WorkflowResponse(liveSandboxDaysStep(input))
})

export interface StartedSandboxClock {
  workflowId: string
  transactionId: string
  /** With `wait`: the run's days, once it ended. */
  output?: SandboxClockOutput
  /** With `wait`: the run had not ended within the bound (no worker taking it, or a long run); it goes on. */
  stillRunning?: boolean
}

/**
 * How long `wait` waits for the run's end. With the Redis engine and no worker running, nothing
 * takes the run: the admin's request answers after this, saying the run is still waiting.
 */
export const SANDBOX_CLOCK_WAIT_BOUND_MS = 120_000

/**
 * Starts a run through the workflow engine. With `wait`, answers when the run has ended (wherever
 * it ran), with its days, or after `boundMs` with `stillRunning`; a run that failed throws its first error.
 */
export async function startSandboxClock(
  container: MedusaContainer,
  input: SandboxClockInput,
  options: { wait: boolean; boundMs?: number },
): Promise<StartedSandboxClock> {
  const engine = container.resolve<IWorkflowEngineService>(Modules.WORKFLOW_ENGINE)
  const transactionId = `sandbox-clock-${randomUUID()}`
  const started = { workflowId: SANDBOX_CLOCK_WORKFLOW, transactionId }
  // Subscribed before the run starts, so that its end cannot be missed.
  const ended = options.wait ? runEnd(engine, transactionId) : undefined
  await ended?.subscribed
  await engine.run(SANDBOX_CLOCK_WORKFLOW, { input, transactionId, throwOnError: true })
  if (!ended) return started
  const output = await withinBound(ended.output, options.boundMs ?? SANDBOX_CLOCK_WAIT_BOUND_MS)
  return output ? { ...started, output } : { ...started, stillRunning: true }
}

/** The promise's value, or undefined once `ms` have passed first. */
async function withinBound<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const bound = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms)
  })
  try {
    return await Promise.race([promise, bound])
  } finally {
    clearTimeout(timer)
  }
}

type FinishEvent = { eventType: string; result?: SandboxClockOutput; errors?: Array<{ error?: unknown }> }

function runEnd(engine: IWorkflowEngineService, transactionId: string) {
  let subscribed!: Promise<void>
  const output = new Promise<SandboxClockOutput>((resolve, reject) => {
    subscribed = engine.subscribe({
      workflowId: SANDBOX_CLOCK_WORKFLOW,
      transactionId,
      subscriber: (event: FinishEvent) => {
        if (event.eventType !== "onFinish") return
        const failure = event.errors?.[0]?.error
        if (failure) reject(failure instanceof Error ? failure : new Error(String((failure as { message?: string }).message ?? failure)))
        else resolve(event.result as SandboxClockOutput)
      },
    })
  })
  return { subscribed, output }
}
