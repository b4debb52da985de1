import { model } from "@medusajs/framework/utils"
import InstalmentSupportRequest from "./instalment-support-request"

/** One message of a support request: the shopper's request, or the merchant's reply. */
const InstalmentSupportMessage = model.define("instalment_support_message", {
  id: model.id({ prefix: "isupm" }).primaryKey(),
  author: model.enum(["shopper", "merchant"]),
  body: model.text(),
  /** When it was written, by the module's clock. */
  sent_at: model.dateTime(),
  request: model.belongsTo(() => InstalmentSupportRequest, { mappedBy: "messages" }),
})

export default InstalmentSupportMessage
