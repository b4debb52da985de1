/**
 * Every operation starts on the store's clock: with the sandbox test clock (option `test_clock`),
 * the clock is the whole store's, kept in Postgres and moved by POST /admin/instalments/sandbox/clock
 * on any server; each HTTP request (src/api/middlewares.ts), job run, workflow run and event handler
 * reads it once, here, before it quotes, charges, dates or reminds anything
 * (src/modules/instalments/store-clock.ts). Without the test clock this reads nothing.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { INSTALMENTS_MODULE } from "../modules/instalments"
import type InstalmentsModuleService from "../modules/instalments/service"

export async function readStoreClock(container: Pick<MedusaContainer, "resolve">): Promise<void> {
  await container.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE).syncClock()
}
