/**
 * Where Alma sends the shopper back (the alma provider's return_url, ?pid=…): the kit asks the
 * store, which places the order once Alma accepted (or finds the one its IPN already placed).
 */
import { useEffect, useState } from "react"
import type { AlmaReturn } from "medusa-instalments/storefront"
import { useDemo } from "../context"
import { Link, navigate, useLocation } from "../router"
import { almaChoice, cartStore, confirmations } from "../shop"

export function AlmaReturnPage() {
  const { shop, language, say } = useDemo()
  const { query } = useLocation()
  const [answer, setAnswer] = useState<AlmaReturn | { type: "error"; message: string } | null>(null)
  const pid = query.get("pid")
  useEffect(() => {
    const cartId = cartStore.get()
    if (!pid || !cartId) return setAnswer({ type: "error", message: "This page needs Alma's pid and the shop's cart." })
    shop.client.almaReturn({ pid, cartId, locale: language }).then(
      (result) => {
        if (result.type === "order") {
          const choice = almaChoice.get()
          if (choice) confirmations.save({ orderId: result.order.id, displayId: result.order.display_id, ...choice })
          cartStore.clear()
          return navigate(`/orders/${result.order.id}`)
        }
        setAnswer(result)
      },
      (error: Error) => setAnswer({ type: "error", message: error.message }),
    )
    // Asked once per return; the language is the one the shopper left with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shop, pid])
  if (!answer) return <p role="status">{say("almaBack")}</p>
  return (
    <section className="demo-card" role="alert">
      {answer.type === "pending" && (
        <>
          <p>{say("almaPending")}</p>
          {answer.payment_url && <a href={answer.payment_url}>{say("almaRetry")}</a>}
        </>
      )}
      {answer.type === "refused" && (
        <>
          <p>{say("almaRefused")}</p>
          <ul className="demo-error">
            {answer.reasons.map((reason) => (
              <li key={reason.code}>{reason.message}</li>
            ))}
          </ul>
        </>
      )}
      {answer.type === "error" && <p className="demo-error">{answer.message}</p>}
      <Link to="/checkout">{say("backToCheckout")}</Link>
    </section>
  )
}
