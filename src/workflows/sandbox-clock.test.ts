/**
 * How the clock route waits for its run: the workflow engine here is a stand-in with the two calls
 * startSandboxClock makes (subscribe, run), finishing the run when told, as Medusa's engines
 * notify a transaction's subscribers ("onFinish" with the result or the errors).
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { SANDBOX_CLOCK_WORKFLOW, startSandboxClock, type SandboxClockOutput } from "./sandbox-clock"

type Finish = { eventType: string; result?: SandboxClockOutput; errors?: { error: unknown }[] }

function engineThat(finish: "at once" | "never" | "fails") {
  const subscribers = new Map<string, (event: Finish) => void>()
  const runs: { workflow: string; transactionId: string; throwOnError: boolean }[] = []
  const engine = {
    async subscribe(args: { transactionId: string; subscriber: (event: Finish) => void }) {
      subscribers.set(args.transactionId, args.subscriber)
    },
    async run(workflow: string, options: { transactionId: string; throwOnError: boolean }) {
      runs.push({ workflow, transactionId: options.transactionId, throwOnError: options.throwOnError })
      const notify = subscribers.get(options.transactionId)
      // The engine answers run() first and finishes the background work later.
      if (finish === "at once") setImmediate(() => notify?.({ eventType: "onFinish", result: { runs: [] } }))
      if (finish === "fails") setImmediate(() => notify?.({ eventType: "onFinish", errors: [{ error: new Error("collection failed") }] }))
      return {}
    },
  }
  return { container: { resolve: () => engine } as unknown as MedusaContainer, runs }
}

describe("startSandboxClock", () => {
  it("without wait: starts the run and answers at once, with its ids", async () => {
    const { container, runs } = engineThat("never")
    const started = await startSandboxClock(container, { advanceDays: 2 }, { wait: false })
    expect(started).toEqual({ workflowId: SANDBOX_CLOCK_WORKFLOW, transactionId: runs[0].transactionId })
    expect(runs).toEqual([{ workflow: SANDBOX_CLOCK_WORKFLOW, transactionId: expect.stringMatching(/^sandbox-clock-/), throwOnError: true }])
  })

  it("with wait: answers the run's days once it ended", async () => {
    const { container } = engineThat("at once")
    expect(await startSandboxClock(container, { advanceDays: 1 }, { wait: true })).toMatchObject({ output: { runs: [] } })
  })

  it("with wait: a run nothing takes (Redis, no worker) answers stillRunning after the bound", async () => {
    const { container } = engineThat("never")
    const started = await startSandboxClock(container, { advanceDays: 1 }, { wait: true, boundMs: 10 })
    expect(started.stillRunning).toBe(true)
    expect(started.output).toBeUndefined()
  })

  it("with wait: a failed run throws its first error", async () => {
    const { container } = engineThat("fails")
    await expect(startSandboxClock(container, { advanceDays: 1 }, { wait: true })).rejects.toThrow("collection failed")
  })
})
