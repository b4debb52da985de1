import { canonicalJson, digestOf, fingerprintOf, processorKey } from "./keys"

describe("processorKey", () => {
  it("appends the leg to the operation's key", () => {
    expect(processorKey("medusa-refund:ref_1", "refund:2")).toBe("medusa-refund:ref_1:refund:2")
  })

  it("hashes keys that a processor would refuse as too long, stably", () => {
    const long = `self:iplan_1:pay-early:${"k".repeat(300)}`
    const key = processorKey(long, "charge")
    expect(key.length).toBeLessThanOrEqual(255)
    expect(key).toBe(processorKey(long, "charge"))
    expect(key).not.toBe(processorKey(`${long}x`, "charge"))
    expect(key.endsWith(":charge")).toBe(true)
  })
})

describe("fingerprintOf", () => {
  it("is the same for the same request, whatever the key order", () => {
    expect(fingerprintOf("postpone", { days: 3, instalment_number: 2 })).toBe(fingerprintOf("postpone", { instalment_number: 2, days: 3 }))
  })

  it("differs when the input or the operation differs", () => {
    expect(fingerprintOf("postpone", { days: 3 })).not.toBe(fingerprintOf("postpone", { days: 10 }))
    expect(fingerprintOf("pay-early", { scope: "next" })).not.toBe(fingerprintOf("withdraw", { scope: "next" }))
  })
})

describe("canonicalJson", () => {
  it("sorts keys at every depth and drops undefined values", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: undefined }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"f":1}]},"b":1}')
  })
})

describe("digestOf", () => {
  it("never contains the value it stands for", () => {
    expect(digestOf("tok_visa")).not.toContain("tok_visa")
    expect(digestOf("tok_visa")).toHaveLength(22)
  })
})
