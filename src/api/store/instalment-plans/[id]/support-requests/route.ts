/** POST and GET /store/instalment-plans/:id/support-requests — the shopper's support requests (src/self-service/support-routes.ts). */
import { listShopperSupportRequests, openShopperSupportRequest } from "../../../../../self-service/support-routes"

export const POST = openShopperSupportRequest
export const GET = listShopperSupportRequests
