/**
 * The test harness itself (integration-tests/bounded-shutdown.js): a spec whose app cannot shut
 * down (here a database connection taken from the pool and never given back, which makes Medusa's
 * shutdown wait forever) still ends, and the rest of the run goes on. Without the bound, this
 * file fails with "Exceeded timeout of 240000 ms for a hook".
 */
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

jest.setTimeout(60_000)

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
    it("ends a spec whose app keeps a database connection out of the pool", async () => {
      const pool = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
      await pool.client.acquireConnection()
      expect(pool.client.pool.numUsed()).toBe(1)
    })
  },
})
