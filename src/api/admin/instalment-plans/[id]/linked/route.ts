/**
 * GET /admin/instalment-plans/:id/linked — the plans linked to this one (business rules §8): those
 * sharing a card (any card either plan has used), the shopper's e-mail or phone, oldest first.
 * Answers `{ linked: [{ plan_id, order_id, reasons: ["card" | "email" | "phone"] }] }`, without
 * the plan itself.
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INSTALMENTS_MODULE } from "../../../../../modules/instalments"
import { findLinkedPlans } from "../../../../../modules/instalments/linked"
import type InstalmentsModuleService from "../../../../../modules/instalments/service"
import { withPluginErrors } from "../../../../../http/errors"

export const GET = withPluginErrors(async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const instalments = req.scope.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  const { linked } = await findLinkedPlans(instalments.operations.read, req.params.id)
  res.json({ linked: linked.map(({ plan_id, order_id, reasons }) => ({ plan_id, order_id, reasons })) })
})
