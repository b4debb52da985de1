/**
 * Clocks for the sandbox processor. A `SandboxClock` is the system time shifted by an offset that
 * tests and the admin "test clock" move forward (`advanceDays`) or set (`set`); card expiries and
 * charge times in the sandbox follow it. A frozen clock does not move on its own (tests).
 */

const DAY_MS = 24 * 60 * 60 * 1000

/** Anything that tells the time. */
export interface Clock {
  now(): Date
}

export interface SandboxClock extends Clock {
  /** Moves the clock by n days (may be negative or fractional). */
  advanceDays(days: number): void
  /** Makes `now()` return this date (then, unless frozen, time flows on from there). */
  set(date: Date): void
  /** How far this clock is from the system time, in days (0 for a fresh unfrozen clock). */
  readonly offsetDays: number
}

/** The real time. Cannot be moved: use `createSandboxClock()` for a clock tests can advance. */
export const systemClock: Clock = Object.freeze({ now: () => new Date() })

/**
 * The real time behind the `SandboxClock` interface, for a store without the test clock: moving it
 * throws, so nothing (a route, a script, a forgotten test helper) can change a live store's date.
 */
export function immovableClock(): SandboxClock {
  const refuse = (): never => {
    throw new Error('test_clock_off: this clock is the real time and cannot move; the sandbox test clock needs the module option test_clock: true (never in production)')
  }
  return Object.freeze({ now: () => new Date(), advanceDays: refuse, set: refuse, offsetDays: 0 })
}

export type SandboxClockOptions = {
  /** Where the clock starts (default: the system time). */
  start?: Date
  /** Start this many days away from the system time (ignored when `start` is given). */
  offsetDays?: number
  /** When true, time does not flow: `now()` only changes through `advanceDays` / `set`. */
  frozen?: boolean
  /** The underlying time source in ms (default `Date.now`); for tests. */
  source?: () => number
}

export function createSandboxClock(options: SandboxClockOptions = {}): SandboxClock {
  const source = options.source ?? Date.now
  if (options.start && Number.isNaN(options.start.getTime())) throw new RangeError("invalid start date")
  if (options.offsetDays !== undefined && !Number.isFinite(options.offsetDays)) throw new RangeError("invalid offsetDays")
  // The frozen instant is kept relative to the source so offsetDays stays meaningful.
  const frozenBase = options.frozen ? source() : undefined
  let offsetMs = options.start ? options.start.getTime() - source() : (options.offsetDays ?? 0) * DAY_MS
  const base = () => (frozenBase !== undefined ? frozenBase : source())

  return {
    now: () => new Date(base() + offsetMs),
    advanceDays(days: number) {
      if (!Number.isFinite(days)) throw new RangeError("advanceDays needs a finite number of days")
      offsetMs += days * DAY_MS
    },
    set(date: Date) {
      if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new RangeError("set needs a valid Date")
      offsetMs = date.getTime() - base()
    },
    get offsetDays() {
      // A frozen clock measures against the real time, like an unfrozen one.
      return (base() + offsetMs - source()) / DAY_MS
    },
  }
}
