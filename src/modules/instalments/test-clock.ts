/**
 * The sandbox test clock (module option `test_clock: true`): the module's date, moved by
 * POST /admin/instalments/sandbox/clock so a test or the demo lives months of a plan in seconds.
 * It drives collection, withdrawal windows, postponements and reminders of EVERY plan, so it exists
 * only when asked for, never in production, and it only moves forward, within bounds:
 *  - `advance_days`: 1 to MAX_ADVANCE_DAYS, one collection run per day inside the request;
 *  - `set`: later than the clock's current time, at most MAX_YEARS_AHEAD after the real time
 *    (a date past year 9999 in the shop's time zone would break every date computation).
 * Self-service links ignore it: they expire by the real time (shopper-links/signing.ts).
 */
import { MedusaError } from "@medusajs/framework/utils"
import { createSandboxClock, immovableClock, type SandboxClock } from "../../processors"
import { isProduction } from "./shopper-links/options"

/**
 * One call lives a whole plan: a p4x's last instalment falls at most 92 days after the order, a
 * postponement moves it 15 days, and it becomes a serious delay 16 days after (92 + 15 + 16 = 123).
 * Each day is a collection run inside the request, holding plan locks: longer moves take several calls.
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

/** The module's clock: one the test clock moves, or the real time, which nothing moves. */
export function moduleClock(testClock: boolean): SandboxClock {
  return testClock ? createSandboxClock() : immovableClock()
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
