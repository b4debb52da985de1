/**
 * A lock per record, within one process: calls on one record (a card, a charge) run one at a time,
 * calls on other records meanwhile. The sandbox uses it so that two charges on one card cannot
 * both read its count of successful charges before either writes it, nor two refunds of one
 * charge what is left on it.
 */

/** `withLock(record, fn)` runs `fn` after the calls already queued on `record`; `null` runs it at once. */
export function createRecordLocks() {
  const tails = new Map<string, Promise<unknown>>()
  return function withLock<T>(record: string | null, fn: () => Promise<T>): Promise<T> {
    if (record === null) return fn()
    const result = (tails.get(record) ?? Promise.resolve()).then(fn)
    const tail = result.then(
      () => undefined,
      () => undefined
    )
    tails.set(record, tail)
    tail.then(() => {
      if (tails.get(record) === tail) tails.delete(record)
    })
    return result
  }
}
