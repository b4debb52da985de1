/**
 * Reminders (issue "E-mails"): the shopper hears of each instalment 3 days before its due date.
 * A run finds the scheduled instalments due in the next 3 days (so a day the job did not run is
 * caught up), records `plan.reminder_sent` in the plan's history under a key per instalment and due
 * date, and sends the e-mail only when that record is new: two runs, or two workers, remind once.
 * A postponed instalment has a new due date, hence a new key: it is reminded again.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { addDays, localHour } from "../domain/calendar"
import { RUNNING } from "../domain/revisions/guards"
import type { PlanStatus } from "../domain/codes"
import { INSTALMENTS_MODULE } from "../modules/instalments"
import type InstalmentsModuleService from "../modules/instalments/service"
import { sendPlanEmail } from "./send"

export const REMINDER_DAYS_BEFORE = 3
/** The hour of the day, in the plugin's time zone, at which the daily job reminds. */
export const REMINDER_HOUR = 9
const BATCH = 200

export interface ReminderSummary {
  today: string
  /** Instalments due within the window. */
  examined: number
  /** Reminders recorded and handed to the notification module by this run. */
  sent: number
}

/** Whether it is the reminders' hour for the shoppers (the job runs hourly on the process's clock). */
export function isReminderHour(now: Date, timeZone: string): boolean {
  return localHour(now, timeZone) === REMINDER_HOUR
}

export async function sendDueReminders(container: MedusaContainer): Promise<ReminderSummary> {
  const service = container.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  const today = service.today()
  const summary: ReminderSummary = { today, examined: 0, sent: 0 }
  for (let skip = 0; ; skip += BATCH) {
    const batch = await service.listInstalments(
      { status: "scheduled", due_date: { $gt: today, $lte: addDays(today, REMINDER_DAYS_BEFORE) } },
      { relations: ["plan"], order: { id: "ASC" }, take: BATCH, skip },
    )
    for (const instalment of batch) {
      const plan = instalment.plan as { id: string; status: string; processor: string } | undefined
      // A lender collects (and reminds of) the plans it funds.
      if (!plan || !RUNNING.includes(plan.status as PlanStatus) || !service.managesPlan(plan)) continue
      summary.examined++
      const key = `reminder:${plan.id}:${instalment.number}:${instalment.due_date}`
      const event = { type: "plan.reminder_sent", data: { instalment: instalment.number, dueDate: instalment.due_date, on: today } }
      if (!(await service.recordPlanEventOnce(plan.id, event, { actor: "system", idempotencyKey: key }))) continue
      await sendPlanEmail(container, plan.id, "reminder", { instalmentNumbers: [instalment.number], idempotencyKey: `instalments:${key}`, trigger: "reminder" })
      summary.sent++
    }
    if (batch.length < BATCH) return summary
  }
}
