/** POST /store/instalment-plans/:id/postpone { instalment_number, days, token? } — move one due date 1 to 15 days later. */
import { shopperActionRoute } from "../../../../../self-service/store-routes"

export const POST = shopperActionRoute("postpone")
