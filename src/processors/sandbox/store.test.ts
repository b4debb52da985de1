import { createMemorySandboxStore } from "./store"

describe("memory sandbox store", () => {
  it("gets what was put, as a copy", async () => {
    const store = createMemorySandboxStore()
    expect(await store.get("a")).toBeUndefined()
    const value = { n: 1, list: [1, 2] }
    await store.put({ a: value })
    value.n = 2
    const read = await store.get<typeof value>("a")
    expect(read).toEqual({ n: 1, list: [1, 2] })
    read!.list.push(3)
    expect(await store.get("a")).toEqual({ n: 1, list: [1, 2] })
    await store.put({ a: "replaced" })
    expect(await store.get("a")).toBe("replaced")
    expect(store.size).toBe(1)
  })

  it("dumps its contents as JSON", async () => {
    const store = createMemorySandboxStore()
    await store.put({ x: { y: true }, z: null })
    expect(JSON.parse(store.dump())).toEqual({ x: { y: true }, z: null })
    expect(store.entries()).toEqual([["x", { y: true }], ["z", null]])
  })

  it("refuses values that are not JSON, and then writes none of the entries", async () => {
    const store = createMemorySandboxStore()
    await expect(store.put({ ok: 1, f: () => 1 })).rejects.toThrow(TypeError)
    expect(store.size).toBe(0)
  })

  it("claims a free key only, reads another key in the same step, and releases only the claimed value", async () => {
    const store = createMemorySandboxStore()
    await store.put({ "card:1": { n: 1 } })
    expect(await store.claim("k", { by: "a" }, "card:1")).toEqual({ claimed: true, read: { n: 1 } })
    expect(await store.claim("k", { by: "b" })).toEqual({ claimed: false, read: undefined })
    expect(await store.get("k")).toEqual({ by: "a" })
    expect(await store.release("k", { by: "b" })).toBe(false)
    expect(await store.release("k", { by: "a" })).toBe(true)
    expect(await store.get("k")).toBeUndefined()
    expect(await store.claim("k", { by: "b" }, "card:2")).toEqual({ claimed: true, read: undefined })
  })

  it("lists the records under a prefix, by key", async () => {
    const store = createMemorySandboxStore()
    await store.put({ "charge:b": 2, "card:x": 0, "charge:a": 1 })
    expect(await store.list("charge:")).toEqual([["charge:a", 1], ["charge:b", 2]])
    expect(await store.list("refund:")).toEqual([])
  })
})
