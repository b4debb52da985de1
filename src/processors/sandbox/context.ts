/** What the sandbox processor's operations share; `createSandboxProcessor` builds one per processor. */
import type { Clock } from "./clock"
import type { IdempotencyRunner } from "./idempotency"
import type { IdPrefix } from "./ids"
import type { SandboxStore } from "./store"

export type SandboxContext = {
  clock: Clock
  store: SandboxStore
  newId: (prefix: IdPrefix) => string
  /** Runs the operations' calls: idempotency, turns on a record, store failures. */
  calls: IdempotencyRunner
}
