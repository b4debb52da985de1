/**
 * The bank's confirmation (3-D Secure) on the self-service page, for a plan Stripe collects when the
 * store set `stripe.publishable_key`. The page is otherwise script-free; this is its only script:
 *
 *   1. Stripe.js loads from https://js.stripe.com/v3/ (this page only);
 *   2. the pay-next form, submitted, posts POST /instalments/plans/:id/pay-early
 *      { token, scope: "next", authenticate: true } (JSON, the form's token, an Idempotency-Key
 *      derived from the plan version the form shows and the number of refused attempts on it, kept
 *      in sessionStorage: a double click or a reload acts once, a try after a refusal is a new one);
 *   3. on `requires_action`, Stripe.js's handleNextAction shows the bank's challenge; then the same
 *      request again (same key) settles the payment from what Stripe says;
 *   4. the page reloads to show the result; a failed challenge says so in the shopper's language.
 *
 * Without JavaScript, or when Stripe.js did not load, the form posts as any other (an off-session
 * attempt). The page's Content-Security-Policy allows this inline script by a nonce drawn for each
 * answer, and Stripe's hosts for scripts, frames and calls, as Stripe documents them; nothing else.
 */
import { randomBytes } from "node:crypto"
import { esc, t } from "../domain/texts"
import type { Locale } from "../domain/codes"
import { planPagePath } from "../modules/instalments/shopper-links/signing"

export const STRIPE_JS_URL = "https://js.stripe.com/v3/"

/** What the page needs to run the bank's challenge: Stripe's publishable key, this answer's script nonce. */
export interface BankPayment {
  readonly publishableKey: string
  readonly nonce: string
}

/** A fresh nonce for one answer's inline script (CSP nonces must be unguessable, so random). */
export function newScriptNonce(): string {
  return randomBytes(18).toString("base64")
}

/** The CSP directives the script needs: its nonce, and Stripe.js's hosts (https://docs.stripe.com/security/guide#content-security-policy). */
export function bankPaymentSources(nonce: string): string {
  return `script-src 'nonce-${nonce}' https://js.stripe.com; frame-src https://js.stripe.com https://hooks.stripe.com; connect-src 'self' https://api.stripe.com`
}

/** The JSON route the script posts (src/api/instalments/plans/[id]/pay-early). */
export function bankPaymentPath(planId: string): string {
  return `${planPagePath(planId)}/pay-early`
}

/** The pay-next form's attributes the script reads (all escaped: the key is the store's option). */
export function payFormAttributes(planId: string, locale: Locale, bank: BankPayment): string {
  return [
    `data-stripe-key="${esc(bank.publishableKey)}"`,
    `data-pay-url="${esc(bankPaymentPath(planId))}"`,
    `data-locale="${esc(locale)}"`,
    `data-refused="${esc(t(locale, "self.bank.refused"))}"`,
    `data-failed="${esc(t(locale, "self.error.generic"))}"`,
  ].join(" ")
}

/** Where the script says a refusal, until the page reloads. */
export const BANK_NOTICE = `<div id="bank-payment-notice" class="notice error" role="alert" hidden></div>`

/**
 * The script, ES5 with no framework. A Store-style refusal's message is "code: text"; the page
 * shows the text only (as splitRefusal does server-side).
 */
const SCRIPT = `(function () {
  var form = document.getElementById("action-pay-next");
  var notice = document.getElementById("bank-payment-notice");
  if (!form || !notice || !window.fetch || !window.JSON) return;
  var data = form.dataset;
  function textOf(body) {
    var message = body && typeof body.message === "string" ? body.message : "";
    return message.split(" | ").map(function (part) { return part.replace(/^[a-z0-9_]+: /, ""); }).join(" ") || data.failed;
  }
  function pay(key) {
    return fetch(data.payUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", "idempotency-key": key },
      body: JSON.stringify({ token: form.elements.token.value, scope: "next", authenticate: true, locale: data.locale })
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (body) {
        if (!res.ok) throw new Error(textOf(body));
        return body;
      });
    });
  }
  var attempts = "instalments-bank-attempts:" + data.payUrl + ":v" + form.elements.version.value;
  var refusedHere = 0;
  function refusedSoFar() {
    try { return Number(window.sessionStorage.getItem(attempts)) || 0; } catch (e) { return refusedHere; }
  }
  function countRefusal() {
    refusedHere = refusedSoFar() + 1;
    try { window.sessionStorage.setItem(attempts, String(refusedHere)); } catch (e) { /* private mode: this page load only */ }
  }
  form.addEventListener("submit", function (event) {
    if (typeof window.Stripe !== "function") return;
    event.preventDefault();
    var button = form.querySelector("button");
    button.disabled = true;
    notice.hidden = true;
    var key = "page-pay-next-v" + form.elements.version.value + "-" + refusedSoFar();
    var stripe = window.Stripe(data.stripeKey, { locale: data.locale });
    pay(key).then(function (answer) {
      if (!answer.requires_action) return;
      return stripe.handleNextAction({ clientSecret: answer.requires_action.client_secret }).then(function (result) {
        return pay(key).then(function (again) {
          if ((result && result.error) || again.requires_action) throw new Error(data.refused);
        }, function (error) {
          throw (result && result.error) ? new Error(data.refused) : error;
        });
      });
    }).then(function () {
      window.location.reload();
    }, function (error) {
      countRefusal();
      notice.textContent = (error && error.message) || data.failed;
      notice.hidden = false;
      button.disabled = false;
    });
  });
})();`

/** Stripe.js and the page's script, at the end of the body. */
export function bankPaymentScripts(nonce: string): string {
  return `<script src="${STRIPE_JS_URL}"></script>\n<script nonce="${esc(nonce)}">${SCRIPT}</script>`
}
