/**
 * Alma's eligibility answers, kept a few minutes per (amount, country, plans, day): the quote route
 * is public (the publishable key is), and without a cache every product page view or scripted
 * request would spend the merchant's Alma quota. Bounded: past `maxEntries` the oldest entry goes.
 * Concurrent requests for the same key share one call to Alma; a failed call is not kept.
 *
 * Time comes from the caller (the module's clock), so the admin test clock and the tests move it.
 */
export interface EligibilityCacheOptions {
  /** How long an answer is used, in ms (default 5 minutes). */
  ttlMs?: number
  /** How many answers are kept at most (default 500). */
  maxEntries?: number
}

interface Entry<T> {
  readonly at: number
  readonly value: Promise<T>
}

export class EligibilityCache<T> {
  private readonly entries = new Map<string, Entry<T>>()
  private readonly ttlMs: number
  private readonly maxEntries: number

  constructor(options: EligibilityCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? 5 * 60_000
    this.maxEntries = options.maxEntries ?? 500
  }

  get size(): number {
    return this.entries.size
  }

  /** The cached answer for `key` if it is fresh at `now`, else `fetch()`'s (kept if it succeeds). */
  get(key: string, now: Date, fetch: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key)
    if (entry && this.fresh(entry, now.getTime())) return entry.value
    this.entries.delete(key)
    const value = fetch()
    this.entries.set(key, { at: now.getTime(), value })
    // A failure is not an answer: the next request asks Alma again.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key)
    })
    this.evictOldest()
    return value
  }

  /** Fresh: asked less than `ttlMs` ago (a clock set back makes an entry from its future stale). */
  private fresh(entry: Entry<T>, now: number): boolean {
    return now >= entry.at && now - entry.at < this.ttlMs
  }

  private evictOldest() {
    // A Map iterates in insertion order: the first keys are the oldest.
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) return
      this.entries.delete(key)
    }
  }
}

/** The cache key of an eligibility question. */
export function eligibilityKey(input: { amountCents: number; country: string; plans: readonly string[]; day: string }): string {
  return [input.amountCents, input.country, input.plans.join(","), input.day].join("|")
}
