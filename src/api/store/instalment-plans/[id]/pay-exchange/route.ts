/**
 * POST /store/instalment-plans/:id/pay-exchange { token?, card_token? } — pay what a dearer
 * exchange added, by card, in one go (the plan's card without card_token). Medusa's payment
 * collection for the difference is then marked paid, so its order summary agrees with the plan.
 */
import { shopperActionRoute } from "../../../../../self-service/store-routes"

export const POST = shopperActionRoute("pay-exchange")
