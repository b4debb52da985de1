import { defineMiddlewares } from "@medusajs/framework/http"
import { keepTokensOutOfRequestLog } from "../self-service/request-log"
import { addCartFactsToSession } from "./store/session-facts"
import { refuseFormPosts } from "./utils/json-only"

export default defineMiddlewares({
  routes: [
    {
      // Stripe signs the exact bytes of its webhook's body: keep them (as Medusa's /hooks/payment does).
      matcher: "/hooks/instalments/stripe",
      method: ["POST"],
      bodyParser: { preserveRawBody: true },
    },
    {
      // The cart's country, e-mail, ids (and addresses for Alma) go into the session data server-side.
      matcher: "/store/payment-collections/:id/payment-sessions",
      method: ["POST"],
      middlewares: [addCartFactsToSession],
    },
    {
      // The self-service link's token never reaches the request log (the page and the shopper's JSON).
      matcher: "/instalments/plans/:id",
      middlewares: [keepTokensOutOfRequestLog],
    },
    {
      matcher: "/store/instalment-plans/:id",
      middlewares: [keepTokensOutOfRequestLog],
    },
    {
      // The admin's actions cannot be forged by a form on another site (JSON only).
      matcher: "/admin/instalment-plans*",
      method: ["POST"],
      middlewares: [refuseFormPosts],
    },
    {
      matcher: "/admin/instalment-support-requests*",
      method: ["POST"],
      middlewares: [refuseFormPosts],
    },
    {
      matcher: "/admin/instalments*",
      method: ["POST"],
      middlewares: [refuseFormPosts],
    },
  ],
})
