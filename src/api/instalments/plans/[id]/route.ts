/**
 * The shopper's self-service page, opened from the signed link in the e-mails:
 * GET /instalments/plans/:id?token=… and the page's forms, POST /instalments/plans/:id.
 * See src/self-service/page-routes.ts.
 */
export { getPlanPage as GET, postPlanPage as POST } from "../../../../self-service/page-routes"
