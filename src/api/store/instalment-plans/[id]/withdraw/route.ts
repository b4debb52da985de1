/** POST /store/instalment-plans/:id/withdraw { token? } — withdraw within 14 days of the order: what remains is charged now. */
import { shopperActionRoute } from "../../../../../self-service/store-routes"

export const POST = shopperActionRoute("withdraw")
