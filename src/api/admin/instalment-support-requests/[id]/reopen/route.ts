/** POST /admin/instalment-support-requests/:id/reopen — reopens a closed support request, with a new reply clock from now (24 h, or 48 working hours for a formal complaint); in the plan's history. Answers `{ support_request }`. */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withPluginErrors } from "../../../../../http/errors"
import { INSTALMENTS_MODULE } from "../../../../../modules/instalments"
import type InstalmentsModuleService from "../../../../../modules/instalments/service"
import { reopenSupportRequest } from "../../../../../modules/instalments/support"

export const POST = withPluginErrors(async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const instalments = req.scope.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE)
  const request = await reopenSupportRequest(instalments.operations, req.params.id, { actor: `admin:${req.auth_context.actor_id}` })
  res.json({ support_request: request })
})
