/**
 * Sends a plan's e-mail through Medusa's notification module (channel `email`, template
 * `instalments.<kind>`). Subject, text and HTML are rendered by the plugin in the plan's language and
 * passed both as the notification's `content` and in its `data`, so any e-mail provider can send
 * them as they are, or use its own templates with `data`.
 *
 * An e-mail that cannot be sent (no address, no provider for `email`) is logged, never thrown: a
 * change to a plan is committed before its e-mail goes out and must not look failed.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { resolveLocale, type EmailKind } from "../domain/texts"
import { INSTALMENTS_MODULE } from "../modules/instalments"
import type { PlanRow } from "../modules/instalments/mapping"
import type InstalmentsModuleService from "../modules/instalments/service"
import { renderPlanEmail } from "./emails"

export const EMAIL_CHANNEL = "email"

/** E-mails about the store's dealings with the shopper, not the payments: sent for a lender's plan too. */
const STORE_MESSAGES: readonly EmailKind[] = ["supportReply"]

export interface SendOptions {
  /** The same key never sends twice (the notification module keeps it). */
  readonly idempotencyKey?: string
  /** The instalments the e-mail is about (reminder, payment failed). */
  readonly instalmentNumbers?: readonly number[]
  /** What triggered it, kept on the notification (`instalment_plan.confirmed`, `reminder`...). */
  readonly trigger?: string
  /** The merchant's reply to a support request (supportReply). */
  readonly reply?: string
  /** Why the charge failed (paymentFailed). */
  readonly failureReason?: string | null
}

export type SendResult = { sent: true; notificationId: string } | { sent: false; reason: string }

/**
 * `plan` is the plan's id, or the plan a caller has just loaded with its instalments (the e-mail
 * shows the schedule): that spares a read.
 */
export async function sendPlanEmail(
  container: MedusaContainer,
  plan: string | PlanRow,
  kind: EmailKind,
  options: SendOptions = {},
): Promise<SendResult> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const service = container.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  const planId = typeof plan === "string" ? plan : plan.id
  const row = typeof plan !== "string" && plan.instalments ? plan : await service.loadPlan(planId)
  if (!row) return skipped(logger, `plan ${planId} was not found`)
  if (!row.email) return skipped(logger, `plan ${planId} has no e-mail address`)
  // A lender (Alma) writes to the shoppers of the plans it funds about their payments, with its own
  // page; the store's own messages (its replies to their requests) still go from the store.
  if (!service.managesPlan(row) && !STORE_MESSAGES.includes(kind)) return { sent: false, reason: `plan ${planId} is managed by its lender (${row.processor})` }
  const locale = resolveLocale(row.locale)
  const link = service.selfServiceUrl(row)
  const check = service.checkSelfServiceToken(row.id, new URL(link).searchParams.get("token"))
  // Links expire by the real time, whatever the sandbox test clock says.
  const linkExpiresAt = check.ok ? check.expiresAt : new Date()
  const email = renderPlanEmail(kind, row, {
    locale,
    link,
    linkExpiresAt,
    today: service.today(),
    timeZone: service.engineConfig.timeZone,
    instalmentNumbers: options.instalmentNumbers,
    reply: options.reply,
    failureReason: options.failureReason,
  })
  try {
    const notifications = container.resolve(Modules.NOTIFICATION)
    const created = await notifications.createNotifications({
      to: row.email,
      channel: EMAIL_CHANNEL,
      template: `instalments.${kind}`,
      content: { subject: email.subject, text: email.text, html: email.html },
      data: {
        subject: email.subject,
        text: email.text,
        html: email.html,
        self_service_url: link,
        plan_id: row.id,
        order_id: row.order_id ?? null,
        order_display_id: row.order_display_id ?? null,
        locale,
        kind,
        instalment_numbers: options.instalmentNumbers ?? [],
      },
      trigger_type: options.trigger ?? null,
      resource_id: row.id,
      resource_type: "instalment_plan",
      receiver_id: row.customer_id ?? null,
      idempotency_key: options.idempotencyKey ?? null,
    })
    return { sent: true, notificationId: created?.id ?? "" }
  } catch (error) {
    return skipped(logger, `the ${kind} e-mail of plan ${planId} could not be sent: ${(error as Error).message}`)
  }
}

function skipped(logger: { warn: (message: string) => void }, reason: string): SendResult {
  logger.warn(`medusa-instalments: ${reason}`)
  return { sent: false, reason }
}
