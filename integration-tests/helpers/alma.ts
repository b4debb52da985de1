/**
 * A fake Alma for an integration test file: the stateful msw fake (test-support/fake-alma) on its
 * own API root, and the environment medusa-config.ts reads to register the Alma provider against
 * it. Call it when the suite is declared, before medusaIntegrationTestRunner loads the config; the
 * environment is restored when the file ends, so the next file starts clean.
 *
 * The files of http/with-alma share one app (helpers/shared-app.ts) and so one Alma configuration:
 * their entry starts one interceptor with `shareFakeAlma`, and each file's `useFakeAlma` then gets
 * a fake of its own (nothing a file did at Alma is seen by the next), put in front of the
 * interceptor before the file's tests; such a file calls it inside its suite, so that this hook is
 * the file's.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { setupServer, type SetupServerApi } from "msw/node"
import { createFakeAlma } from "../../test-support/fake-alma"
import { useFileEnv } from "./env"
import { cartWith, startSession, type Api, type Shop } from "./shop"

export const ALMA_PROVIDER = "pp_alma_alma"

type FakeAlmaInput = { apiRoot: string; apiKey: string; env?: Record<string, string> }

/** The Alma of the http/with-alma files. */
export const WITH_ALMA: FakeAlmaInput = { apiRoot: "https://api.alma.test", apiKey: "sk_test_integration_alma", env: { ALMA_TIMEOUT_MS: "2000" } }

/** The Alma of the http/on-shipment files: its payments wait for the shipment (option deferred_trigger). */
export const ON_SHIPMENT_ALMA: FakeAlmaInput = {
  apiRoot: "https://api.alma-deferred.test",
  apiKey: "sk_test_integration_alma_deferred",
  env: { ALMA_DEFERRED_TRIGGER: "on_shipment" },
}

/** The interceptor of the entry running a folder's files (shareFakeAlma), while it runs them. */
let shared: { msw: SetupServerApi; input: FakeAlmaInput } | null = null

/** The file's fake Alma; with `day`, each test starts with it up, on that day, nothing watching its calls. */
export function useFakeAlma(input: FakeAlmaInput, { day }: { day?: Date } = {}) {
  const alma = createFakeAlma({ apiRoot: input.apiRoot, apiKey: input.apiKey })
  if (day) {
    beforeEach(() => {
      alma.state.now = () => day
      alma.state.down = false
      alma.state.beforeAnswer = null
    })
  }
  if (shared) {
    if (JSON.stringify(input) !== JSON.stringify(shared.input)) {
      throw new Error(`this file asks for Alma ${JSON.stringify(input)}, but its folder's app runs with ${JSON.stringify(shared.input)}: use the folder's`)
    }
    const { msw } = shared
    beforeAll(() => msw.resetHandlers(...alma.handlers))
    return alma
  }
  const msw = interceptAlma(input)
  msw.resetHandlers(...alma.handlers)
  return alma
}

/** For a folder's entry: Alma's environment and one interceptor for the files it runs, each with its own fake. */
export function shareFakeAlma(input: FakeAlmaInput) {
  shared = { msw: interceptAlma(input), input }
  afterAll(() => {
    shared = null
  })
}

/** Sets Alma's environment and starts an interceptor (no fake in front of it yet); both undone after the file. */
function interceptAlma(input: FakeAlmaInput): SetupServerApi {
  const env: Record<string, string> = {
    ALMA_API_KEY: input.apiKey,
    ALMA_API_ROOT: input.apiRoot,
    ALMA_RETURN_URL: "https://shop.test/checkout/alma-return",
    ALMA_IPN_URL: "https://store.test/hooks/alma/ipn",
    ...input.env,
  }
  useFileEnv(env)
  const msw = setupServer()
  // The test runner's own calls to the Medusa app go through untouched.
  msw.listen({ onUnhandledRequest: "bypass" })
  afterAll(() => msw.close())
  return msw
}

/**
 * An office chair paid with Alma as a shopper does it: the cart, an Alma session with `data` (the
 * plan, the language), the shopper accepts on Alma's page, and Alma's signed IPN places the order.
 */
export async function orderWithAlma(api: Api, shop: Shop, alma: ReturnType<typeof createFakeAlma>, data: Record<string, unknown>) {
  const cartId = await cartWith(api, shop, "office-chair")
  const res = await startSession(api, shop, cartId, data, ALMA_PROVIDER)
  const pid = res.data.payment_collection.payment_sessions[0].data.alma_payment_id as string
  alma.state.accept(pid)
  const { headers } = alma.state.ipnRequest(pid)
  const { data: placed } = await api.get(`/hooks/alma/ipn?pid=${pid}`, { headers })
  expect(placed.type).toBe("order")
  return { pid, orderId: placed.order_id as string }
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
