/**
 * The plans linked to a plan (business rules §8): those sharing a card fingerprint (any card either
 * has used), the e-mail or the phone. One statement on indexed columns: `card_fingerprints &&`
 * uses the GIN index IDX_instalment_plan_card_fingerprints, the e-mail and phone keys their b-tree
 * indexes (IDX_instalment_plan_email_key, IDX_instalment_plan_phone_key); Postgres ORs the three
 * bitmaps. Why each is linked is the domain's to say (src/domain/linked-plans.ts).
 */
import { linkReasons, type LinkKeys, type LinkReason } from "../../../domain/linked-plans"
import { planNotFound } from "../errors"
import type { Run } from "../sql"

/** At most this many linked plans are listed (and acted on): a real shopper has a handful. */
export const MAX_LINKED_PLANS = 200

export interface LinkedPlanFound {
  plan_id: string
  order_id: string | null
  reasons: LinkReason[]
  /** What acting on it needs: who collects it, and the card it is charged to. */
  processor: string
  card_reference: string | null
}

type KeyRow = { id: string; order_id: string | null; processor: string; card_reference: string | null; card_fingerprints: string[] | null; email_key: string | null; phone_key: string | null }

const keysOf = (row: KeyRow): LinkKeys => ({ fingerprints: row.card_fingerprints ?? [], emailKey: row.email_key, phoneKey: row.phone_key })

/** A Postgres array literal of plain strings (each quoted, quotes and backslashes escaped). */
function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`
}

const COLUMNS = "id, order_id, processor, card_reference, card_fingerprints, email_key, phone_key"

/** The plan's link keys and the plans linked to it, oldest first. */
export async function findLinkedPlans(run: Run, planId: string): Promise<{ plan: KeyRow; linked: LinkedPlanFound[] }> {
  const [plan] = (await run(`select ${COLUMNS} from instalment_plan where id = ? and deleted_at is null`, [planId])) as KeyRow[]
  if (!plan) throw planNotFound(planId)
  const keys = keysOf(plan)
  const rows = (await run(
    `select ${COLUMNS} from instalment_plan
      where deleted_at is null and id <> ?
        and (card_fingerprints && ?::text[] or email_key = ? or phone_key = ?)
      order by created_at, id limit ${MAX_LINKED_PLANS}`,
    [planId, textArray(keys.fingerprints), keys.emailKey, keys.phoneKey],
  )) as KeyRow[]
  const linked = rows
    .map((row) => ({ plan_id: row.id, order_id: row.order_id, reasons: linkReasons(keys, keysOf(row)), processor: row.processor, card_reference: row.card_reference }))
    .filter((l) => l.reasons.length > 0)
  return { plan, linked }
}
