/**
 * Every day at 9:00 in the plugin's time zone (option `time_zone`, not the process's), remind
 * shoppers of the instalments due within 3 days (see src/notifications/reminders.ts).
 *
 * Medusa fires scheduled jobs on the clock of the process that runs them (its `TZ`), and its
 * schedules take no time zone. So the job is scheduled every hour, on the hour, and acts only in
 * the run where it is 9 o'clock for the shoppers: once a day at 9:00 in `time_zone` whatever the
 * process's time zone and daylight saving time (at 9:30 when the process's zone is half an hour
 * off, as in India). Safe to run more often or in several workers: each instalment and due date
 * is reminded once. The work is the workflow send-due-instalment-reminders (src/workflows), which
 * the sandbox test clock also runs. INSTALMENTS_REMINDERS_JOB switches it (src/options/scheduled-jobs.ts).
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { INSTALMENTS_MODULE } from "../modules/instalments"
import type InstalmentsModuleService from "../modules/instalments/service"
import { isReminderHour } from "../notifications/reminders"
import { scheduledJobEnabled } from "../options/scheduled-jobs"
import { sendDueRemindersWorkflow } from "../workflows/send-due-reminders"
import { readStoreClock } from "../workflows/store-clock"

export default async function sendInstalmentRemindersJob(container: MedusaContainer) {
  if (!scheduledJobEnabled("INSTALMENTS_REMINDERS_JOB")) return
  const instalments = container.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  await readStoreClock(container)
  if (!isReminderHour(instalments.now(), instalments.engineConfig.timeZone)) return
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result: summary } = await sendDueRemindersWorkflow(container).run({ input: {} })
  logger.info(`medusa-instalments: reminders for ${summary.today}: ${summary.sent} sent, ${summary.examined} instalments due within 3 days`)
}

export const config = {
  name: "instalments-send-reminders",
  schedule: "0 * * * *",
}
