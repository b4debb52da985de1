/**
 * The sandbox card processor: offline and deterministic, like a processor's test mode. Cards come
 * from the test tokens in `test-cards.ts`; outcomes depend only on the token, the request and the
 * sandbox clock (`card-behaviour.ts`). Everything it remembers goes through a `SandboxStore`
 * (`records.ts`), and every creating call is idempotent by key, also across processes sharing
 * that store (`idempotency.ts`).
 *
 * The operations live in `card-operations.ts`, `charge-operations.ts` and `refund-operations.ts`;
 * this file puts them together with the processor's clock, store and ids.
 */
import { type CardProcessor, type ChargeDetails, type ChargeOutcome, type ProcessorCapabilities, type ProcessorResult, processorOk } from "../port"
import { cardOperations } from "./card-operations"
import { chargeOperations } from "./charge-operations"
import { type Clock, createSandboxClock } from "./clock"
import type { SandboxContext } from "./context"
import { type ClaimTimings, createIdempotencyRunner } from "./idempotency"
import { type IdPrefix, randomId } from "./ids"
import { refundOperations } from "./refund-operations"
import { type SandboxStore, createMemorySandboxStore } from "./store"

export const SANDBOX_PROCESSOR_NAME = "sandbox"

export type SandboxProcessorOptions = {
  /** Default: a fresh `createSandboxClock()` (system time, movable). */
  clock?: Clock
  /** Default: a fresh in-memory store. */
  store?: SandboxStore
  /** Id generator, e.g. for snapshot tests. Default: `<prefix>_<20 random characters>`. */
  newId?: (prefix: IdPrefix) => string
  /** How a call waits for another process holding its key's claim. Defaults: `CLAIM_TIMINGS`. */
  claimTimings?: Partial<ClaimTimings>
}

export type SandboxProcessor = CardProcessor & {
  readonly clock: Clock
  readonly store: SandboxStore
}

const capabilities: ProcessorCapabilities = Object.freeze({
  zeroAmountVerification: true,
  creditDecision: "processor",
  partialRefunds: true,
  currencies: "any",
  testMode: true,
})

export function createSandboxProcessor(options: SandboxProcessorOptions = {}): SandboxProcessor {
  const clock = options.clock ?? createSandboxClock()
  const store = options.store ?? createMemorySandboxStore()
  const calls = createIdempotencyRunner({ store, clock, claimTimings: options.claimTimings })
  const context: SandboxContext = { clock, store, newId: options.newId ?? randomId, calls }
  const charges = chargeOperations(context)
  return {
    name: SANDBOX_PROCESSOR_NAME,
    capabilities,
    clock,
    store,
    ...cardOperations(context),
    ...charges,
    ...refundOperations(context),
    abandonCharge: (chargeId) => abandonCharge(charges.getCharge, chargeId),
  }
}

/** The sandbox never waits for a shopper: giving up a charge answers it as it is. */
async function abandonCharge(getCharge: SandboxProcessor["getCharge"], chargeId: string): Promise<ProcessorResult<ChargeOutcome>> {
  const found = await getCharge(chargeId)
  return found.ok ? processorOk(outcomeOnly(found.value)) : found
}

function outcomeOnly(charge: ChargeDetails): ChargeOutcome {
  if (charge.status === "succeeded") return { status: "succeeded", chargeId: charge.chargeId, amount: charge.amount }
  if (charge.status === "failed") return { status: "failed", chargeId: charge.chargeId, code: charge.code, message: charge.message }
  return { status: "requires_action", chargeId: charge.chargeId, action: charge.action }
}
