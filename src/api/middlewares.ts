import { defineMiddlewares } from "@medusajs/framework/http"
import { addCartFactsToSession } from "./store/session-facts"

export default defineMiddlewares({
  routes: [
    {
      // The cart's country, e-mail, ids (and addresses for Alma) go into the session data server-side.
      matcher: "/store/payment-collections/:id/payment-sessions",
      method: ["POST"],
      middlewares: [addCartFactsToSession],
    },
  ],
})
