/** GET /store/customers/me/instalment-plans — the logged-in customer's plans (see src/self-service/store-routes.ts). */
export { listCustomerPlans as GET } from "../../../../../self-service/store-routes"
