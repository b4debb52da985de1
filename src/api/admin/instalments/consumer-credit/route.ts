/**
 * GET /admin/instalments/consumer-credit — under which regime the store's direct plans run
 * (docs/business-rules.md §11), for the Instalments page:
 *  - `exempt`: no consumer-credit authorisation, so only plans the seller defers itself for at most
 *    `exempt_deferral_days` days (50 for an SME, 14 for a large seller), with no fee;
 *  - `consumer_credit`: the store declares an authorisation (`credit_authorisation: true`).
 * `direct_plans`: the plans direct mode offers. Alma plans are Alma's credit and not listed here.
 */
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PLAN_CODES } from "../../../../domain/codes"
import { EXEMPT_DEFERRAL_DAYS } from "../../../../domain/credit-exemption"
import { INSTALMENTS_MODULE } from "../../../../modules/instalments"
import type InstalmentsModuleService from "../../../../modules/instalments/service"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const config = req.scope.resolve<InstalmentsModuleService>(INSTALMENTS_MODULE).engineConfig
  const { merchantSize, authorised } = config.consumerCredit
  res.json({
    consumer_credit: {
      regime: authorised ? "consumer_credit" : "exempt",
      credit_authorisation: authorised,
      merchant_size: merchantSize,
      exempt_deferral_days: EXEMPT_DEFERRAL_DAYS[merchantSize],
      direct_plans: PLAN_CODES.filter((code) => config.plans[code].offered),
    },
  })
}
