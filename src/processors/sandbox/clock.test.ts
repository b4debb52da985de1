import { createSandboxClock, systemClock } from "./clock"

const DAY = 86_400_000

describe("sandbox clock", () => {
  it("the system clock tells the real time", () => {
    const before = Date.now()
    const now = systemClock.now().getTime()
    expect(now).toBeGreaterThanOrEqual(before)
    expect(now).toBeLessThanOrEqual(Date.now())
  })

  it("a frozen clock only moves when told", () => {
    const clock = createSandboxClock({ start: new Date("2025-01-31T10:00:00Z"), frozen: true })
    expect(clock.now().toISOString()).toBe("2025-01-31T10:00:00.000Z")
    clock.advanceDays(1)
    expect(clock.now().toISOString()).toBe("2025-02-01T10:00:00.000Z")
    clock.advanceDays(-2)
    expect(clock.now().toISOString()).toBe("2025-01-30T10:00:00.000Z")
    clock.set(new Date("2026-06-01T00:00:00Z"))
    expect(clock.now().toISOString()).toBe("2026-06-01T00:00:00.000Z")
  })

  it("an unfrozen clock flows with its source, shifted", () => {
    let t = Date.UTC(2025, 0, 1)
    const clock = createSandboxClock({ source: () => t })
    expect(clock.offsetDays).toBe(0)
    expect(clock.now().getTime()).toBe(t)
    t += 1000
    expect(clock.now().getTime()).toBe(t)
    clock.advanceDays(30)
    expect(clock.offsetDays).toBe(30)
    expect(clock.now().getTime()).toBe(t + 30 * DAY)
    t += 1000
    expect(clock.now().getTime()).toBe(t + 30 * DAY)
    clock.set(new Date(t - DAY))
    expect(clock.offsetDays).toBe(-1)
  })

  it("can start at an offset", () => {
    const t = Date.UTC(2025, 0, 1)
    const clock = createSandboxClock({ source: () => t, offsetDays: 10 })
    expect(clock.now().toISOString()).toBe("2025-01-11T00:00:00.000Z")
    expect(clock.offsetDays).toBe(10)
  })

  it("reports the offset from the real time when frozen", () => {
    const t = Date.UTC(2025, 0, 1)
    const clock = createSandboxClock({ source: () => t, frozen: true })
    clock.advanceDays(15)
    expect(clock.offsetDays).toBe(15)
  })

  it("refuses nonsense", () => {
    const clock = createSandboxClock()
    expect(() => clock.advanceDays(Number.NaN)).toThrow(RangeError)
    expect(() => clock.set(new Date("nope"))).toThrow(RangeError)
    expect(() => createSandboxClock({ start: new Date("nope") })).toThrow(RangeError)
  })
})
