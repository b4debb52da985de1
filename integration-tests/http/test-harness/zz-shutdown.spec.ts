/**
 * integration-tests/bounded-shutdown.js: an app that cannot shut down (here a database connection
 * taken from the pool and never given back, which makes Medusa's shutdown wait forever) still ends,
 * and the rest of the run goes on. Without the bound, the entry fails with "Exceeded timeout of
 * 240000 ms for a hook". Named to run last of the folder: the connection stays out for good.
 */
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { shopRunner } from "../../helpers/shared-app"

shopRunner({
  testSuite: ({ getContainer }) => {
    it("ends a spec whose app keeps a database connection out of the pool", async () => {
      const pool = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
      await pool.client.acquireConnection()
      expect(pool.client.pool.numUsed()).toBe(1)
    })
  },
})
