import { model } from "@medusajs/framework/utils"

/**
 * The money ledger: every charge and refund the plugin asks a processor for, one row per leg,
 * written as an intent (`pending`, or `blocked` while the operation's charge is not final) before
 * the call and settled by its `processor_key` after it. What the processor moved is the sum of the
 * `succeeded` rows, so the two can always be compared (src/modules/instalments/operations/reconcile.ts).
 *
 * A refund names the charge it goes back to (`refunded_charge`); a charge, the instalments it pays.
 * A database trigger (see the migration) keeps the amount, the key and the target fixed and the
 * settled states final: only `void` may still become `succeeded` (a charge that went through after
 * the reconciler had given up on it; it is then refunded).
 */
const InstalmentMovement = model
  .define("instalment_movement", {
    id: model.id({ prefix: "imov" }).primaryKey(),
    operation_id: model.text(),
    plan_id: model.text().nullable(),
    payment_session_id: model.text().nullable(),
    leg: model.number(),
    kind: model.enum(["charge", "refund"]),
    purpose: model.text(),
    processor: model.text(),
    processor_key: model.text(),
    amount_cents: model.number(),
    currency_code: model.text(),
    card_reference: model.text().nullable(),
    refunded_charge: model.text().nullable(),
    instalments: model.json().nullable(),
    status: model.enum(["blocked", "pending", "succeeded", "failed", "void"]),
    /** The processor's id of what it made: the charge id, the refund id. */
    processor_reference: model.text().nullable(),
    failure_code: model.text().nullable(),
    failure_message: model.text().nullable(),
    settled_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["processor_key"], unique: true },
    { on: ["operation_id"] },
    { on: ["plan_id"] },
  ])

export default InstalmentMovement
