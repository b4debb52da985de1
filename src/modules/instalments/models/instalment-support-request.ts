import { model } from "@medusajs/framework/utils"
import { SUPPORT_CATEGORIES } from "../../../domain/codes"
import InstalmentSupportMessage from "./instalment-support-message"

/**
 * A shopper's support request about their plan (docs/business-rules.md §9): its category, whether
 * it is still open, and when the reply is due (src/domain/support-clock.ts, computed when it is
 * opened). The conversation is in its messages; each step is also in the plan's history.
 */
const InstalmentSupportRequest = model
  .define("instalment_support_request", {
    id: model.id({ prefix: "isup" }).primaryKey(),
    plan_id: model.text(),
    category: model.enum([...SUPPORT_CATEGORIES]),
    status: model.enum(["open", "closed"]).default("open"),
    /** When the shopper opened it, by the module's clock (the test clock in tests), as the reply clock counts from it. */
    opened_at: model.dateTime(),
    reply_due_at: model.dateTime(),
    messages: model.hasMany(() => InstalmentSupportMessage, { mappedBy: "request" }),
  })
  .indexes([{ on: ["plan_id"] }, { on: ["status", "reply_due_at"] }])

export default InstalmentSupportRequest
