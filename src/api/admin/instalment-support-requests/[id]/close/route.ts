/** POST /admin/instalment-support-requests/:id/close — closes an open support request; in the plan's history. Answers `{ support_request }`. */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withPluginErrors } from "../../../../../http/errors"
import { INSTALMENTS_MODULE } from "../../../../../modules/instalments"
import type InstalmentsModuleService from "../../../../../modules/instalments/service"
import { closeSupportRequest } from "../../../../../modules/instalments/support"

export const POST = withPluginErrors(async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const instalments = req.scope.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  const request = await closeSupportRequest(instalments.operations, req.params.id, { actor: `admin:${req.auth_context.actor_id}` })
  res.json({ support_request: request })
})
