/**
 * Every day at 9:00, remind shoppers of the instalments due within 3 days (see
 * src/notifications/reminders.ts). Safe to run more often or in several workers: each instalment
 * and due date is reminded once. INSTALMENTS_REMINDERS_JOB switches it (src/options/scheduled-jobs.ts).
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { scheduledJobEnabled } from "../options/scheduled-jobs"
import { sendDueReminders } from "../notifications/reminders"

export default async function sendInstalmentRemindersJob(container: MedusaContainer) {
  if (!scheduledJobEnabled("INSTALMENTS_REMINDERS_JOB")) return
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const summary = await sendDueReminders(container)
  logger.info(`medusa-instalments: reminders for ${summary.today}: ${summary.sent} sent, ${summary.examined} instalments due within 3 days`)
}

export const config = {
  name: "instalments-send-reminders",
  schedule: "0 9 * * *",
}
