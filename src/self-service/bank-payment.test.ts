/**
 * The bank's confirmation on the self-service page (bank-payment.ts): what the page carries (the
 * script and its Content-Security-Policy only on a Stripe plan with the publishable key, the nonce
 * of the one matching the other, never a secret key), and what the script does, run in a node vm
 * with a stand-in for the few browser objects it touches (the browser test runs it in Chromium).
 */
import vm from "node:vm"
import { defaultEngineConfig } from "../domain/config"
import { LOCALES } from "../domain/codes"
import { money } from "../domain/money"
import { applyChargeSucceeded } from "../domain/revisions/charges"
import { esc, t } from "../domain/texts"
import { chairPlan, rowOf } from "../../test-support/plan-rows"
import { bankPaymentPath, newScriptNonce } from "./bank-payment"
import { pageContentSecurityPolicy, pageSecurityHeaders, renderPlanPage, showsBankPayment, type PageInput } from "./page"

const config = defaultEngineConfig()
const ctx = { config, today: "2027-02-01", now: "2027-02-01T10:00:00.000Z" }
const NONCE = "bm9uY2Utb2YtdGhpcy1hbnN3ZXI="
const stripeRow = rowOf(chairPlan(), { processor: "stripe", version: 7 })
const withBank = (extra: Partial<PageInput> = {}): PageInput => ({ row: stripeRow, locale: "en", ctx, token: "v1.1.abc", bankPayment: { publishableKey: "pk_test_abc123", nonce: NONCE }, ...extra })

const scriptsOf = (html: string) => [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({ attributes: m[1], code: m[2] }))

describe("the page's bank confirmation: what it carries", () => {
  it("without the publishable key: no script, a Content-Security-Policy with none, the plain pay-next button", () => {
    const html = renderPlanPage({ ...withBank(), bankPayment: undefined })
    expect(scriptsOf(html)).toEqual([])
    expect(html).toContain(`<button type="submit">${t("en", "self.action.payNext")}</button>`)
    expect(html).not.toContain("data-stripe-key")
    expect(pageSecurityHeaders(false)["Content-Security-Policy"]).toBe("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
  })

  it("with it: Stripe.js and one inline script allowed by the answer's nonce, Stripe's hosts and nothing else", () => {
    const html = renderPlanPage(withBank())
    expect(showsBankPayment(withBank())).toBe(true)
    const [stripeJs, inline] = scriptsOf(html)
    expect(scriptsOf(html)).toHaveLength(2)
    expect(stripeJs).toEqual({ attributes: ' src="https://js.stripe.com/v3/"', code: "" })
    expect(inline.attributes).toBe(` nonce="${NONCE}"`)
    expect(pageContentSecurityPolicy(NONCE)).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; " +
        `script-src 'nonce-${NONCE}' https://js.stripe.com; frame-src https://js.stripe.com https://hooks.stripe.com; connect-src 'self' https://api.stripe.com`,
    )
    const scriptSources = pageContentSecurityPolicy(NONCE).split("; ").find((directive) => directive.startsWith("script-src"))
    expect(scriptSources).not.toContain("unsafe") // 'unsafe-inline' is for styles only
    expect(() => new vm.Script(inline.code)).not.toThrow()
    // The pay-next form: the bank's label, what the script reads, the publishable key only.
    const form = html.match(/<form id="action-pay-next"[^>]*>/)![0]
    expect(form).toContain('data-stripe-key="pk_test_abc123"')
    expect(form).toContain(`data-pay-url="${bankPaymentPath(stripeRow.id)}"`)
    expect(html).toContain(`<button type="submit">${esc(t("en", "self.action.payWithBank"))}</button>`)
    expect(html).not.toMatch(/sk_(test|live)_|whsec_/)
    // Without script the form still posts to the page (the off-session attempt).
    expect(form).toContain(`method="post" action="/instalments/plans/${stripeRow.id}?locale=en"`)
  })

  it("speaks the shopper's language: the label, the help, the refusal the script shows", () => {
    for (const locale of LOCALES) {
      const html = renderPlanPage(withBank({ locale }))
      expect(html).toContain(esc(t(locale, "self.action.payWithBank")))
      expect(html).toContain(esc(t(locale, "self.bank.help")))
      expect(html).toContain(`data-refused="${esc(t(locale, "self.bank.refused"))}"`)
      expect(html).toContain(`data-locale="${locale}"`)
    }
    expect(new Set(LOCALES.map((locale) => t(locale, "self.action.payWithBank"))).size).toBe(LOCALES.length)
  })

  it("carries no script when there is nothing to pay now (a completed plan), nor on a plan it does not manage", () => {
    const paid = applyChargeSucceeded(chairPlan(), { instalments: [2, 3], amount: money(16992, "eur"), at: "2027-02-01T10:00:00.000Z" }, ctx)
    if (!paid.ok) throw new Error(paid.error.message)
    const completed = withBank({ row: rowOf(paid.value.plan, { processor: "stripe" }) })
    expect(showsBankPayment(completed)).toBe(false)
    expect(scriptsOf(renderPlanPage(completed))).toEqual([])
    expect(showsBankPayment(withBank({ managedHere: false }))).toBe(false)
    expect(scriptsOf(renderPlanPage(withBank({ managedHere: false })))).toEqual([])
  })

  it("draws an unguessable nonce for each answer", () => {
    const nonces = new Set(Array.from({ length: 50 }, () => newScriptNonce()))
    expect(nonces.size).toBe(50)
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64").length).toBe(18)
  })
})

/** What the browser reads from an attribute `esc` wrote. */
const unescape = (text: string) => text.replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) => ({ lt: "<", gt: ">", quot: '"', "#39": "'", amp: "&" })[name]!)

type Answer = { status: number; body: unknown }
type Next = { paymentIntent?: { status: string }; error?: { message: string } }

/** The page's script in a vm: a form, a notice, fetch answering `answers` in turn, a Stripe.js stand-in. */
function runScript(options: { answers: Answer[]; next?: Next; stripeLoaded?: boolean; storage?: Map<string, string> }) {
  const html = renderPlanPage(withBank({ locale: "fr" }))
  const code = scriptsOf(html)[1].code
  const attribute = (name: string) => unescape(html.match(new RegExp(`${name}="([^"]*)"`))![1])
  const calls: { url: string; key: string; body: Record<string, unknown> }[] = []
  const challenges: unknown[] = []
  const storage = options.storage ?? new Map<string, string>()
  let settle: (outcome: string) => void = () => {}
  const done = new Promise<string>((resolve) => (settle = resolve))
  const notice = {
    textContent: "",
    _hidden: true,
    get hidden() {
      return this._hidden
    },
    set hidden(value: boolean) {
      this._hidden = value
      if (!value) settle(`notice: ${this.textContent}`)
    },
  }
  const button = { disabled: false }
  let submit: (event: { preventDefault(): void }) => void = () => {}
  const form = {
    dataset: { stripeKey: attribute("data-stripe-key"), payUrl: attribute("data-pay-url"), locale: attribute("data-locale"), refused: attribute("data-refused"), failed: attribute("data-failed") },
    elements: { token: { value: "v1.1.abc" }, version: { value: "7" } },
    querySelector: () => button,
    addEventListener: (_type: string, handler: typeof submit) => (submit = handler),
  }
  const answers = [...options.answers]
  const sandbox: Record<string, unknown> = {
    JSON,
    document: { getElementById: (id: string) => ({ "action-pay-next": form, "bank-payment-notice": notice })[id] ?? null },
    sessionStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v) },
    location: { reload: () => settle("reloaded") },
    fetch: async (url: string, init: { headers: Record<string, string>; body: string }) => {
      calls.push({ url, key: init.headers["idempotency-key"], body: JSON.parse(init.body) })
      const answer = answers.shift()!
      return { ok: answer.status < 400, json: async () => answer.body }
    },
  }
  if (options.stripeLoaded !== false) {
    sandbox.Stripe = (key: string, init: unknown) => ({
      handleNextAction: async (params: unknown) => {
        challenges.push({ key, init, params })
        return options.next ?? { paymentIntent: { status: "succeeded" } }
      },
    })
  }
  sandbox.window = sandbox
  vm.runInNewContext(code, sandbox)
  let prevented = false
  const send = () => submit({ preventDefault: () => (prevented = true) })
  return { send, done, calls, challenges, button, storage, prevented: () => prevented }
}

describe("the page's bank confirmation: what its script does", () => {
  const requiresAction = { status: 200, body: { message: "…", requires_action: { type: "authenticate", intent: "payment", client_secret: "pi_1_secret_2" } } }

  it("posts the JSON route on-session, runs the bank's challenge, sends the same request again (same key), then reloads", async () => {
    const run = runScript({ answers: [requiresAction, { status: 200, body: { message: "Merci" } }] })
    run.send()
    expect(await run.done).toBe("reloaded")
    expect(run.prevented()).toBe(true)
    const request = { url: bankPaymentPath(stripeRow.id), key: "page-pay-next-v7-0", body: { token: "v1.1.abc", scope: "next", authenticate: true, locale: "fr" } }
    expect(run.calls).toEqual([request, request])
    expect(run.challenges).toEqual([{ key: "pk_test_abc123", init: { locale: "fr" }, params: { clientSecret: "pi_1_secret_2" } }])
  })

  it("reloads at once when no challenge is asked (the bank let it through)", async () => {
    const run = runScript({ answers: [{ status: 200, body: { message: "Merci" } }] })
    run.send()
    expect(await run.done).toBe("reloaded")
    expect([run.calls.length, run.challenges.length]).toEqual([1, 0])
  })

  it("a failed challenge: the refusal in the shopper's language, the button back, the next try a new key", async () => {
    const storage = new Map<string, string>()
    const failed = runScript({ storage, answers: [requiresAction, { status: 400, body: { message: "authentication_failed: …" } }], next: { error: { message: "We are unable to authenticate your payment method." } } })
    failed.send()
    expect(await failed.done).toBe(`notice: ${t("fr", "self.bank.refused")}`)
    expect(failed.button.disabled).toBe(false)
    expect(failed.calls.map((c) => c.key)).toEqual(["page-pay-next-v7-0", "page-pay-next-v7-0"])
    // The page reloaded by the shopper (same plan version): the next try is another request.
    const again = runScript({ storage, answers: [{ status: 200, body: { message: "Merci" } }] })
    again.send()
    expect(await again.done).toBe("reloaded")
    expect(again.calls.map((c) => c.key)).toEqual(["page-pay-next-v7-1"])
  })

  it("a refusal of the plugin shows its message without its code", async () => {
    const run = runScript({ answers: [{ status: 409, body: { message: "plan_busy: Un paiement est en cours." } }] })
    run.send()
    expect(await run.done).toBe("notice: Un paiement est en cours.")
  })

  it("without Stripe.js (blocked, offline), leaves the form to post as without script", () => {
    const run = runScript({ answers: [], stripeLoaded: false })
    run.send()
    expect(run.prevented()).toBe(false)
    expect(run.calls).toEqual([])
  })
})
