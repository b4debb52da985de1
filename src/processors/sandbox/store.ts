/**
 * Where the sandbox processor keeps its cards, charges, refunds and idempotency records. The
 * default lives in memory (one process); the plugin may give it a database-backed store so several
 * processes share one sandbox. Values are plain JSON (strings, numbers, booleans, arrays, objects):
 * a store may serialise them.
 *
 * A shared store across processes also needs cross-process locking for charges with the same
 * idempotency key; the sandbox only guarantees "one charge per key" within one process.
 */

export interface SandboxStore {
  /** The value stored under key, or undefined. */
  get<T = unknown>(key: string): Promise<T | undefined>
  /** Stores a JSON-serialisable value under key, replacing any previous one. */
  put<T = unknown>(key: string, value: T): Promise<void>
}

export interface MemorySandboxStore extends SandboxStore {
  /** Every key and value, for tests and debugging. */
  entries(): Array<[string, unknown]>
  /** All the contents as one JSON string. */
  dump(): string
  readonly size: number
}

/** An in-memory store. Values are copied in and out, as a database would. */
export function createMemorySandboxStore(): MemorySandboxStore {
  const data = new Map<string, string>()
  const entries = (): Array<[string, unknown]> => [...data.entries()].map(([k, v]) => [k, JSON.parse(v) as unknown])
  return {
    async get<T = unknown>(key: string): Promise<T | undefined> {
      const raw = data.get(key)
      return raw === undefined ? undefined : (JSON.parse(raw) as T)
    },
    async put<T = unknown>(key: string, value: T): Promise<void> {
      const raw = JSON.stringify(value)
      if (raw === undefined) throw new TypeError("SandboxStore values must be JSON-serialisable")
      data.set(key, raw)
    },
    entries,
    dump: () => JSON.stringify(Object.fromEntries(entries())),
    get size() {
      return data.size
    },
  }
}
