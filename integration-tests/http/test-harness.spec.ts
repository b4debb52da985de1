/**
 * The test harness itself. helpers/subscribers.ts: a test ends once the subscribers it started are
 * done. integration-tests/bounded-shutdown.js: a spec whose app cannot shut
 * down (here a database connection taken from the pool and never given back, which makes Medusa's
 * shutdown wait forever) still ends, and the rest of the run goes on. Without the bound, this
 * file fails with "Exceeded timeout of 240000 ms for a hook". (240 s, as every HTTP spec: the app's
 * boot alone took over 60 s in a loaded CI run.)
 */
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { trackSubscribers } from "../helpers/subscribers"

jest.setTimeout(240_000)

// Read when the runner shuts the app down, in its afterAll; above Medusa's own 5 s shutdown timeout.
const previousBound = process.env.INSTALMENTS_TEST_SHUTDOWN_BOUND_MS
process.env.INSTALMENTS_TEST_SHUTDOWN_BOUND_MS = "6000"
afterAll(() => {
  if (previousBound === undefined) delete process.env.INSTALMENTS_TEST_SHUTDOWN_BOUND_MS
  else process.env.INSTALMENTS_TEST_SHUTDOWN_BOUND_MS = previousBound
})

medusaIntegrationTestRunner({
  cwd: path.join(__dirname, "../.."),
  testSuite: ({ getContainer }) => {
    it("waits for the subscribers a test started before the next one (helpers/subscribers.ts)", async () => {
      const bus = getContainer().resolve(Modules.EVENT_BUS)
      let release: () => void = () => undefined
      const released = new Promise<void>((resolve) => (release = resolve))
      let finished = false
      bus.subscribe("harness.slow", async () => {
        await released
        finished = true
      }, { subscriberId: "harness-slow" })
      const tracker = trackSubscribers(getContainer())
      expect(tracker).not.toBeNull()
      await bus.emit({ name: "harness.slow", data: {} })
      await new Promise((resolve) => setImmediate(resolve))
      expect(tracker!.running()).toEqual(["harness.slow"])
      // Still running past the bound: the wait fails and says which event.
      await expect(tracker!.idle(50)).rejects.toThrow("subscribers still running 50 ms after the test: harness.slow")
      const idle = tracker!.idle()
      release()
      await idle
      expect(finished).toBe(true)
      expect(tracker!.running()).toEqual([])
    })

    it("ends a spec whose app keeps a database connection out of the pool", async () => {
      const pool = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
      await pool.client.acquireConnection()
      expect(pool.client.pool.numUsed()).toBe(1)
    })
  },
})
