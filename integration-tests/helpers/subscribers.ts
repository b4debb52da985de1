/**
 * Lets each test end only once the app's subscribers have finished what the test started.
 *
 * Medusa's local event bus runs subscribers after the request that emitted the event has answered
 * (an order's plan attached, a returned exchange refunded, an e-mail sent). A test that ends while
 * one is still running leaves it to meet the runner's reset of the database before the next test:
 * its connection is killed, it reads another test's data ("plan … not found"), and a transaction
 * cut that way can keep a pool connection for good, which then hangs the app's shutdown (see
 * bounded-shutdown.js). Medusa's runner waits for workflows between tests, not for subscribers.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

type Listener = ((...args: unknown[]) => unknown) & { subscriberId?: string; __settleTracked?: true }
type Emitter = {
  eventNames(): (string | symbol)[]
  listeners(name: string | symbol): Listener[]
  removeListener(name: string | symbol, listener: Listener): void
  on(name: string | symbol, listener: Listener): void
}

/** The subscribers' runs still going, by event name. */
export interface SubscriberTracker {
  running(): string[]
  /** Resolves once no subscriber has run for a few turns of the event loop; rejects after `boundMs`. */
  idle(boundMs?: number): Promise<void>
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * One list of runs per event bus: the wrapped subscribers count into the list of the tracker that
 * wrapped them, so a second spec file on the same app (helpers/shared-app.ts) shares it.
 */
const runsByEmitter = new WeakMap<Emitter, string[]>()

/** Wraps every subscriber of the app's local event bus to count its runs (null for another bus). */
export function trackSubscribers(container: MedusaContainer): SubscriberTracker | null {
  const emitter = (container.resolve(Modules.EVENT_BUS) as { eventEmitter_?: Emitter }).eventEmitter_
  if (!emitter) return null
  const running = runsByEmitter.get(emitter) ?? []
  runsByEmitter.set(emitter, running)
  for (const name of emitter.eventNames()) {
    const listeners = emitter.listeners(name)
    if (listeners.every((listener) => listener.__settleTracked)) continue
    for (const listener of listeners) emitter.removeListener(name, listener)
    for (const listener of listeners) emitter.on(name, listener.__settleTracked ? listener : tracked(String(name), listener, running))
  }
  return {
    running: () => [...running],
    async idle(boundMs = 30_000) {
      const deadline = Date.now() + boundMs
      // Quiet for a few turns: a subscriber's own events start more subscribers a turn later.
      for (let quiet = 0; quiet < 5; quiet = running.length === 0 ? quiet + 1 : 0) {
        if (Date.now() > deadline) throw new Error(`subscribers still running ${boundMs} ms after the test: ${running.join(", ")}`)
        await (running.length === 0 ? nextTurn() : new Promise((resolve) => setTimeout(resolve, 20)))
      }
    },
  }
}

function tracked(name: string, listener: Listener, running: string[]): Listener {
  const wrapper: Listener = async function (this: unknown, ...args: unknown[]) {
    running.push(name)
    try {
      return await listener.apply(this, args)
    } finally {
      running.splice(running.indexOf(name), 1)
    }
  }
  // The bus finds a subscriber by its id to unsubscribe it.
  if (listener.subscriberId) wrapper.subscriberId = listener.subscriberId
  wrapper.__settleTracked = true
  return wrapper
}

/** In a suite: after each test, waits for the subscribers it started (bounded; names those still running). */
export function settleSubscribersAfterEach(getContainer: () => MedusaContainer) {
  let tracker: SubscriberTracker | null = null
  beforeAll(() => {
    tracker = trackSubscribers(getContainer())
  })
  afterEach(async () => {
    await tracker?.idle()
  })
}
