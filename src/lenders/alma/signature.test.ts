import { ipnSignature, isValidIpnSignature } from "./signature"

// Test vectors from Alma's own clients (shared/fixtures/alma/README.md §2.9).
const VECTORS = [
  { pid: "validPaymentId", key: "validApiKey", signature: "e930c5376330747939e8b7422b18d3f6538916107955a78032ca32447ceaf8d5" },
  { pid: "merchant_id_test", key: "api_key_test", signature: "0dd3cb4632c074ead0d0f346c75015c76ad4e1e115f01c7e0850dd5accb7b4b0" },
]

describe("Alma IPN signature", () => {
  it.each(VECTORS)("signs $pid with $key as Alma does", ({ pid, key, signature }) => {
    expect(ipnSignature(pid, key)).toBe(signature)
    expect(isValidIpnSignature(pid, key, signature)).toBe(true)
    expect(isValidIpnSignature(pid, key, signature.toUpperCase())).toBe(true)
  })

  it("refuses a missing, malformed, truncated or foreign signature", () => {
    const { pid, key, signature } = VECTORS[0]
    expect(isValidIpnSignature(pid, key, undefined)).toBe(false)
    expect(isValidIpnSignature(pid, key, "")).toBe(false)
    expect(isValidIpnSignature(pid, key, signature.slice(0, 63))).toBe(false)
    const lastCharChanged = signature.slice(0, 63) + (signature[63] === "0" ? "1" : "0")
    expect(isValidIpnSignature(pid, key, lastCharChanged)).toBe(false)
    expect(isValidIpnSignature(pid, key, ["a"])).toBe(false)
    // The signature of another payment, or under another key, does not pass.
    expect(isValidIpnSignature("payment_other", key, signature)).toBe(false)
    expect(isValidIpnSignature(pid, "sk_test_other", signature)).toBe(false)
  })
})
