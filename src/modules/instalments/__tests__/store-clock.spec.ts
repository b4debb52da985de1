/**
 * One sandbox test clock for the whole store (issue 16, item 3): the module's clock is kept in
 * Postgres, so a second process of the same store (here: a second connection to the same database,
 * with its own copy of the clock, as a worker or a second server holds one) lives on the day the
 * first one moved to, and the other way round; moves from both sides add up and stay forward-only.
 */
import type { Run } from "../sql"
import { createStoreClock, readStoreOffset } from "../store-clock"
import { moveStoreTestClock, syncTestClock, type ClockDatabase } from "../test-clock"
import { CHECKOUT_DAY, moduleSuite, useOtherConnection, type Knex } from "./support"

jest.setTimeout(120_000)

const DAY = 24 * 60 * 60 * 1000

/** The statements of another process of the store: its own connection to the same database. */
function otherProcess(knex: Knex): ClockDatabase {
  const runOn =
    (client: { raw: (query: string, params: readonly unknown[]) => PromiseLike<{ rows: unknown[] }> }): Run =>
    async (query, params) =>
      (await client.raw(query, params)).rows
  return {
    read: runOn(knex as never),
    transaction: (work) => knex.transaction((trx) => work(runOn(trx as never))),
  }
}

moduleSuite("the store's test clock", {}, ({ service, databaseUrl }) => {
  const knex = useOtherConnection(databaseUrl)

  it("is in Postgres: another process reads the day this one moved to, once per operation", async () => {
    // The suite set the clock to the checkout day (31 January 2027) through the module.
    const other = createStoreClock()
    expect(other.now().getTime()).toBeLessThan(CHECKOUT_DAY.getTime() - DAY)
    await syncTestClock(other, true, otherProcess(knex()))
    expect(Math.abs(other.now().getTime() - CHECKOUT_DAY.getTime())).toBeLessThan(60_000)

    await service().advanceSandboxClock(30)
    expect(service().today()).toBe("2027-03-02")
    // Until it reads the store's clock again, the other process keeps the day it read.
    expect(Math.abs(other.now().getTime() - CHECKOUT_DAY.getTime())).toBeLessThan(60_000)
    await syncTestClock(other, true, otherProcess(knex()))
    expect(Math.abs(other.now().getTime() - (CHECKOUT_DAY.getTime() + 30 * DAY))).toBeLessThan(60_000)
  })

  it("moved by another process, is this module's day after its next read", async () => {
    const other = createStoreClock()
    await moveStoreTestClock(other, true, { to: new Date("2027-04-30T10:00:00Z") }, otherProcess(knex()))
    expect(service().today()).toBe("2027-01-31")
    await service().syncClock()
    expect(service().today()).toBe("2027-04-30")
    expect(service().processor.capabilities.testMode).toBe(true)
  })

  it("only moves forward from the store's time, whoever moved it last", async () => {
    const other = createStoreClock()
    await moveStoreTestClock(other, true, { days: 10 }, otherProcess(knex())) // the store is now on 10 February
    // This module still believes 31 January: the move is checked against the store's time.
    await expect(service().setSandboxTime(new Date("2027-02-05T10:00:00Z"))).rejects.toThrow("set must be later than the test clock's time, 2027-02-10")
    expect(service().today()).toBe("2027-02-10")
  })

  it("adds up moves made at once by two processes (the row is locked while one moves it)", async () => {
    const other = createStoreClock()
    await Promise.all([service().advanceSandboxClock(3), moveStoreTestClock(other, true, { days: 4 }, otherProcess(knex())), service().advanceSandboxClock(5)])
    await service().syncClock()
    expect(service().today()).toBe("2027-02-12")
    expect(await readStoreOffset(otherProcess(knex()).read)).toBe(service().clock.offsetMs)
  })

  it("drops a read that a move overtook: a late answer never puts the clock back", async () => {
    const mark = service().clock.mark()
    const stale = await readStoreOffset(otherProcess(knex()).read)
    await service().advanceSandboxClock(2)
    service().clock.adopt(stale, mark)
    expect(service().today()).toBe("2027-02-02")
  })

  it("takes a direct move of this process's clock (tests, the bench: backwards too) to the store at its next read", async () => {
    await service().advanceSandboxClock(20)
    service().clock.set(CHECKOUT_DAY)
    await service().syncClock()
    const other = createStoreClock()
    await syncTestClock(other, true, otherProcess(knex()))
    expect(Math.abs(other.now().getTime() - CHECKOUT_DAY.getTime())).toBeLessThan(60_000)
  })
})
