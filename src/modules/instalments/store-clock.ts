/**
 * The sandbox test clock of the whole store (option `test_clock`), kept in Postgres so that every
 * process (servers, the worker, a script) lives on the same day: a cart quoted on one server and
 * completed on another, the worker's collection and its e-mails all follow the one clock the admin
 * route moves. The database holds one number, the clock's distance from the real time in
 * milliseconds (table `instalment_test_clock`, migration 20261208090000).
 *
 * Each process keeps the last value it read (`StoreClock`), so `now()` stays synchronous and
 * free: the wiring reads the table once per operation (an HTTP request, a job run, an event
 * handled; src/workflows/store-clock.ts), never per plan or instalment. A store without the test
 * clock never reads it: its clock is the real time.
 */
import { immovableClock, type SandboxClock } from "../../processors"
import type { Run } from "./sql"

const DAY_MS = 24 * 60 * 60 * 1000
export const TEST_CLOCK_TABLE = "instalment_test_clock"
/** The table's one row. */
const ROW = "store"

/** The store's clock as this process last read it: the real time plus the store's offset. */
export interface StoreClock extends SandboxClock {
  /** The distance from the real time, in milliseconds. */
  readonly offsetMs: number
  /** A mark to take before reading the database, for `adopt`. */
  mark(): number
  /**
   * Takes an offset from the database. With the mark taken before the read, a read that a move
   * overtook meanwhile is dropped, and so is any read while a direct move waits to be written: a
   * late answer never puts back a time this process has already moved past. Without a mark (a move
   * just written) it is taken as it is.
   */
  adopt(offsetMs: number, mark?: number): void
  /**
   * The offset a direct `set` or `advanceDays` left unwritten (tests and the bench put the clock
   * back to a test's first day that way): the next read writes it instead, then calls `saved`.
   */
  unsaved(): number | undefined
  saved(offsetMs: number): void
}

/** A clock `offsetMs` away from `source` (the real time), which moves only when told. */
export function createStoreClock(offsetMs = 0, source: () => number = Date.now): StoreClock {
  let offset = offsetMs
  let unsaved: number | undefined
  let changes = 0
  const moveTo = (next: number) => {
    offset = next
    unsaved = next
    changes++
  }
  return {
    now: () => new Date(source() + offset),
    get offsetMs() {
      return offset
    },
    get offsetDays() {
      return offset / DAY_MS
    },
    advanceDays(days: number) {
      if (!Number.isFinite(days)) throw new RangeError("advanceDays needs a finite number of days")
      moveTo(offset + days * DAY_MS)
    },
    set(date: Date) {
      if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new RangeError("set needs a valid Date")
      moveTo(date.getTime() - source())
    },
    mark: () => changes,
    adopt(next: number, mark?: number) {
      if (mark !== undefined && (mark !== changes || unsaved !== undefined)) return
      offset = next
      unsaved = undefined
      changes++
    },
    unsaved: () => unsaved,
    saved(written: number) {
      if (unsaved === written) unsaved = undefined
    },
  }
}

/** The real time behind the `StoreClock` interface, for a store without the test clock: nothing moves it. */
export function realTimeClock(): StoreClock {
  const real = immovableClock()
  return Object.freeze({
    now: real.now,
    advanceDays: real.advanceDays,
    set: real.set,
    offsetDays: 0,
    offsetMs: 0,
    mark: () => 0,
    adopt: () => real.set(new Date()),
    unsaved: () => undefined,
    saved: () => undefined,
  })
}

/** The store's offset; 0 (the real time) before the clock first moved. One statement. */
export async function readStoreOffset(run: Run): Promise<number> {
  const rows = (await run(`select offset_ms from ${TEST_CLOCK_TABLE} where id = ?`, [ROW])) as Array<{ offset_ms: string | number }>
  return rows.length ? Number(rows[0].offset_ms) : 0
}

/** Writes the store's offset. */
export async function writeStoreOffset(run: Run, offsetMs: number): Promise<void> {
  await run(
    `insert into ${TEST_CLOCK_TABLE} (id, offset_ms) values (?, ?)
     on conflict (id) do update set offset_ms = excluded.offset_ms, updated_at = now()`,
    [ROW, Math.round(offsetMs)],
  )
}

/**
 * In a transaction: the store's offset, its row locked until the transaction ends, so two moves at
 * once (two admins, two servers) happen one after the other and each starts from the other's result.
 */
export async function lockStoreOffset(run: Run): Promise<number> {
  await run(`insert into ${TEST_CLOCK_TABLE} (id, offset_ms) values (?, 0) on conflict (id) do nothing`, [ROW])
  const rows = (await run(`select offset_ms from ${TEST_CLOCK_TABLE} where id = ? for update`, [ROW])) as Array<{ offset_ms: string | number }>
  return Number(rows[0].offset_ms)
}
