/**
 * The quote for an amount or a cart, fetched again when what it depends on changes. An answer
 * that arrives after a newer request started is dropped, so a quick change of quantity never
 * shows the older amount's quote.
 */
import { useEffect, useState } from "react"
import type { QuoteInput } from "../quote.js"
import type { Quote } from "../types.js"

/** Anything that quotes: createQuoteClient(...) or createInstalmentsClient(...). */
export type QuoteSource = { quote: (input: QuoteInput) => Promise<Quote> }

export type QuoteState = { status: "loading" } | { status: "ready"; quote: Quote } | { status: "failed"; error: Error }

export function useQuote(client: QuoteSource, input: QuoteInput | null): QuoteState {
  const [state, setState] = useState<QuoteState>({ status: "loading" })
  const key = JSON.stringify(input)
  useEffect(() => {
    if (!input) return
    let current = true
    setState({ status: "loading" })
    client.quote(input).then(
      (quote) => current && setState({ status: "ready", quote }),
      (error: Error) => current && setState({ status: "failed", error }),
    )
    return () => {
      current = false
    }
    // The input is compared by value (key): a new object with the same fields asks nothing again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key])
  return state
}
