/**
 * The page's "Ask for help" section (docs/business-rules.md §9): the form a shopper opens a support
 * request with, and their plan's requests with the store's replies. Plain HTML like the rest of the
 * page: the form posts back to the page with the link's token in its body (no script, no CSRF:
 * another site cannot know the token), and the answer lands on this section (`#support`).
 *
 * A category the page solves itself (postpone, change card, pay) first points to that action; the
 * form then sends the request anyway if the shopper still wants to (`send_anyway`).
 */
import { toLocalDate } from "../domain/calendar"
import { SUPPORT_CATEGORIES, type Locale } from "../domain/codes"
import { MAX_SUPPORT_MESSAGE_LENGTH, type PageRemedy } from "../domain/support-request"
import { esc, formatDate, t, type MessageKey } from "../domain/texts"
import type { PlanRow } from "../modules/instalments/mapping"
import type { SupportRequestView } from "../modules/instalments/support"
import { planPagePath } from "../modules/instalments/shopper-links/signing"

/** The form's `action` field: tells the page's POST route a support request from a plan action. */
export const SUPPORT_FORM_ACTION = "support-request"

/** The id of the page's form for each remedy (page.ts gives its action forms these ids). */
export const REMEDY_FORM_IDS: Readonly<Record<PageRemedy, string>> = {
  postpone: "action-postpone",
  change_card: "action-change-card",
  pay_now: "action-pay-next",
}

const REMEDY_TEXTS: Readonly<Record<PageRemedy, { explain: MessageKey; link: MessageKey }>> = {
  postpone: { explain: "self.support.solve.postpone", link: "self.action.postpone" },
  change_card: { explain: "self.support.solve.changeCard", link: "self.action.changeCard" },
  pay_now: { explain: "self.support.solve.payNow", link: "self.action.payNext" },
}

export interface SupportNotice {
  readonly kind: "success" | "error"
  readonly text: string
}

/** The form as the last answer left it: what the shopper typed, and what the page says about it. */
export interface SupportFormState {
  readonly category?: string
  readonly message?: string
  /** The page's own action for the chosen category, offered before the request is sent. */
  readonly remedy?: PageRemedy
  readonly notice?: SupportNotice
}

export interface SupportSectionInput {
  readonly row: PlanRow
  readonly locale: Locale
  readonly token: string
  /** The store's time zone: the day each message was sent, on the store's calendar. */
  readonly timeZone: string
  readonly requests: readonly SupportRequestView[]
  readonly form?: SupportFormState
}

export function supportSection(input: SupportSectionInput): string {
  const { locale, form } = input
  return `<section id="support" aria-labelledby="support-title">
<h2 id="support-title">${esc(t(locale, "self.support.title"))}</h2>
<p>${esc(t(locale, "self.support.intro"))}</p>
${form?.notice ? notice(form.notice) : ""}
${form?.remedy ? remedyNote(locale, form.remedy) : ""}
${supportForm(input)}
${requestList(input)}
</section>`
}

function notice({ kind, text }: SupportNotice): string {
  return `<div class="notice ${kind}" role="${kind === "error" ? "alert" : "status"}"><p>${esc(text)}</p></div>`
}

function remedyNote(locale: Locale, remedy: PageRemedy): string {
  const texts = REMEDY_TEXTS[remedy]
  return `<div class="notice" role="status" id="support-remedy"><p>${esc(t(locale, texts.explain))} <a href="#${REMEDY_FORM_IDS[remedy]}">${esc(t(locale, texts.link))}</a></p>
<p>${esc(t(locale, "self.support.solve.orSend"))}</p></div>`
}

function supportForm({ row, locale, token, requests, form }: SupportSectionInput): string {
  const target = `${planPagePath(row.id)}?locale=${encodeURIComponent(locale)}#support`
  const chosen = form?.category
  const options = SUPPORT_CATEGORIES.map((c) => `<option value="${c}"${c === chosen ? " selected" : ""}>${esc(t(locale, `support.category.${c}`))}</option>`)
  const orderReference = String(row.order_display_id ?? row.id)
  // The number of requests the form was shown with keys the request: the same form sent twice opens one.
  return `<form method="post" action="${esc(target)}">
<input type="hidden" name="token" value="${esc(token)}">
<input type="hidden" name="action" value="${SUPPORT_FORM_ACTION}">
<input type="hidden" name="requests_seen" value="${esc(requests.length)}">
${form?.remedy ? '<input type="hidden" name="send_anyway" value="1">' : ""}
<label for="support-order">${esc(t(locale, "self.support.order"))}</label>
<input id="support-order" type="text" value="${esc(orderReference)}" readonly>
<label for="support-category">${esc(t(locale, "self.support.category"))}</label>
<select id="support-category" name="category" required aria-describedby="support-category-help">
<option value=""${chosen ? "" : " selected"}>—</option>${options.join("")}
</select>
<p id="support-category-help" class="help">${esc(t(locale, "self.support.orderMatters"))}</p>
<label for="support-message">${esc(t(locale, "self.support.message"))}</label>
<textarea id="support-message" name="message" rows="5" maxlength="${MAX_SUPPORT_MESSAGE_LENGTH}" required aria-describedby="support-message-help">${esc(form?.message ?? "")}</textarea>
<p id="support-message-help" class="help">${esc(t(locale, "self.support.messageHelp", { max: MAX_SUPPORT_MESSAGE_LENGTH }))}</p>
<button type="submit">${esc(t(locale, form?.remedy ? "self.support.sendAnyway" : "self.support.send"))}</button>
</form>`
}

/** The plan's requests, newest first, each with its messages in the order they were written. */
function requestList({ locale, timeZone, requests }: SupportSectionInput): string {
  if (requests.length === 0) return ""
  const day = (instant: string) => formatDate(toLocalDate(instant, timeZone), locale)
  const items = [...requests].reverse().map((request) => {
    const heading = [
      `<strong>${esc(t(locale, `support.category.${request.category}`))}</strong>`,
      esc(t(locale, "self.support.openedOn", { date: day(request.opened_at) })),
      esc(t(locale, request.status === "open" ? "self.support.status.open" : "self.support.status.closed")),
    ].join(" · ")
    const messages = request.messages.map((m) => {
      const author = t(locale, m.author === "merchant" ? "self.support.author.merchant" : "self.support.author.shopper")
      return `<div class="message ${m.author}"><p class="help">${esc(author)} · ${esc(day(m.sent_at))}</p><p class="body">${esc(m.body)}</p></div>`
    })
    return `<li><p>${heading}</p>\n${messages.join("\n")}</li>`
  })
  return `<h3>${esc(t(locale, "self.support.requests"))}</h3>
<ul class="requests">
${items.join("\n")}
</ul>`
}
