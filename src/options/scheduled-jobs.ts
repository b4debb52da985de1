/**
 * The switch of the plugin's scheduled jobs (src/jobs). Each job reads its own environment
 * variable: `off` turns it off in this process, `on` forces it on. Unset, a job runs, except under
 * jest (NODE_ENV=test): the tests run the jobs' work themselves, on the sandbox clock, and a run
 * that Medusa's scheduler fires at a time of day (minute 7, every fifth minute...) in the middle
 * of a test would make the test depend on when it runs.
 *
 *   INSTALMENTS_COLLECTION_JOB   hourly collection of what is due
 *   INSTALMENTS_RECONCILE_JOB    money operations left running, every five minutes
 *   INSTALMENTS_ALMA_SYNC_JOB    Alma's operations and plans, hourly
 *   INSTALMENTS_REMINDERS_JOB    reminders of the instalments due within 3 days, daily at 9:00 in time_zone
 */
export type ScheduledJobSwitch =
  | "INSTALMENTS_COLLECTION_JOB"
  | "INSTALMENTS_RECONCILE_JOB"
  | "INSTALMENTS_ALMA_SYNC_JOB"
  | "INSTALMENTS_REMINDERS_JOB"

export function scheduledJobEnabled(name: ScheduledJobSwitch, env: NodeJS.ProcessEnv = process.env): boolean {
  const setting = env[name] ?? (env.NODE_ENV === "test" ? "off" : "on")
  return setting !== "off"
}
