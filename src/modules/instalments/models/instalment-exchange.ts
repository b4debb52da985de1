import { model } from "@medusajs/framework/utils"

/**
 * One Medusa exchange applied to a plan (docs/business-rules.md §6), and how far Medusa's books
 * have caught up with it. The plan itself was revised when the exchange was applied; this row only
 * ties the exchange to what settles it in Medusa:
 *
 * - cheaper (`difference_cents` < 0): the plan already took the difference off its last
 *   instalments, so the Medusa refund that records it must not be applied to the plan again.
 *   `refund_awaited` → `refund_armed` (the plugin is about to issue that refund: `refund_nonce`,
 *   `armed_at`) → `settled` (the provider recognised it: `medusa_refund_id`). A refund is taken
 *   for the exchange's only while it is armed, never because of its amount.
 * - dearer (`difference_cents` > 0): the shopper owes the difference, paid by card from their
 *   link; Medusa opened `payment_collection_id` for it. `payment_awaited` (`paying_key`: the
 *   shopper's payment operation that covers it, once started) → `paid` (the plugin charged it) →
 *   `settled` (that collection marked paid in Medusa). A collection whose amount is not the
 *   exchange's is left alone and the refusal kept in `collection_problem`.
 */
const InstalmentExchange = model
  .define("instalment_exchange", {
    id: model.id({ prefix: "iexc" }).primaryKey(),
    plan_id: model.text(),
    /** Medusa's exchange id (`oexc_…`): one row per exchange. */
    exchange_id: model.text(),
    /** What the exchange adds to the order, from what the shopper paid: negative when cheaper. */
    difference_cents: model.number(),
    currency_code: model.text(),
    status: model.enum(["refund_awaited", "refund_armed", "settled", "payment_awaited", "paid"]),
    refund_nonce: model.text().nullable(),
    armed_at: model.dateTime().nullable(),
    medusa_refund_id: model.text().nullable(),
    payment_collection_id: model.text().nullable(),
    paying_key: model.text().nullable(),
    collection_problem: model.text().nullable(),
    settled_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["exchange_id"], unique: true },
    { on: ["plan_id"] },
    // One refund armed per plan at a time: the provider never has two to choose from.
    { on: ["plan_id"], unique: true, where: "status = 'refund_armed'" },
  ])

export default InstalmentExchange
