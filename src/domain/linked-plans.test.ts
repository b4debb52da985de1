import { isSameShopper, linkReasons, type LinkKeys } from "./linked-plans"

const keys = (over: Partial<LinkKeys>): LinkKeys => ({ fingerprints: [], emailKey: null, phoneKey: null, ...over })

describe("linkReasons", () => {
  it("links by any card either plan has used", () => {
    expect(linkReasons(keys({ fingerprints: ["fp_old", "fp_new"] }), keys({ fingerprints: ["fp_old"] }))).toEqual(["card"])
    expect(linkReasons(keys({ fingerprints: ["fp_a"] }), keys({ fingerprints: ["fp_b"] }))).toEqual([])
  })

  it("links by e-mail and by phone, and says every reason", () => {
    const a = keys({ fingerprints: ["fp_a"], emailKey: "jane@example.com", phoneKey: "+33612345678" })
    expect(linkReasons(a, keys({ emailKey: "jane@example.com" }))).toEqual(["email"])
    expect(linkReasons(a, keys({ phoneKey: "+33612345678" }))).toEqual(["phone"])
    expect(linkReasons(a, a)).toEqual(["card", "email", "phone"])
  })

  it("never links by a missing e-mail or phone", () => {
    expect(linkReasons(keys({}), keys({}))).toEqual([])
  })
})

describe("isSameShopper", () => {
  it("is an e-mail or phone link, not a card alone", () => {
    expect(isSameShopper(["card"])).toBe(false)
    expect(isSameShopper(["card", "email"])).toBe(true)
    expect(isSameShopper(["phone"])).toBe(true)
  })
})
