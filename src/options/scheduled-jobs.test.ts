import { scheduledJobEnabled } from "./scheduled-jobs"

describe("scheduledJobEnabled", () => {
  it("runs a job by default, outside jest", () => {
    expect(scheduledJobEnabled("INSTALMENTS_ALMA_SYNC_JOB", { NODE_ENV: "production" })).toBe(true)
    expect(scheduledJobEnabled("INSTALMENTS_REMINDERS_JOB", {})).toBe(true)
  })

  it("keeps every job off under jest unless its variable says on", () => {
    expect(scheduledJobEnabled("INSTALMENTS_ALMA_SYNC_JOB", { NODE_ENV: "test" })).toBe(false)
    expect(scheduledJobEnabled("INSTALMENTS_ALMA_SYNC_JOB", { NODE_ENV: "test", INSTALMENTS_ALMA_SYNC_JOB: "on" })).toBe(true)
  })

  it("turns one job off with its own variable, and only that one", () => {
    const env = { NODE_ENV: "production", INSTALMENTS_COLLECTION_JOB: "off" }
    expect(scheduledJobEnabled("INSTALMENTS_COLLECTION_JOB", env)).toBe(false)
    expect(scheduledJobEnabled("INSTALMENTS_RECONCILE_JOB", env)).toBe(true)
  })
})
