/**
 * The sandbox test clock (module option `test_clock: true`): the module's date, moved by
 * POST /admin/instalments/sandbox/clock so a test or the demo lives months of a plan in seconds.
 * It drives collection, withdrawal windows, postponements and reminders of EVERY plan, so it exists
 * only when asked for, never in production, and it only moves forward, within bounds:
 *  - `advance_days`: 1 to MAX_ADVANCE_DAYS, one collection run per day, lived by the workflow the
 *    route starts (src/workflows/sandbox-clock.ts), not inside the request;
 *  - `set`: later than the clock's current time, at most MAX_YEARS_AHEAD after the real time
 *    (a date past year 9999 in the shop's time zone would break every date computation).
 * Self-service links ignore it: they expire by the real time (shopper-links/signing.ts).
 *
 * The clock is the whole store's: kept in Postgres, moved here under its row lock, read by every
 * process once per operation (./store-clock.ts).
 */
import { MedusaError } from "@medusajs/framework/utils"
import type { SandboxClock } from "../../processors"
import type { Run } from "./sql"
import { createStoreClock, lockStoreOffset, readStoreOffset, realTimeClock, writeStoreOffset, type StoreClock } from "./store-clock"
import { isProduction } from "./shopper-links/options"

/**
 * One call lives a whole plan: a p4x's last instalment falls at most 92 days after the order, a
 * postponement moves it 15 days, and it becomes a serious delay 16 days after (92 + 15 + 16 = 123).
 * Each day is a collection run: longer moves take several calls.
 */
export const MAX_ADVANCE_DAYS = 125
export const MAX_YEARS_AHEAD = 5

export type ClockMove = { readonly days: number } | { readonly to: Date }

/** Validates `test_clock` (default false); true with NODE_ENV=production stops the boot. */
export function parseTestClockOption(raw: unknown, env: NodeJS.ProcessEnv): boolean {
  if (raw === undefined || raw === false) return false
  if (raw !== true) {
    throw new Error(
      `medusa-instalments: option "test_clock" must be true or false (got ${JSON.stringify(raw)}): true turns on the sandbox test clock, for tests and the demo only`,
    )
  }
  if (isProduction(env)) {
    throw new Error(
      'medusa-instalments: option "test_clock" must be off when NODE_ENV=production: the test clock moves the date of every plan (collection, withdrawal windows, reminders). Remove test_clock from the module\'s options; the demo turns it on with INSTALMENTS_TEST_CLOCK=true.',
    )
  }
  return true
}

/** The module's clock: the store's test clock, or the real time, which nothing moves. */
export function moduleClock(testClock: boolean): StoreClock {
  return testClock ? createStoreClock() : realTimeClock()
}

/** The module's statements: one outside any transaction, and a transaction (lock waits bounded). */
export interface ClockDatabase {
  read: Run
  transaction<T>(work: (run: Run) => Promise<T>): Promise<T>
}

/**
 * Brings this process's clock to the store's (one statement; nothing without the test clock). A
 * move made here directly (`clock.set`, tests and the bench) is written instead of read.
 */
export async function syncTestClock(clock: StoreClock, enabled: boolean, db: ClockDatabase): Promise<void> {
  if (!enabled) return
  const unsaved = clock.unsaved()
  if (unsaved !== undefined) {
    await writeStoreOffset(db.read, unsaved)
    return clock.saved(unsaved)
  }
  const mark = clock.mark()
  clock.adopt(await readStoreOffset(db.read), mark)
}

/**
 * Moves the store's clock forward for every process, or refuses with a 400 that says what is
 * allowed: checked against the store's time under the row's lock, written, then taken here.
 */
export async function moveStoreTestClock(clock: StoreClock, enabled: boolean, move: ClockMove, db: ClockDatabase, realNow: Date = new Date()): Promise<void> {
  if (!enabled) moveTestClock(clock, false, move, realNow)
  const { offsetMs, refusal } = await db.transaction(async (run) => {
    const next = createStoreClock(await lockStoreOffset(run), () => realNow.getTime())
    try {
      moveTestClock(next, true, move, realNow)
    } catch (error) {
      return { offsetMs: next.offsetMs, refusal: error }
    }
    await writeStoreOffset(run, next.offsetMs)
    return { offsetMs: next.offsetMs, refusal: undefined }
  })
  // Refused or not, this process is now on the store's time.
  clock.adopt(offsetMs)
  if (refusal) throw refusal
}

/** Moves the test clock forward, or refuses with a 400 that says what is allowed. */
export function moveTestClock(clock: SandboxClock, enabled: boolean, move: ClockMove, realNow: Date = new Date()): void {
  if (!enabled) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "test_clock_off: the sandbox test clock is off; turn it on with the module option test_clock: true (never in production)")
  }
  if ("days" in move) {
    if (!Number.isInteger(move.days) || move.days < 1 || move.days > MAX_ADVANCE_DAYS) {
      throw invalid(`advance_days must be a whole number of days from 1 to ${MAX_ADVANCE_DAYS} (got ${move.days}): move further in several calls`)
    }
    clock.advanceDays(move.days)
    return
  }
  const current = clock.now()
  if (Number.isNaN(move.to.getTime()) || move.to.getTime() <= current.getTime()) {
    throw invalid(`set must be later than the test clock's time, ${current.toISOString()}: the test clock only moves forward`)
  }
  const latest = new Date(realNow)
  latest.setUTCFullYear(latest.getUTCFullYear() + MAX_YEARS_AHEAD)
  if (move.to.getTime() > latest.getTime()) {
    throw invalid(`set must be at most ${MAX_YEARS_AHEAD} years after the real time, so no later than ${latest.toISOString()}`)
  }
  clock.set(move.to)
}

function invalid(message: string): MedusaError {
  return new MedusaError(MedusaError.Types.INVALID_DATA, message)
}
