/**
 * Alma's IPN signature: `X-Alma-Signature` is the lower-case hex HMAC-SHA256 of the payment id
 * (`pid`), keyed with the merchant's API key. Compared in constant time, so the time a check takes
 * says nothing about how much of a forged signature was right.
 */
import { createHmac, timingSafeEqual } from "node:crypto"

export function ipnSignature(pid: string, apiKey: string): string {
  return createHmac("sha256", apiKey).update(pid, "utf8").digest("hex")
}

/** True when `header` is the signature of `pid` under `apiKey`. A missing or malformed header is false. */
export function isValidIpnSignature(pid: string, apiKey: string, header: unknown): boolean {
  if (typeof header !== "string" || !/^[0-9a-fA-F]{64}$/.test(header)) return false
  const expected = Buffer.from(ipnSignature(pid, apiKey), "hex")
  const given = Buffer.from(header, "hex")
  return expected.length === given.length && timingSafeEqual(expected, given)
}
