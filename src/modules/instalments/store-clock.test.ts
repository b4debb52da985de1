import { createStoreClock, realTimeClock } from "./store-clock"

const REAL_NOW = Date.parse("2026-12-05T10:00:00Z")
const DAY = 24 * 60 * 60 * 1000

/** A store clock on a real time that stands still. */
const clockAt = (offsetMs = 0) => createStoreClock(offsetMs, () => REAL_NOW)

describe("this process's copy of the store's test clock", () => {
  it("tells the real time plus the store's offset", () => {
    const clock = clockAt(3 * DAY)
    expect(clock.now().toISOString()).toBe("2026-12-08T10:00:00.000Z")
    expect(clock.offsetDays).toBe(3)
  })

  it("takes what it reads from the database, unless a move overtook the read", () => {
    const clock = clockAt()
    const mark = clock.mark()
    clock.adopt(2 * DAY, mark)
    expect(clock.offsetMs).toBe(2 * DAY)
    const late = clock.mark()
    clock.adopt(5 * DAY) // a move written meanwhile
    clock.adopt(2 * DAY, late) // the answer of the read that started before it
    expect(clock.offsetMs).toBe(5 * DAY)
  })

  it("keeps a direct move (backwards too) until it is written, whatever it reads meanwhile", () => {
    const clock = clockAt(40 * DAY)
    clock.set(new Date("2026-12-06T10:00:00Z"))
    expect(clock.unsaved()).toBe(DAY)
    clock.adopt(40 * DAY, clock.mark())
    expect(clock.offsetMs).toBe(DAY)
    clock.advanceDays(1)
    clock.saved(DAY) // an older value written: the newer one still waits
    expect(clock.unsaved()).toBe(2 * DAY)
    clock.saved(2 * DAY)
    expect(clock.unsaved()).toBeUndefined()
    clock.adopt(7 * DAY, clock.mark())
    expect(clock.offsetMs).toBe(7 * DAY)
  })

  it("without the test clock, is the real time and refuses to move", () => {
    const clock = realTimeClock()
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(60_000)
    expect(() => clock.set(new Date())).toThrow(/^test_clock_off: /)
    expect(() => clock.advanceDays(1)).toThrow(/^test_clock_off: /)
    expect(() => clock.adopt(DAY)).toThrow(/^test_clock_off: /)
    expect(clock.unsaved()).toBeUndefined()
  })
})
