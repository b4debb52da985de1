import { createSandboxClock } from "../../processors"
import { MAX_ADVANCE_DAYS, moveTestClock, parseTestClockOption } from "./test-clock"

const REAL_NOW = new Date("2026-12-05T10:00:00Z")
const DAY = 24 * 60 * 60 * 1000

/** A test clock at 31 January 2027 that moves only when told (the source is the fixed real time). */
function clockAt(start = new Date("2027-01-31T10:00:00Z")) {
  return createSandboxClock({ start, frozen: true, source: () => REAL_NOW.getTime() })
}

describe("the test clock", () => {
  it("is off unless test_clock is true, and never on in production", () => {
    expect(parseTestClockOption(undefined, {})).toBe(false)
    expect(parseTestClockOption(false, { NODE_ENV: "production" })).toBe(false)
    expect(parseTestClockOption(true, { NODE_ENV: "development" })).toBe(true)
    expect(() => parseTestClockOption(true, { NODE_ENV: "production" })).toThrow('option "test_clock" must be off when NODE_ENV=production')
    expect(() => parseTestClockOption("true", {})).toThrow('option "test_clock" must be true or false (got "true")')
  })

  it("refuses every move while off", () => {
    const clock = clockAt()
    expect(() => moveTestClock(clock, false, { days: 1 }, REAL_NOW)).toThrow(/^test_clock_off: /)
    expect(clock.now().toISOString()).toBe("2027-01-31T10:00:00.000Z")
  })

  it(`advances 1 to ${MAX_ADVANCE_DAYS} whole days`, () => {
    const clock = clockAt()
    moveTestClock(clock, true, { days: MAX_ADVANCE_DAYS }, REAL_NOW)
    expect(clock.now().getTime()).toBe(new Date("2027-01-31T10:00:00Z").getTime() + MAX_ADVANCE_DAYS * DAY)
    for (const days of [0, -1, 1.5, MAX_ADVANCE_DAYS + 1]) {
      expect(() => moveTestClock(clock, true, { days }, REAL_NOW)).toThrow(`advance_days must be a whole number of days from 1 to ${MAX_ADVANCE_DAYS}`)
    }
  })

  it("is set forward only, to at most 5 years after the real time", () => {
    const clock = clockAt()
    expect(() => moveTestClock(clock, true, { to: new Date("2027-01-31T10:00:00Z") }, REAL_NOW)).toThrow("set must be later than the test clock's time, 2027-01-31T10:00:00.000Z")
    expect(() => moveTestClock(clock, true, { to: new Date("2026-01-01T00:00:00Z") }, REAL_NOW)).toThrow("only moves forward")
    expect(() => moveTestClock(clock, true, { to: new Date("9999-12-31T23:30:00Z") }, REAL_NOW)).toThrow("set must be at most 5 years after the real time, so no later than 2031-12-05T10:00:00.000Z")
    moveTestClock(clock, true, { to: new Date("2031-12-05T10:00:00Z") }, REAL_NOW)
    expect(clock.now().toISOString()).toBe("2031-12-05T10:00:00.000Z")
  })
})
