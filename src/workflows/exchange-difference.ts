/**
 * What a Medusa exchange changes in what the shopper owes, from what they actually paid (security
 * review M6): each line at Medusa's own computed total per unit (its promotions, adjustments and
 * taxes included), never at its list `unit_price`. Medusa 2.21 leaves the exchange's
 * `difference_due` empty, and its order summary only counts the returned lines once they are
 * received, so the difference is read from the exchange's confirmed order change instead: the lines
 * it sends out and the shipping it adds, less the lines coming back.
 */
import { MathBN } from "@medusajs/framework/utils"
import { fromMajor, money, type Money } from "../domain/money"

/** An amount as Medusa's query answers it: a number, a string, its raw form or its BigNumber. */
type Amount = unknown

/** An order line as Medusa's query computes it (fields `items.total`, `items.fulfilled_total`, `items.detail.*`). */
export interface PaidLine {
  id: string
  quantity: Amount
  /** What the line costs now (its quantity less what came back), adjustments and taxes included. */
  total: Amount
  /** What the fulfilled units cost, adjustments and taxes included. */
  fulfilled_total?: Amount
  detail?: { fulfilled_quantity?: Amount; return_received_quantity?: Amount; return_dismissed_quantity?: Amount } | null
}

export interface PaidShipping {
  id: string
  total: Amount
}

export interface ChangeAction {
  action: string
  reference_id?: string | null
  details?: { quantity?: Amount; reference_id?: string | null } | null
}

export interface ExchangeDifference {
  /** What goes out (lines and shipping) less what comes back, as paid: negative when cheaper. */
  difference: Money
  /** What the shopper paid for the lines coming back: a cheaper exchange never takes off more. */
  paidForReturned: Money
}

/** The difference an exchange's confirmed actions make, in `currency`, from the order's computed lines. */
export function exchangeDifference(
  actions: readonly ChangeAction[],
  order: { items: readonly PaidLine[]; shipping_methods: readonly PaidShipping[] },
  currency: string,
): ExchangeDifference {
  const lines = new Map(order.items.map((line) => [line.id, line]))
  const shipping = new Map(order.shipping_methods.map((method) => [method.id, method]))
  const lineOf = (id: string | null | undefined) => {
    const line = lines.get(id ?? "")
    if (!line) throw new Error(`the exchange refers to line ${id}, which the order does not have`)
    return line
  }
  let goingOut = MathBN.convert(0)
  let comingBack = MathBN.convert(0)
  for (const action of actions) {
    const quantity = value(action.details?.quantity)
    if (action.action === "ITEM_ADD") goingOut = MathBN.add(goingOut, MathBN.mult(paidPerUnit(lineOf(action.details?.reference_id)), quantity))
    else if (action.action === "RETURN_ITEM") comingBack = MathBN.add(comingBack, MathBN.mult(paidPerUnit(lineOf(action.details?.reference_id)), quantity))
    else if (action.action === "SHIPPING_ADD") {
      const method = shipping.get(action.reference_id ?? "")
      if (!method) throw new Error(`the exchange adds shipping method ${action.reference_id}, which the order does not have`)
      goingOut = MathBN.add(goingOut, computed(method.total, `shipping method ${method.id}`))
    }
  }
  // Each side rounded to the cent once, the way Medusa rounds what it collects or refunds.
  const out = cents(goingOut.toFixed(), currency)
  const back = cents(comingBack.toFixed(), currency)
  return { difference: money(out.cents - back.cents, currency), paidForReturned: back }
}

/**
 * What one unit of a line cost the shopper. `total` covers the units still on the order (its
 * quantity less what was received back or dismissed); once none is left, the fulfilled units say
 * it (a line can only come back once fulfilled).
 */
function paidPerUnit(line: PaidLine): ReturnType<typeof MathBN.convert> {
  const gone = MathBN.add(value(line.detail?.return_received_quantity), value(line.detail?.return_dismissed_quantity))
  const left = MathBN.sub(value(line.quantity), gone)
  if (MathBN.gt(left, 0)) return MathBN.div(computed(line.total, `line ${line.id}`), left)
  const fulfilled = value(line.detail?.fulfilled_quantity)
  if (!MathBN.gt(fulfilled, 0)) throw new Error(`line ${line.id} has no unit left whose price Medusa computes`)
  return MathBN.div(computed(line.fulfilled_total, `line ${line.id}`), fulfilled)
}

/** A total Medusa computed: missing means the query did not ask for it, which must not read as 0. */
function computed(amount: Amount, what: string): number | string {
  if (amount === null || amount === undefined) throw new Error(`Medusa computed no total for ${what}: query its total fields`)
  return value(amount)
}

function value(amount: Amount): number | string {
  if (amount === null || amount === undefined) return 0
  if (typeof amount === "number" || typeof amount === "string") return amount
  // A raw amount ({ value, precision }) or Medusa's BigNumber (whose `raw` is one), read by shape:
  // its class may come from another copy of @medusajs/utils, where `instanceof` fails.
  const shaped = amount as { value?: unknown; raw?: { value?: unknown }; toJSON?: () => unknown }
  const raw = typeof shaped.value === "string" ? shaped.value : shaped.raw?.value
  if (typeof raw === "string") return raw
  const json = shaped.toJSON?.()
  if (typeof json === "number" || typeof json === "string") return json
  throw new Error(`${String(amount)} is not an amount Medusa computes`)
}

function cents(major: string, currency: string): Money {
  const parsed = fromMajor(major, currency)
  if (!parsed.ok) throw new Error(`Medusa computed ${major} ${currency}: ${parsed.error.message}`)
  return parsed.value
}
