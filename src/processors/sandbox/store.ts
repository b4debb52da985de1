/**
 * Where the sandbox processor keeps its cards, charges, refunds and idempotency records. The
 * plugin gives it a Postgres-backed store (`postgres-store.ts`), so the sandbox outlives a restart
 * and the server and worker processes share one sandbox, as they would share a real processor.
 * The in-memory store is for unit tests and for the `sandbox_store: "memory"` option. Values are
 * plain JSON (strings, numbers, booleans, arrays, objects): a store serialises them.
 *
 * `claim` and `release` are what make "one charge per idempotency key" hold across processes: the
 * processor claims a key before it charges, and another process that finds the claim waits for
 * the answer instead of charging again.
 */

export interface SandboxStore {
  /** The value stored under key, or undefined. */
  get<T = unknown>(key: string): Promise<T | undefined>
  /** Writes every entry (key → value) at once: all of them or none, replacing previous values; none is a no-op. */
  put(entries: Readonly<Record<string, unknown>>): Promise<void>
  /**
   * Stores value under key only if the key holds nothing, and answers whether it did, with the
   * value under `alsoRead` (the record the call will work on: one round trip instead of two).
   */
  claim<T = unknown>(key: string, value: unknown, alsoRead?: string): Promise<{ claimed: boolean; read: T | undefined }>
  /** Removes key if it still holds exactly this value (compare and delete); answers whether it did. */
  release(key: string, value: unknown): Promise<boolean>
  /** Every record whose key starts with prefix, by key (what a processor's dashboard lists). */
  list<T = unknown>(prefix: string): Promise<Array<[string, T]>>
}

export interface MemorySandboxStore extends SandboxStore {
  /** Every key and value, for tests and debugging. */
  entries(): Array<[string, unknown]>
  /** All the contents as one JSON string. */
  dump(): string
  readonly size: number
}

/** JSON text of a value, or a TypeError for what JSON cannot hold (functions, undefined). */
export function toJson(value: unknown): string {
  const raw = JSON.stringify(value)
  if (raw === undefined) throw new TypeError("SandboxStore values must be JSON-serialisable")
  return raw
}

/** An in-memory store for one process. Values are copied in and out, as a database would. */
export function createMemorySandboxStore(): MemorySandboxStore {
  const data = new Map<string, string>()
  const entries = (): Array<[string, unknown]> => [...data.entries()].map(([k, v]) => [k, JSON.parse(v) as unknown])
  return {
    async get<T = unknown>(key: string): Promise<T | undefined> {
      const raw = data.get(key)
      return raw === undefined ? undefined : (JSON.parse(raw) as T)
    },
    async put(values: Readonly<Record<string, unknown>>): Promise<void> {
      // Serialise everything first, so a bad value leaves nothing written.
      const raws = Object.entries(values).map(([key, value]) => [key, toJson(value)] as const)
      for (const [key, raw] of raws) data.set(key, raw)
    },
    async claim<T = unknown>(key: string, value: unknown, alsoRead?: string) {
      const raw = toJson(value)
      const claimed = !data.has(key)
      if (claimed) data.set(key, raw)
      const read = alsoRead === undefined ? undefined : data.get(alsoRead)
      return { claimed, read: read === undefined ? undefined : (JSON.parse(read) as T) }
    },
    async release(key: string, value: unknown): Promise<boolean> {
      if (data.get(key) !== toJson(value)) return false
      data.delete(key)
      return true
    },
    async list<T = unknown>(prefix: string): Promise<Array<[string, T]>> {
      return [...data.keys()]
        .filter((key) => key.startsWith(prefix))
        .sort()
        .map((key) => [key, JSON.parse(data.get(key)!) as T])
    },
    entries,
    dump: () => JSON.stringify(Object.fromEntries(entries())),
    get size() {
      return data.size
    },
  }
}
