/**
 * A fake Alma for tests and the offline demo:
 *
 *   const alma = createFakeAlma({ apiRoot: "https://api.alma.test", apiKey: "sk_test_fake" })
 *   const server = setupServer(...alma.handlers)          // msw in a test process
 *   alma.state.accept(paymentId); alma.state.ipnRequest(paymentId)
 *
 * `npm run fake-alma` serves the same handlers on a local port (scripts/fake-alma.mjs).
 */
import { fakeAlmaHandlers } from "./handlers"
import { FakeAlmaState, type FakeAlmaOptions } from "./state"

export { FakeAlmaError, FakeAlmaState } from "./state"
export type { FakeAlmaOptions, FakePayment } from "./state"

export function createFakeAlma(options: FakeAlmaOptions) {
  const state = new FakeAlmaState(options)
  return { state, handlers: fakeAlmaHandlers(state) }
}
