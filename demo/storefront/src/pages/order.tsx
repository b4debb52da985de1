/**
 * The confirmation: the order number, the kit's confirmation block (the dated schedule, the card)
 * and the link to the plan's self-service page. In a real store that link comes in the
 * confirmation e-mail; the demo's server reads it from the Admin API (serve.ts) so that it can be
 * clicked right here.
 */
import { useEffect, useState } from "react"
import { InstalmentsConfirmation } from "medusa-instalments/storefront/react"
import { useDemo } from "../context"
import { Link } from "../router"
import { confirmations } from "../shop"

/** The plan is attached to the order just after it is placed: ask again for a few seconds. */
function useSelfServiceLink(orderId: string): string | undefined {
  const [url, setUrl] = useState<string>()
  useEffect(() => {
    let stopped = false
    const ask = async (attempt: number) => {
      const response = await fetch(`/demo/self-service-link?order_id=${encodeURIComponent(orderId)}`).catch(() => null)
      if (stopped) return
      if (response?.ok) return setUrl(((await response.json()) as { url: string }).url)
      if (attempt < 40 && response?.status !== 400) setTimeout(() => void ask(attempt + 1), 250)
    }
    void ask(0)
    return () => {
      stopped = true
    }
  }, [orderId])
  return url
}

export function OrderPage(props: { orderId: string }) {
  const { language, say } = useDemo()
  const confirmation = confirmations.get(props.orderId)
  const link = useSelfServiceLink(props.orderId)
  return (
    <section className="demo-card">
      <h1>{say("thanks", { number: confirmation?.displayId ?? props.orderId })}</h1>
      {confirmation && (
        <InstalmentsConfirmation
          schedule={confirmation.schedule}
          currencyCode={confirmation.currencyCode}
          locale={language}
          card={confirmation.card}
          selfServiceUrl={link ? `${link}&locale=${language}` : undefined}
        />
      )}
      {link && <p className="demo-note">{say("byEmail")}</p>}
      <Link to="/">{say("continueShopping")}</Link>
    </section>
  )
}
