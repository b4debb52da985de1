import OrderModule from "@medusajs/medusa/order"
import { defineLink } from "@medusajs/framework/utils"
import InstalmentsModule from "../modules/instalments"

/** An order has at most one instalment plan: `query.graph({ entity: "order", fields: ["instalment_plan.*"] })`. */
export default defineLink(OrderModule.linkable.order, InstalmentsModule.linkable.instalmentPlan)
