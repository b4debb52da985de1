import { EligibilityCache, eligibilityKey } from "./eligibility-cache"

const at = (minutes: number) => new Date(Date.UTC(2027, 0, 31, 12, minutes))

describe("EligibilityCache", () => {
  it("answers from the cache for 5 minutes, then asks again", async () => {
    const cache = new EligibilityCache<string>()
    let calls = 0
    const ask = async () => `answer ${++calls}`
    expect(await cache.get("k", at(0), ask)).toBe("answer 1")
    expect(await cache.get("k", at(4), ask)).toBe("answer 1")
    expect(await cache.get("k", at(5), ask)).toBe("answer 2")
    expect(calls).toBe(2)
  })

  it("shares one call between concurrent requests, and keeps no failure", async () => {
    const cache = new EligibilityCache<string>()
    let calls = 0
    const failing = () => (calls++, Promise.reject(new Error("Alma down")))
    await expect(Promise.all([cache.get("k", at(0), failing), cache.get("k", at(0), failing)])).rejects.toThrow("Alma down")
    expect(calls).toBe(1)
    expect(await cache.get("k", at(0), async () => "back")).toBe("back")
  })

  it("treats an answer from a clock's future as stale (the test clock was set back)", async () => {
    const cache = new EligibilityCache<string>()
    await cache.get("k", at(10), async () => "later")
    expect(await cache.get("k", at(0), async () => "now")).toBe("now")
  })

  it("keeps at most maxEntries answers, dropping the oldest", async () => {
    const cache = new EligibilityCache<number>({ maxEntries: 3 })
    for (let i = 0; i < 5; i++) await cache.get(`k${i}`, at(0), async () => i)
    expect(cache.size).toBe(3)
    expect(await cache.get("k0", at(0), async () => -1)).toBe(-1)
    expect(await cache.get("k4", at(0), async () => -1)).toBe(4)
  })

  it("keys by amount, country, plans and day", () => {
    expect(eligibilityKey({ amountCents: 25490, country: "fr", plans: ["p3x", "p4x"], day: "2027-01-31" })).toBe("25490|fr|p3x,p4x|2027-01-31")
  })
})
