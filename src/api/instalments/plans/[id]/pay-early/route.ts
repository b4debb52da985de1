/**
 * POST /instalments/plans/:id/pay-early { token, scope, authenticate? } — the Store route's JSON
 * pay-early (src/self-service/store-routes.ts), beside the self-service page: the page's bank
 * confirmation script (src/self-service/bank-payment.ts) posts here, since a /store route needs the
 * store's publishable API key, which the plugin's page does not have. The link's token is required.
 */
import { shopperActionRoute } from "../../../../../self-service/store-routes"

export const POST = shopperActionRoute("pay-early")
