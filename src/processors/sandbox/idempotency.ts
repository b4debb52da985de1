/**
 * Idempotency for the sandbox processor: every creating call is keyed by `<operation>:<idempotency
 * key>`. Within one process, calls with the same key share one in-flight promise, and the calls
 * that change a record take turns on it (charges on their card, refunds on their charge), so a key
 * never charges or refunds twice and a charge's refund cap cannot be overrun by two refunds
 * racing; calls on different cards run side by side. Across processes sharing one store, a call
 * first claims its key in the store; a process that finds the claim waits for the first one's
 * answer. (Two refunds of one charge from two processes are kept apart by the plugin: a plan runs
 * one money operation at a time, and its refund legs carry keys, so the same refund sent twice is
 * the same call.)
 */
import { type ProcessorResult, processorError, processorOk } from "../port"
import type { Clock } from "./clock"
import { randomId } from "./ids"
import { createRecordLocks } from "./record-locks"
import type { SandboxStore } from "./store"

export type ClaimTimings = {
  /** Between two looks at a claim another process holds. */
  pollMs: number
  /** How long a call waits for another process's answer before giving up (retryable). */
  waitMs: number
  /** A claim older than this is from a process that died mid-call: it is taken over. */
  staleMs: number
}

export const CLAIM_TIMINGS: ClaimTimings = Object.freeze({ pollMs: 20, waitMs: 10_000, staleMs: 60_000 })

export type Operation = "describe" | "verify" | "credit" | "charge" | "refund"

/** Records a call writes, by key: the processor stores them together with the call's answer. */
export type Writes = Record<string, unknown>

/** A call's work: what it answers, given the record it works on (`record`, when it names one). */
export type Work<T> = (writes: Writes, record: unknown) => Promise<ProcessorResult<T>>

export type IdempotentCall<T> = {
  op: Operation
  key: string
  /** What makes two requests the same request. */
  fingerprint: string
  /** The store key of the record the call works on (its card, its charge). */
  record?: string
  /** Whether the call changes that record: calls that do take turns on it. */
  changes?: boolean
  /** Which answers are remembered under the key (default: every successful one). */
  persist?: (value: T) => boolean
}

export type IdempotencyRunner = {
  /**
   * Runs `work` at most once per (operation, key): a stored result or a running call with the same
   * key is returned instead. `work` puts the records it creates in `writes`; they are stored with
   * the answer, in one write. `record` names the record the call works on: `work` gets it (read
   * with the claim), and when the call `changes` it, other calls on it wait their turn. `persist`
   * says which results are remembered under the key (errors never are: nothing happened). A
   * different request under a used key is refused.
   */
  idempotent<T>(call: IdempotentCall<T>, work: Work<T>): Promise<ProcessorResult<T>>
  /** Runs a call that creates a new record without idempotency (describeCard without a key). */
  once<T>(work: (writes: Writes) => Promise<ProcessorResult<T>>): Promise<ProcessorResult<T>>
  /** Runs a read; a store that fails (or a claim held too long) becomes a retryable error. */
  safeRead<T>(work: () => Promise<ProcessorResult<T>>): Promise<ProcessorResult<T>>
  /**
   * The answer remembered under (operation, key), or undefined when there is none. Waits for a
   * call still running with that key, here or in another process. Throws when the store fails:
   * call it inside `safeRead`.
   */
  settled<T>(op: Operation, key: string): Promise<T | undefined>
}

type IdempotencyRecord<T> = { fingerprint: string; value: T; createdAt: string }

/**
 * What stands under an idempotency key while its call runs. `since` is the real time (not the
 * sandbox clock), as ISO text: a 13-digit millisecond count would look like a card number.
 */
type PendingClaim = { pending: true; since: string; by: string }

const isPending = (record: unknown): record is PendingClaim => (record as PendingClaim | undefined)?.pending === true

const idemKey = (op: Operation, key: string) => `idem:${op}:${key}`

/** Another process holds a key's claim for longer than a call waits. */
class ClaimBusy extends Error {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const storeFailed = <T>() => processorError<T>("processor_unavailable", "the sandbox store failed")

export type IdempotencyRunnerOptions = {
  store: SandboxStore
  /** Dates the remembered answers. */
  clock: Clock
  claimTimings?: Partial<ClaimTimings>
}

/** One per processor: the calls it has in flight and the records they lock are its own. */
export function createIdempotencyRunner({ store, clock, claimTimings }: IdempotencyRunnerOptions): IdempotencyRunner {
  const withLock = createRecordLocks()
  const timings: ClaimTimings = { ...CLAIM_TIMINGS, ...claimTimings }
  /** Names this processor in its claims (which process holds a key, when debugging). */
  const processId = randomId("proc")
  /** `<op>:<key>` → the running call with that key. */
  const inflight = new Map<string, Promise<ProcessorResult<IdempotencyRecord<unknown>>>>()

  const nowIso = () => clock.now().toISOString()

  /**
   * The settled record under an idempotency key, or undefined when the key is free. A claim held
   * by another process is waited for; a stale one (its process died mid-call) is removed.
   */
  async function settledRecord<T>(storeKey: string): Promise<IdempotencyRecord<T> | undefined> {
    const giveUpAt = Date.now() + timings.waitMs
    for (;;) {
      const current = await store.get<IdempotencyRecord<T> | PendingClaim>(storeKey)
      if (!isPending(current)) return current
      if (Date.now() - Date.parse(current.since) > timings.staleMs) {
        await store.release(storeKey, current)
        continue
      }
      if (Date.now() > giveUpAt) throw new ClaimBusy()
      await sleep(timings.pollMs)
    }
  }

  /**
   * Claims the key for this call (reading the record it works on in the same step), or answers
   * the record another call settled under the key.
   */
  async function claimOrSettled<T>(
    storeKey: string,
    record: string | undefined
  ): Promise<{ claim: PendingClaim; read: unknown } | { settled: IdempotencyRecord<T> }> {
    for (;;) {
      const claim: PendingClaim = { pending: true, since: new Date().toISOString(), by: processId }
      const { claimed, read } = await store.claim(storeKey, claim, record)
      if (claimed) return { claim, read }
      const settled = await settledRecord<T>(storeKey)
      if (settled) return { settled }
    }
  }

  async function idempotent<T>(call: IdempotentCall<T>, work: Work<T>): Promise<ProcessorResult<T>> {
    const { op, key } = call
    const slot = `${op}:${key}`
    let running = inflight.get(slot) as Promise<ProcessorResult<IdempotencyRecord<T>>> | undefined
    if (!running) {
      const lock = call.changes && call.record ? call.record : null
      running = withLock(lock, () => runClaimed(idemKey(op, key), call, work)).catch((error: unknown) =>
        error instanceof ClaimBusy
          ? processorError<IdempotencyRecord<T>>("processor_unavailable", "another process is still running a call with this key; retry with the same key")
          : processorError<IdempotencyRecord<T>>("processor_unavailable", "the sandbox store failed; retry with the same key")
      )
      inflight.set(slot, running)
      const release = () => {
        if (inflight.get(slot) === running) inflight.delete(slot)
      }
      running.then(release, release)
    }
    const outcome = await running
    if (!outcome.ok) return outcome
    if (outcome.value.fingerprint !== call.fingerprint) {
      return processorError("idempotency_key_reused", `this ${op} idempotency key was already used for a different request`)
    }
    return processorOk(outcome.value.value)
  }

  async function runClaimed<T>(storeKey: string, call: IdempotentCall<T>, work: Work<T>): Promise<ProcessorResult<IdempotencyRecord<T>>> {
    const { fingerprint, persist = () => true } = call
    const claimed = await claimOrSettled<T>(storeKey, call.record)
    if ("settled" in claimed) return processorOk(claimed.settled)
    const writes: Writes = {}
    let result: ProcessorResult<T>
    try {
      result = await work(writes, claimed.read)
      if (result.ok && persist(result.value)) {
        const record: IdempotencyRecord<T> = { fingerprint, value: result.value, createdAt: nowIso() }
        await store.put({ ...writes, [storeKey]: record })
        return processorOk(record)
      }
    } catch (error) {
      // Nothing was written (a put is all or nothing): free the key so that a retry can run now.
      await store.release(storeKey, claimed.claim).catch(() => false)
      throw error
    }
    // Not remembered under the key (an error, or a refusal asking again would repeat; neither
    // writes a record): free it.
    await store.release(storeKey, claimed.claim)
    return result.ok ? processorOk({ fingerprint, value: result.value, createdAt: nowIso() }) : result
  }

  async function once<T>(work: (writes: Writes) => Promise<ProcessorResult<T>>): Promise<ProcessorResult<T>> {
    try {
      const writes: Writes = {}
      const result = await work(writes)
      await store.put(writes)
      return result
    } catch {
      return storeFailed()
    }
  }

  async function safeRead<T>(work: () => Promise<ProcessorResult<T>>): Promise<ProcessorResult<T>> {
    try {
      return await work()
    } catch {
      return storeFailed()
    }
  }

  async function settled<T>(op: Operation, key: string): Promise<T | undefined> {
    // A call with this key running here may not have claimed the key yet (it may be waiting its
    // turn on its card): wait for it rather than answer "none". It never rejects.
    const running = inflight.get(`${op}:${key}`)
    if (running) await running
    return (await settledRecord<T>(idemKey(op, key)))?.value
  }

  return { idempotent, once, safeRead, settled }
}
