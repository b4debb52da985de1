/**
 * What the module keeps of a payment session's shopper (`instalment_session_shopper`): the phone,
 * the e-mail, the customer, the cart and the card's reference, out of Medusa's payment session
 * data, which anyone holding the cart id can read. One row per session, replaced when the
 * session is updated and deleted with it.
 */
import type { Run } from "../sql"
import type { SessionShopper } from "./session-data"

/** Keeps (or replaces) what a payment session holds of the shopper. */
export async function keepSessionShopper(run: Run, shopper: SessionShopper): Promise<void> {
  await run(
    `insert into instalment_session_shopper (id, provider, cart_id, customer_id, owner_customer_id, email, phone, card_reference, card_fingerprint, addresses)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
     on conflict (id) do update set provider = excluded.provider, cart_id = excluded.cart_id, customer_id = excluded.customer_id,
       owner_customer_id = excluded.owner_customer_id, email = excluded.email, phone = excluded.phone,
       card_reference = excluded.card_reference, card_fingerprint = excluded.card_fingerprint, addresses = excluded.addresses, updated_at = now(), deleted_at = null`,
    [
      shopper.id,
      shopper.provider,
      shopper.cart_id,
      shopper.customer_id,
      shopper.owner_customer_id,
      shopper.email,
      shopper.phone,
      shopper.card_reference,
      shopper.card_fingerprint ?? null,
      shopper.addresses ? JSON.stringify(shopper.addresses) : null,
    ],
  )
}

/** What the module kept of a payment session's shopper, if anything. */
export async function readSessionShopper(run: Run, sessionId: string): Promise<SessionShopper | null> {
  const [row] = (await run(
    `select id, provider, cart_id, customer_id, owner_customer_id, email, phone, card_reference, card_fingerprint, addresses
     from instalment_session_shopper where id = ? and deleted_at is null`,
    [sessionId],
  )) as SessionShopper[]
  return row ?? null
}

/** Medusa deleted the payment session: what it held of the shopper goes too. */
export async function forgetSessionShopper(run: Run, sessionId: string): Promise<void> {
  await run(`delete from instalment_session_shopper where id = ?`, [sessionId])
}
