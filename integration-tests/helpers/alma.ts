/**
 * A fake Alma for an integration test file: the stateful msw fake (test-support/fake-alma) on its
 * own API root, and the environment medusa-config.ts reads to register the Alma provider against
 * it. Call at the top of the spec file, before medusaIntegrationTestRunner loads the config; the
 * environment is restored when the file ends, so the next file starts clean.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { setupServer } from "msw/node"
import { createFakeAlma } from "../../test-support/fake-alma"

export const ALMA_PROVIDER = "pp_alma_alma"

export function useFakeAlma(input: { apiRoot: string; apiKey: string; env?: Record<string, string> }) {
  const env: Record<string, string> = {
    ALMA_API_KEY: input.apiKey,
    ALMA_API_ROOT: input.apiRoot,
    ALMA_RETURN_URL: "https://shop.test/checkout/alma-return",
    ALMA_IPN_URL: "https://store.test/hooks/alma/ipn",
    ...input.env,
  }
  const previous = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]))
  Object.assign(process.env, env)

  const alma = createFakeAlma({ apiRoot: input.apiRoot, apiKey: input.apiKey })
  const msw = setupServer(...alma.handlers)
  // The test runner's own calls to the Medusa app go through untouched.
  msw.listen({ onUnhandledRequest: "bypass" })
  afterAll(() => {
    msw.close()
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  })
  return alma
}

/**
 * For each Alma call that `matches`, whether the plan's row was locked when Alma received it
 * (asked from another connection with SKIP LOCKED, which does not wait): a call made under the
 * plan's lock, or inside a transaction that took it, shows `true`.
 */
export function planLockedDuring(
  alma: ReturnType<typeof createFakeAlma>,
  getContainer: () => MedusaContainer,
  planId: string,
  matches: (call: { method: string; path: string }) => boolean,
): boolean[] {
  const seen: boolean[] = []
  alma.state.beforeAnswer = async (call) => {
    if (!matches(call)) return
    const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const { rows } = await pg.raw(`select id from instalment_plan where id = ? for update skip locked`, [planId])
    seen.push(rows.length === 0)
  }
  return seen
}
