import { createMemorySandboxStore } from "./store"

describe("memory sandbox store", () => {
  it("gets what was put, as a copy", async () => {
    const store = createMemorySandboxStore()
    expect(await store.get("a")).toBeUndefined()
    const value = { n: 1, list: [1, 2] }
    await store.put("a", value)
    value.n = 2
    const read = await store.get<typeof value>("a")
    expect(read).toEqual({ n: 1, list: [1, 2] })
    read!.list.push(3)
    expect(await store.get("a")).toEqual({ n: 1, list: [1, 2] })
    await store.put("a", "replaced")
    expect(await store.get("a")).toBe("replaced")
    expect(store.size).toBe(1)
  })

  it("dumps its contents as JSON", async () => {
    const store = createMemorySandboxStore()
    await store.put("x", { y: true })
    await store.put("z", null)
    expect(JSON.parse(store.dump())).toEqual({ x: { y: true }, z: null })
    expect(store.entries()).toEqual([["x", { y: true }], ["z", null]])
  })

  it("refuses values that are not JSON", async () => {
    const store = createMemorySandboxStore()
    await expect(store.put("f", () => 1)).rejects.toThrow(TypeError)
  })
})
