/**
 * A stateful fake of Stripe's API for tests (never shipped: the package holds only src), served on
 * loopback for the official SDK. See server.ts for how to start it, cards.ts for the test cards.
 */
export { startFakeStripe } from "./server"
export type { FakeFault, FakeStripe } from "./server"
export { FAKE_TEST_CARDS, findFakeTestCard } from "./cards"
export type { FakeTestCard } from "./cards"
export type { FakeEvent } from "./state"
