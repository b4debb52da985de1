/** POST /store/instalment-plans/:id/change-card { card_token, token? } — charge the next instalments to another card. */
import { shopperActionRoute } from "../../../../../self-service/store-routes"

export const POST = shopperActionRoute("change-card")
