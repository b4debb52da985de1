/**
 * The plugin's e-mails (issue "E-mails", docs/business-rules.md §4 and §7), rendered here in the
 * plan's language as subject, plain text and HTML, so any notification provider can send them as
 * they are: plan confirmed (a copy of the contract: schedule, terms version, acceptance time), card
 * verified (deferred start), reminder, payment failed, plan updated, plan completed, and the
 * self-service link sent again, and the merchant's reply to a support request.
 */
import type { InstalmentStatus, Locale } from "../domain/codes"
import { amountDue, nextDue, type InstalmentSnapshot, type PlanSnapshot } from "../domain/plan"
import {
  creditWarning,
  emailTexts,
  esc,
  formatDate,
  formatMoney,
  planLabel,
  statusLabel,
  t,
  totalLine,
  type EmailKind,
} from "../domain/texts"
import { toLocalDate } from "../domain/calendar"
import { planToSnapshot, type PlanRow } from "../modules/instalments/mapping"

export interface RenderedEmail {
  readonly subject: string
  readonly text: string
  readonly html: string
}

export interface EmailContext {
  readonly locale: Locale
  /** The plan's signed self-service link. */
  readonly link: string
  /** When that link stops working. */
  readonly linkExpiresAt: Date
  /** Today on the shoppers' calendar. */
  readonly today: string
  /** The instalments the e-mail is about (reminder, payment failed); default: the next one due. */
  readonly instalmentNumbers?: readonly number[]
  readonly timeZone: string
  /** The merchant's reply (supportReply), quoted as written. */
  readonly reply?: string
  /** Why the charge failed (paymentFailed): `authentication_required` asks the shopper to pay on their page with 3-D Secure. */
  readonly failureReason?: string | null
}

/** Amount and date the e-mail's sentence speaks of. */
function figures(kind: EmailKind, row: PlanRow, plan: PlanSnapshot, ctx: EmailContext): { amount?: string; date?: string } {
  const m = (cents: number) => formatMoney(cents, row.currency_code, ctx.locale)
  const d = (day: string) => formatDate(day, ctx.locale)
  if (kind === "planCompleted") {
    const lastPaid = plan.instalments.map((i) => i.paidAt).filter((at): at is string => !!at).sort().pop()
    return { amount: m(row.paid_total_cents), date: d(lastPaid ? toLocalDate(lastPaid, ctx.timeZone) : ctx.today) }
  }
  if (kind === "selfServiceLink") return { date: d(toLocalDate(ctx.linkExpiresAt, ctx.timeZone)) }
  const chosen = ctx.instalmentNumbers?.length ? plan.instalments.filter((i) => ctx.instalmentNumbers?.includes(i.number)) : []
  const about: InstalmentSnapshot[] = chosen.length ? chosen : ([nextDue(plan)].filter(Boolean) as InstalmentSnapshot[])
  if (about.length === 0) return {}
  return { amount: m(about.reduce((sum, i) => sum + amountDue(i), 0)), date: d(about[0].dueDate) }
}

/** The e-mails that carry the whole schedule (the contract, and every change to it). */
const WITH_SCHEDULE: readonly EmailKind[] = ["planConfirmed", "cardVerified", "planUpdated", "paymentFailed"]

export function renderPlanEmail(kind: EmailKind, row: PlanRow, ctx: EmailContext): RenderedEmail {
  const { locale, link } = ctx
  const plan = planToSnapshot(row)
  const params = { orderNumber: row.order_display_id ?? row.id, link, ...figures(kind, row, plan, ctx) }
  const generic = emailTexts(kind, locale, params)
  // Retrying will not help: the bank wants the shopper to confirm the payment themselves.
  const mustAuthenticate = kind === "paymentFailed" && ctx.failureReason === "authentication_required"
  const texts = mustAuthenticate ? { ...generic, body: t(locale, "email.paymentFailed.authenticationBody", definedOnly(params)) } : generic
  const schedule = WITH_SCHEDULE.includes(kind) ? scheduleRows(row, locale) : []
  const total = totalLine(
    plan.instalments.filter((i) => i.status !== "cancelled").map((i) => ({ number: i.number, dueDate: i.dueDate, amount: i.amount, customerFee: i.customerFee, lateFee: i.lateFee })),
    row.currency_code,
    locale,
  )
  const contract = kind === "planConfirmed" || kind === "cardVerified"
  const terms = contract ? t(locale, "email.terms", { version: row.terms_version, date: formatDate(toLocalDate(new Date(row.terms_accepted_at), ctx.timeZone), locale) }) : ""
  const warning = contract ? creditWarning(locale, ctx.today) : ""
  const heading = `${planLabel(row.plan_code, locale)} – ${t(locale, "email.scheduleTitle")}`

  const text = [
    texts.greeting,
    texts.body,
    ...(ctx.reply ? ["", ...ctx.reply.split("\n").map((line) => `> ${line}`)] : []),
    ...(schedule.length ? ["", heading, ...schedule.map((r) => `${r.number}. ${r.date}: ${r.amount} (${r.status})`), total] : []),
    ...(terms ? ["", terms] : []),
    ...(warning ? [warning] : []),
    "",
    `${texts.cta}: ${link}`,
    "",
    texts.closing,
  ].join("\n")

  const table = schedule.length
    ? `<h2 style="font-size:16px">${esc(heading)}</h2>
<table role="presentation" cellpadding="6" style="border-collapse:collapse">
${schedule.map((r) => `<tr><td>${esc(r.number)}</td><td>${esc(r.date)}</td><td style="text-align:right">${esc(r.amount)}</td><td>${esc(r.status)}</td></tr>`).join("\n")}
</table>
<p><strong>${esc(total)}</strong></p>`
    : ""
  const html = `<!doctype html>
<html lang="${esc(locale)}"><head><meta charset="utf-8"><title>${esc(texts.subject)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;line-height:1.5;color:#1a1a1a">
<p>${esc(texts.greeting)}</p>
<p>${linkify(texts.body, link)}</p>
${ctx.reply ? `<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:3px solid #1f3b73;white-space:pre-wrap">${esc(ctx.reply)}</blockquote>` : ""}
${table}
${terms ? `<p>${esc(terms)}</p>` : ""}
${warning ? `<p style="font-size:13px;color:#4a4a46">${esc(warning)}</p>` : ""}
<p><a href="${esc(link)}" style="display:inline-block;padding:10px 16px;background:#1f3b73;color:#ffffff;text-decoration:none;border-radius:4px">${esc(texts.cta)}</a></p>
<p>${esc(texts.closing)}</p>
</body></html>`
  return { subject: texts.subject, text, html }
}

/** Escapes the body and makes the link in it clickable. */
function linkify(body: string, link: string): string {
  return body
    .split(link)
    .map(esc)
    .join(`<a href="${esc(link)}">${esc(link)}</a>`)
}

function scheduleRows(row: PlanRow, locale: Locale) {
  return [...(row.instalments ?? [])]
    .filter((i) => i.status !== "cancelled")
    .sort((a, b) => a.number - b.number)
    .map((i) => ({
      number: i.number,
      date: formatDate(i.due_date, locale),
      amount: formatMoney(i.amount_cents + i.customer_fee_cents + i.late_fee_cents, row.currency_code, locale),
      status: statusLabel("instalment", i.status as InstalmentStatus, locale),
    }))
}

function definedOnly(params: Record<string, string | number | undefined>): Record<string, string | number> {
  return Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string | number] => entry[1] !== undefined))
}
