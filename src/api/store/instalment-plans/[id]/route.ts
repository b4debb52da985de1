/** GET /store/instalment-plans/:id?token=… — the plan as its shopper sees it (see src/self-service/store-routes.ts). */
export { getShopperPlan as GET } from "../../../../self-service/store-routes"
