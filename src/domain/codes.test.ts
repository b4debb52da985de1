import { CARD_NETWORKS, DEFAULT_ACCEPTED_NETWORKS, DEFAULT_COUNTRIES, ELIGIBILITY_REASON_CODES, EU_COUNTRIES, PLAN_CODES, isPlanCode } from "./codes"

describe("codes", () => {
  it("recognises plan codes", () => {
    expect(PLAN_CODES.every(isPlanCode)).toBe(true)
    expect(isPlanCode("p5x")).toBe(false)
    expect(isPlanCode(3)).toBe(false)
  })

  it("keeps its lists consistent", () => {
    for (const list of [PLAN_CODES, ELIGIBILITY_REASON_CODES, CARD_NETWORKS, EU_COUNTRIES]) expect(new Set(list).size).toBe(list.length)
    expect(EU_COUNTRIES).toHaveLength(27)
    for (const c of DEFAULT_COUNTRIES) expect(EU_COUNTRIES).toContain(c)
    for (const n of DEFAULT_ACCEPTED_NETWORKS) expect(CARD_NETWORKS).toContain(n)
  })
})
