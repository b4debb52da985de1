import { isReminderHour } from "./reminders"

describe("isReminderHour", () => {
  it("is 9 o'clock in the plugin's time zone, whatever the process's, in winter and in summer", () => {
    // The job fires on the hour of the process's clock: these are the runs of one winter morning.
    const winter = ["2027-01-15T07:00:00Z", "2027-01-15T08:00:00Z", "2027-01-15T09:00:00Z"].map((t) => isReminderHour(new Date(t), "Europe/Paris"))
    expect(winter).toEqual([false, true, false])
    expect(isReminderHour(new Date("2027-07-15T07:00:00Z"), "Europe/Paris")).toBe(true)
    expect(isReminderHour(new Date("2027-07-15T08:00:00Z"), "Europe/Paris")).toBe(false)
    expect(isReminderHour(new Date("2027-01-15T09:00:00Z"), "UTC")).toBe(true)
  })
})
