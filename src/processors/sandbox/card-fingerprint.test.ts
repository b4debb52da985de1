import { sandboxCardFingerprint } from "./card-fingerprint"
import { createSandboxProcessor } from "./adapter"
import { createMemorySandboxStore } from "./store"

describe("sandbox card fingerprint", () => {
  it("is the same for the same test card and different for another", () => {
    expect(sandboxCardFingerprint("tok_visa")).toBe(sandboxCardFingerprint("tok_visa"))
    expect(sandboxCardFingerprint("tok_visa")).not.toBe(sandboxCardFingerprint("tok_mastercard"))
    expect(sandboxCardFingerprint("tok_visa")).toMatch(/^fp_[a-z]{20}$/)
    expect(sandboxCardFingerprint("tok_visa")).not.toContain("visa")
  })

  it("is reported on every registration of the card, and read back with it", async () => {
    const processor = createSandboxProcessor({ store: createMemorySandboxStore() })
    const first = await processor.describeCard("tok_visa")
    const second = await processor.describeCard("tok_visa")
    const other = await processor.describeCard("tok_mastercard")
    if (!first.ok || !second.ok || !other.ok) throw new Error("registration failed")
    expect(first.value.cardRef).not.toBe(second.value.cardRef)
    expect(first.value.fingerprint).toBe(second.value.fingerprint)
    expect(other.value.fingerprint).not.toBe(first.value.fingerprint)
    const read = await processor.getCard(first.value.cardRef)
    expect(read.ok && read.value.fingerprint).toBe(first.value.fingerprint)
  })
})
