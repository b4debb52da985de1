import { entityIds, eventIds, insertRows } from "./sql"

describe("entityIds", () => {
  it("gives distinct ids in Medusa's <prefix>_<ULID> format, one time part per batch", () => {
    const ids = eventIds(1000, new Date("2027-02-28T10:00:00Z"))
    expect(new Set(ids).size).toBe(1000)
    for (const id of ids) expect(id).toMatch(/^ievt_[0-9A-HJKMNP-TV-Z]{26}$/)
    expect(ids[0].slice(5, 15)).toBe(ids[999].slice(5, 15))
  })

  it("encodes the time so that later batches sort after earlier ones", () => {
    const [early] = entityIds("iplan", 1, new Date("2026-11-22T10:00:00Z"))
    const [late] = entityIds("iplan", 1, new Date("2026-11-22T10:00:00.001Z"))
    expect(early.slice(0, 16) < late.slice(0, 16)).toBe(true)
  })
})

describe("insertRows", () => {
  it("names the first row's columns and sends the rows as one JSON parameter", () => {
    const rows = [
      { id: "inst_1", number: 1, status: "paid" },
      { id: "inst_2", number: 2, status: "scheduled" },
    ]
    const { sql, param } = insertRows("instalment", rows)
    expect(sql).toBe(
      'insert into "instalment" ("id", "number", "status") select "id", "number", "status" from jsonb_populate_recordset(null::"instalment", ?::jsonb)',
    )
    expect(JSON.parse(param)).toEqual(rows)
  })

  it("refuses a column name that is not a plain identifier (it is written into the SQL text)", () => {
    expect(() => insertRows("instalment", [{ 'id"; drop table instalment; --': 1 }])).toThrow(/not a plain SQL identifier/)
  })
})

describe("entityIds from the random pool", () => {
  it("stays distinct across many small draws that cross the pool's refills", () => {
    const ids = Array.from({ length: 2000 }, () => entityIds("inst", 3, new Date("2027-01-31T10:00:00Z"))).flat()
    expect(new Set(ids).size).toBe(6000)
  })
})
