import { model } from "@medusajs/framework/utils"
import InstalmentPlan from "./instalment-plan"

/**
 * The plan's history (docs/business-rules.md §4): append-only. A database trigger (see the module's
 * migrations) refuses UPDATE and DELETE on this table, so the proof cannot be rewritten.
 * `idempotency_key` makes a replayed operation (same Medusa refund id, same charge attempt)
 * detectable: the second insert with the same key fails on the unique index.
 */
const InstalmentPlanEvent = model
  .define("instalment_plan_event", {
    id: model.id({ prefix: "ievt" }).primaryKey(),
    type: model.text(),
    data: model.json(),
    /** Who did it: `system`, `shopper`, `customer:<id>`, `admin:<user id>`, `medusa`. */
    actor: model.text(),
    occurred_at: model.dateTime(),
    idempotency_key: model.text().nullable(),
    plan: model.belongsTo(() => InstalmentPlan, { mappedBy: "events" }),
  })
  .indexes([
    { on: ["idempotency_key"], unique: true, where: "idempotency_key IS NOT NULL" },
    { on: ["plan_id", "occurred_at"] },
  ])

export default InstalmentPlanEvent
