/**
 * The payment step, built from the kit: the plan picker (nothing pre-selected) and the sandbox
 * card form for the store's own instalments, or the plan picker and a button to Alma's page.
 * A refusal (a prepaid card, a declined one) is shown above the plans in the shopper's language;
 * the cart stays open, so the shopper picks another card or way to pay and tries again.
 */
import { useState } from "react"
import type { PlanCode, Quote } from "medusa-instalments/storefront"
import { PlanPicker, SandboxCardForm, useQuote } from "medusa-instalments/storefront/react"
import { useDemo } from "../context"
import { navigate } from "../router"
import { almaChoice, cartStore, confirmations } from "../shop"

type Method = "direct" | "alma"

export function Payment(props: { cartId: string; currencyCode: string }) {
  const { say } = useDemo()
  const [method, setMethod] = useState<Method>("direct")
  return (
    <>
      <fieldset className="demo-methods">
        <legend>{say("payWith")}</legend>
        {(["direct", "alma"] as const).map((value) => (
          <label key={value}>
            <input type="radio" name="demo-method" value={value} checked={method === value} onChange={() => setMethod(value)} /> {say(value)}
          </label>
        ))}
      </fieldset>
      {method === "direct" ? <DirectPayment {...props} /> : <AlmaPayment {...props} />}
    </>
  )
}

function usePlans(cartId: string, provider?: "alma") {
  const { shop, language } = useDemo()
  const state = useQuote(shop.client, { cartId, locale: language, ...(provider ? { provider } : {}) })
  const [plan, setPlan] = useState<PlanCode | null>(null)
  const [refusal, setRefusal] = useState<string | null>(null)
  const chosen = state.status === "ready" ? state.quote.plans.find((p) => p.code === plan) : undefined
  return { state, plan, setPlan, chosen, refusal, setRefusal }
}

function Picker(props: { quote: Quote; plans: ReturnType<typeof usePlans> }) {
  const { language } = useDemo()
  return <PlanPicker quote={props.quote} locale={language} value={props.plans.plan} onChange={props.plans.setPlan} refusal={props.plans.refusal} />
}

function DirectPayment(props: { cartId: string; currencyCode: string }) {
  const { shop, language, say } = useDemo()
  const plans = usePlans(props.cartId)
  const [busy, setBusy] = useState(false)
  if (plans.state.status === "loading") return <p>{say("loading")}</p>
  if (plans.state.status === "failed") return <p className="demo-error">{plans.state.error.message}</p>
  const pay = async ({ cardToken, phone }: { cardToken: string; phone: string }) => {
    if (!plans.plan) return plans.setRefusal(say("pickPlan"))
    setBusy(true)
    plans.setRefusal(null)
    try {
      const session = await shop.client.startInstalmentsSession({ cartId: props.cartId, plan: plans.plan, cardToken, phone, locale: language })
      if (session.type === "refused") return plans.setRefusal(session.message)
      const placed = await shop.client.placeOrder(props.cartId)
      if (placed.type === "order") {
        const { schedule, card } = session.session.data
        confirmations.save({ orderId: placed.order.id, displayId: placed.order.display_id, currencyCode: props.currencyCode, schedule, card })
        cartStore.clear()
        return navigate(`/orders/${placed.order.id}`)
      }
      if (placed.type === "requires_more" && placed.url) return window.location.assign(placed.url)
      plans.setRefusal(placed.type === "cart" ? placed.error.message : placed.message)
    } catch (error) {
      plans.setRefusal((error as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <Picker quote={plans.state.quote} plans={plans} />
      {plans.refusal && <p className="demo-note">{say("anotherCard")}</p>}
      {/* No plan possible (the amount, the country): no card to ask for. */}
      {plans.state.quote.plans.some((plan) => plan.eligible) && <SandboxCardForm locale={language} submitLabel={plans.chosen?.accept_label} onSubmit={pay} disabled={busy || !plans.chosen} defaultPhone="+33 6 12 34 56 78" />}
    </>
  )
}

function AlmaPayment(props: { cartId: string }) {
  const { shop, language, say } = useDemo()
  const plans = usePlans(props.cartId, "alma")
  const [busy, setBusy] = useState(false)
  if (plans.state.status === "loading") return <p>{say("loading")}</p>
  if (plans.state.status === "failed") return <p className="demo-error">{plans.state.error.message}</p>
  const { currency_code: currencyCode } = plans.state.quote
  const toAlma = async () => {
    if (!plans.chosen) return plans.setRefusal(say("pickPlan"))
    setBusy(true)
    plans.setRefusal(null)
    try {
      const session = await shop.client.startAlmaSession({ cartId: props.cartId, plan: plans.chosen.code, locale: language })
      if (session.type === "refused") return plans.setRefusal(session.message)
      // The confirmation after Alma's page shows the schedule the shopper chose here.
      almaChoice.save({ schedule: plans.chosen, currencyCode })
      window.location.assign(session.session.data.payment_url)
    } catch (error) {
      plans.setRefusal((error as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <Picker quote={plans.state.quote} plans={plans} />
      <button className="demo-button" onClick={toAlma} disabled={busy || !plans.chosen}>
        {say("toAlma")}
      </button>
    </>
  )
}
