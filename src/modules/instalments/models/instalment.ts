import { model } from "@medusajs/framework/utils"
import { INSTALMENT_STATUSES } from "../../../domain/codes"
import InstalmentPlan from "./instalment-plan"

/** One due payment of a plan. Mirrors the engine's `InstalmentSnapshot`; amounts in cents. */
const Instalment = model
  .define("instalment", {
    id: model.id({ prefix: "inst" }).primaryKey(),
    number: model.number(),
    due_date: model.text(),
    original_due_date: model.text(),
    amount_cents: model.number(),
    customer_fee_cents: model.number().default(0),
    late_fee_cents: model.number().default(0),
    status: model.enum([...INSTALMENT_STATUSES]),
    paid_at: model.dateTime().nullable(),
    paid_amount_cents: model.number().default(0),
    attempts: model.number().default(0),
    next_retry_on: model.text().nullable(),
    /** The processor's id of the charge that paid it. */
    charge_reference: model.text().nullable(),
    plan: model.belongsTo(() => InstalmentPlan, { mappedBy: "instalments" }),
  })
  .indexes([
    { on: ["plan_id", "number"], unique: true },
    { on: ["status", "due_date"] },
  ])

export default Instalment
