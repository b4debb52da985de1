/**
 * Reminds the shoppers of the instalments due within 3 days (src/notifications/reminders.ts), on
 * the store's day: the daily job runs this workflow, and the sandbox test clock runs the same work
 * once per simulated day (./sandbox-clock.ts). Safe to run more often or in several workers: each
 * instalment and due date is reminded once.
 */
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendDueReminders } from "../notifications/reminders"
import { readStoreClock } from "./store-clock"

export const SEND_DUE_REMINDERS_WORKFLOW = "send-due-instalment-reminders"

export const sendDueRemindersStep = createStep("send-due-instalment-reminders-step", async (_input: Record<string, never>, { container }) => {
  await readStoreClock(container)
  return new StepResponse(await sendDueReminders(container))
})

export const sendDueRemindersWorkflow = createWorkflow(SEND_DUE_REMINDERS_WORKFLOW, (input: Record<string, never>) => {
  return new WorkflowResponse(sendDueRemindersStep(input))
})
