/** POST /store/instalment-plans/:id/pay-early { scope: "next" | "all", token? } — pay the next instalment, or everything, now. */
import { shopperActionRoute } from "../../../../../self-service/store-routes"

export const POST = shopperActionRoute("pay-early")
