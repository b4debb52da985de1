/**
 * The shopper's page (docs/business-rules.md §5: "a secure page linked in the e-mails (no account
 * needed)"): plain server-rendered HTML, no script (but the bank's 3-D Secure challenge on a plan
 * Stripe collects: bank-payment.ts), in the shopper's language. It shows the
 * schedule, one form per action the engine allows now, and the "Ask for help" form with the plan's
 * support requests (support-section.ts); each form posts back to the page with the link's token.
 *
 * Everything that comes from data is escaped (`esc`). Every form carries the plan version it was
 * rendered for, so submitting the same form twice (reload, double click) acts once.
 */
import { LOCALES, type InstalmentStatus, type Locale, type PlanStatus } from "../domain/codes"
import type { RevisionContext } from "../domain/outcome"
import { amountDue, nextDue } from "../domain/plan"
import { creditWarning, esc, formatDate, formatMoney, planLabel, refusalMessage, statusLabel, t } from "../domain/texts"
import { planToSnapshot, type PlanRow } from "../modules/instalments/mapping"
import { planPagePath } from "../modules/instalments/shopper-links/signing"
import type { SupportRequestView } from "../modules/instalments/support"
import { availableActions } from "./shopper-view"
import { BANK_NOTICE, bankPaymentScripts, bankPaymentSources, payFormAttributes, type BankPayment } from "./bank-payment"
import { supportSection, type SupportFormState } from "./support-section"

const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = {
  fr: "Français",
  es: "Español",
  de: "Deutsch",
  it: "Italiano",
  nl: "Nederlands",
  en: "English",
}

/**
 * Headers of every answer of the page, errors and redirects included: never cached, never framed
 * (CSP and, for older browsers, X-Frame-Options), no window of another site keeps a handle on it,
 * the token never sent on as a referrer. Over https, browsers are told to stay on https (HSTS).
 */
export function pageSecurityHeaders(https: boolean): Record<string, string> {
  return {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Content-Security-Policy": pageContentSecurityPolicy(),
    ...(https ? { "Strict-Transport-Security": "max-age=31536000" } : {}),
  }
}

const BASE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

/** No script at all; with the nonce of a page that pays with the bank's confirmation, that script and Stripe.js only. */
export function pageContentSecurityPolicy(scriptNonce?: string): string {
  return scriptNonce === undefined ? BASE_POLICY : `${BASE_POLICY}; ${bankPaymentSources(scriptNonce)}`
}

export const HTML_CONTENT_TYPE = "text/html; charset=utf-8"

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1a1a1a;background:#f6f6f4;margin:0}
main{max-width:44rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.2rem;margin:0 0 .5rem}
section,.notice{background:#fff;border:1px solid #d4d4d0;border-radius:.5rem;padding:1rem;margin:1rem 0}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #e2e2de}
td.amount,th.amount{text-align:right;white-space:nowrap}
.notice.success{border-color:#1b7a3a;background:#eef8f1}.notice.error{border-color:#b3261e;background:#fdeeed}
form{margin:1rem 0;padding-top:1rem;border-top:1px solid #e2e2de}
label{display:block;font-weight:600;margin:.5rem 0 .25rem}
input,select,textarea{font:inherit;padding:.4rem;border:1px solid #767672;border-radius:.25rem;min-width:12rem}
textarea{box-sizing:border-box;width:100%}input[readonly]{background:#f0f0ec}
button{font:inherit;font-weight:600;padding:.5rem 1rem;margin-top:.5rem;border:0;border-radius:.25rem;background:#1f3b73;color:#fff;cursor:pointer}
button:focus,input:focus,select:focus,textarea:focus,a:focus{outline:3px solid #f2a900;outline-offset:2px}
.help{color:#4a4a46;font-size:.95rem}nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.75rem}
.warning{font-size:.95rem;color:#4a4a46}
ul.requests{list-style:none;padding:0}ul.requests>li{border-top:1px solid #e2e2de;padding:.5rem 0}
.message{margin:.25rem 0 .5rem;padding:.25rem .75rem;border-left:3px solid #d4d4d0}.message.merchant{border-left-color:#1f3b73;background:#f3f5fa}
.message p{margin:.25rem 0}.message .body{white-space:pre-wrap}`

function layout(locale: Locale, title: string, body: string): string {
  return `<!doctype html>
<html lang="${esc(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`
}

/** A link that cannot open a plan (expired, invalid, unknown plan): says why and what to do. */
export function renderErrorPage(locale: Locale, title: string, help?: string): string {
  return layout(locale, title, `<h1>${esc(title)}</h1>\n${help ? `<p>${esc(help)}</p>` : ""}\n<p>${esc(t(locale, "self.difficulty"))}</p>`)
}

export interface Notice {
  readonly kind: "success" | "error"
  readonly text: string
}

export interface PageInput {
  readonly row: PlanRow
  readonly locale: Locale
  readonly ctx: RevisionContext
  /** The link's token, carried by every form (in the body: never in a URL). */
  readonly token: string
  readonly notice?: Notice
  /** The sandbox processor: the card form hints at its test tokens. */
  readonly testMode?: boolean
  /** False for a plan a lender collects: no action forms (the lender's page does that); help is still asked here. */
  readonly managedHere?: boolean
  /** The plan's support requests, shown under the "Ask for help" form. */
  readonly requests?: readonly SupportRequestView[]
  /** The "Ask for help" form as the last answer left it (what was typed, its notice). */
  readonly support?: SupportFormState
  /**
   * A plan Stripe collects, with the store's publishable key: the pay-next form runs the bank's
   * 3-D Secure challenge (bank-payment.ts), its script allowed by this nonce (`pageContentSecurityPolicy`).
   */
  readonly bankPayment?: BankPayment
}

/** Whether the page carries the bank's challenge script (and so needs its Content-Security-Policy). */
export function showsBankPayment(input: PageInput): boolean {
  return input.bankPayment !== undefined && availableActions(planToSnapshot(input.row), input.ctx, input.managedHere ?? true).payNext !== null
}

export function renderPlanPage(input: PageInput): string {
  const { row, locale } = input
  const title = t(locale, "self.title")
  const parts = [
    `<h1>${esc(title)}</h1>`,
    summary(input),
    input.notice ? noticeBlock(input.notice) : "",
    statusNotes(input),
    scheduleSection(input),
    actionsSection(input),
    supportSection({ row, locale, token: input.token, timeZone: input.ctx.config.timeZone, requests: input.requests ?? [], form: input.support }),
    `<p class="warning">${esc(creditWarning(locale, input.ctx.today))}</p>`,
    `<p>${esc(t(locale, "self.difficulty"))}</p>`,
    languageNav(input),
    input.bankPayment && showsBankPayment(input) ? bankPaymentScripts(input.bankPayment.nonce) : "",
  ]
  return layout(locale, `${title} – ${planLabel(row.plan_code, locale)}`, parts.filter(Boolean).join("\n"))
}

function money(row: PlanRow, cents: number, locale: Locale): string {
  return formatMoney(cents, row.currency_code, locale)
}

function summary({ row, locale }: PageInput): string {
  const orderNumber = row.order_display_id ?? row.id
  const lines = [
    `<p><strong>${esc(t(locale, "self.order", { orderNumber }))}</strong> · ${esc(planLabel(row.plan_code, locale))} · ${esc(statusLabel("plan", row.status as PlanStatus, locale))}</p>`,
  ]
  const next = nextDue(planToSnapshot(row))
  if (next) {
    lines.push(`<p>${esc(t(locale, "self.nextInstalment", { amount: money(row, amountDue(next), locale), date: formatDate(next.dueDate, locale) }))}</p>`)
  }
  if (row.card_last4) lines.push(`<p>${esc(row.card_brand ?? "")} · ${esc(t(locale, "self.card", { last4: row.card_last4 }))}</p>`)
  return lines.join("\n")
}

function noticeBlock(notice: Notice): string {
  // An error interrupts (alert); a confirmation is announced politely (status).
  const role = notice.kind === "error" ? "alert" : "status"
  return `<div class="notice ${notice.kind}" role="${role}"><p>${esc(notice.text)}</p></div>`
}

function statusNotes({ row, locale, managedHere }: PageInput): string {
  if (managedHere === false) return `<p class="notice">${esc(refusalMessage("lender_managed", locale))}</p>`
  if (row.status === "frozen") return `<p class="notice error">${esc(t(locale, "self.frozen"))}</p>`
  const overdue = (row.instalments ?? []).filter((i) => i.status === "failed" || i.status === "late").sort((a, b) => a.number - b.number)[0]
  if (!overdue) return ""
  const amount = money(row, overdue.amount_cents + overdue.customer_fee_cents + overdue.late_fee_cents, locale)
  return `<p class="notice error">${esc(t(locale, "self.overdue", { amount, date: formatDate(overdue.due_date, locale) }))}</p>`
}

function scheduleSection({ row, locale }: PageInput): string {
  const rows = [...(row.instalments ?? [])]
    .sort((a, b) => a.number - b.number)
    .map((i) => {
      const postponed = i.due_date !== i.original_due_date ? `<br><span class="help">${esc(t(locale, "self.schedule.postponedFrom", { date: formatDate(i.original_due_date, locale) }))}</span>` : ""
      const due = i.amount_cents + i.customer_fee_cents + i.late_fee_cents
      return `<tr><th scope="row">${esc(i.number)}</th><td>${esc(formatDate(i.due_date, locale))}${postponed}</td><td class="amount">${esc(money(row, due, locale))}</td><td>${esc(statusLabel("instalment", i.status as InstalmentStatus, locale))}</td></tr>`
    })
  return `<section aria-labelledby="schedule-title">
<h2 id="schedule-title">${esc(t(locale, "self.schedule.title"))}</h2>
<table>
<thead><tr><th scope="col">${esc(t(locale, "self.schedule.instalment"))}</th><th scope="col">${esc(t(locale, "self.schedule.dueDate"))}</th><th scope="col" class="amount">${esc(t(locale, "self.schedule.amount"))}</th><th scope="col">${esc(t(locale, "self.schedule.status"))}</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
<p>${esc(t(locale, "schedule.remaining", { amount: money(row, row.outstanding_cents, locale) }))}</p>
</section>`
}

/**
 * A form posting one action back to the page, with the token and the plan version it shows: the
 * action's key is derived from that version, so submitting the same form twice (reload, double
 * click) acts once, and a form left open while the plan changed is refused, not acted on.
 */
function actionForm(input: PageInput, action: string, fields: string, button: string, id = `action-${action}`, attributes = ""): string {
  const target = `${planPagePath(input.row.id)}?locale=${encodeURIComponent(input.locale)}`
  return `<form id="${esc(id)}" method="post" action="${esc(target)}"${attributes ? ` ${attributes}` : ""}>
<input type="hidden" name="token" value="${esc(input.token)}">
<input type="hidden" name="action" value="${esc(action)}">
<input type="hidden" name="version" value="${esc(input.row.version)}">
${fields}
<button type="submit">${esc(button)}</button>
</form>`
}

function actionsSection(input: PageInput): string {
  const { row, locale, ctx } = input
  const actions = availableActions(planToSnapshot(row), ctx, input.managedHere ?? true)
  const forms: string[] = []
  if (actions.payExchange !== null) {
    const text = t(locale, "self.confirm.payExchange", { amount: money(row, actions.payExchange, locale) })
    forms.push(actionForm(input, "pay-exchange", `<p>${esc(text)}</p>`, t(locale, "self.action.payExchange")))
  }
  if (actions.payNext !== null) forms.push(payNextForm(input, actions.payNext))
  if (actions.payAll !== null) {
    const text = t(locale, "self.confirm.payAll", { amount: money(row, actions.payAll, locale) })
    forms.push(actionForm(input, "pay-early", `<input type="hidden" name="scope" value="all">\n<p>${esc(text)}</p>`, t(locale, "self.action.payAll"), "action-pay-all"))
  }
  if (actions.postpone !== null) forms.push(postponeForm(input, actions.postpone))
  if (actions.changeCard) forms.push(changeCardForm(input))
  if (actions.withdraw !== null) {
    const info = t(locale, "self.withdraw.info", { date: formatDate(actions.withdraw.until, locale) })
    const confirm = t(locale, "self.confirm.withdraw", { amount: money(row, actions.withdraw.amount, locale) })
    forms.push(actionForm(input, "withdraw", `<p>${esc(info)}</p>\n<p>${esc(confirm)}</p>`, t(locale, "self.action.withdraw")))
  }
  if (forms.length === 0) return ""
  return `<section aria-labelledby="actions-title">
<h2 id="actions-title">${esc(t(locale, "self.actions.title"))}</h2>
${forms.join("\n")}
</section>`
}

/** Pay the next instalment; with the bank's confirmation on a Stripe plan (bank-payment.ts), as a plain post without script. */
function payNextForm(input: PageInput, amount: number): string {
  const { row, locale, bankPayment } = input
  const text = `<p>${esc(t(locale, "self.confirm.payNext", { amount: money(row, amount, locale) }))}</p>`
  const scope = `<input type="hidden" name="scope" value="next">`
  if (!bankPayment) return actionForm(input, "pay-early", `${scope}\n${text}`, t(locale, "self.action.payNext"), "action-pay-next")
  const fields = `${scope}\n${text}\n<p class="help">${esc(t(locale, "self.bank.help"))}</p>\n${BANK_NOTICE}`
  return actionForm(input, "pay-early", fields, t(locale, "self.action.payWithBank"), "action-pay-next", payFormAttributes(row.id, locale, bankPayment))
}

function postponeForm(input: PageInput, postpone: { instalments: number[]; maxDays: number }): string {
  const { row, locale } = input
  const options = postpone.instalments
    .map((n) => {
      const due = row.instalments?.find((i) => i.number === n)
      const label = `${t(locale, "self.instalmentNumber", { count: n })} – ${due ? formatDate(due.due_date, locale) : ""}`
      return `<option value="${esc(n)}">${esc(label)}</option>`
    })
    .join("")
  const fields = `<label for="postpone-instalment">${esc(t(locale, "self.postpone.instalment"))}</label>
<select id="postpone-instalment" name="instalment_number">${options}</select>
<label for="postpone-days">${esc(t(locale, "self.postpone.days"))}</label>
<input id="postpone-days" name="days" type="number" inputmode="numeric" min="1" max="${esc(postpone.maxDays)}" value="${esc(Math.min(7, postpone.maxDays))}" required aria-describedby="postpone-help">
<p id="postpone-help" class="help">${esc(t(locale, "self.postpone.choose", { days: postpone.maxDays }))}</p>`
  return actionForm(input, "postpone", fields, t(locale, "self.action.postpone"))
}

function changeCardForm(input: PageInput): string {
  const { locale } = input
  const hint = input.testMode ? ` (sandbox: tok_visa, tok_mastercard, tok_amex, tok_cb)` : ""
  const fields = `<p>${esc(t(locale, "self.confirm.changeCard"))}</p>
<label for="card-token">${esc(t(locale, "self.changeCard.token"))}</label>
<input id="card-token" name="card_token" type="text" autocomplete="off" spellcheck="false" required aria-describedby="card-help">
<p id="card-help" class="help">${esc(t(locale, "self.changeCard.help") + hint)}</p>`
  return actionForm(input, "change-card", fields, t(locale, "self.action.changeCard"))
}

/** The page in another language: the session cookie opens it, so the link carries no token. */
function languageNav({ row, locale }: PageInput): string {
  const links = LOCALES.map((lang) => {
    const href = `${planPagePath(row.id)}?locale=${lang}`
    const current = lang === locale ? ' aria-current="page"' : ""
    return `<li><a href="${esc(href)}" lang="${lang}" hreflang="${lang}"${current}>${esc(LANGUAGE_NAMES[lang])}</a></li>`
  })
  return `<nav aria-label="${esc(t(locale, "self.language"))}"><ul>${links.join("")}</ul></nav>`
}
