import { defineMiddlewares } from "@medusajs/framework/http"
import { keepTokensOutOfRequestLog } from "../self-service/request-log"
import { addCartFactsToSession } from "./store/session-facts"
import { onStoreClock } from "./utils/store-clock"
import { refuseFormPosts } from "./utils/json-only"

/** Every route a store's quote, checkout, shopper page, admin view or webhook goes through. */
const STORE_ROUTES = ["/store*", "/admin*", "/hooks*", "/instalments*"]

export default defineMiddlewares({
  routes: [
    // With the sandbox test clock, each request first reads the store's clock (one statement).
    ...STORE_ROUTES.map((matcher) => ({ matcher, middlewares: [onStoreClock] })),
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
