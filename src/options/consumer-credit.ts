/**
 * The plans a direct-mode store may offer without a consumer-credit authorisation
 * (docs/business-rules.md §11): the default plans are only the exempt ones, and a configuration
 * that asks for more is refused at boot with the rule and the ways out.
 */
import { PLAN_CODES, type PlanCode } from "../domain/codes"
import type { PlanSettings } from "../domain/config"
import { EXEMPT_DEFERRAL_DAYS, worstCaseExemption, type Exemption, type MerchantSize } from "../domain/credit-exemption"
import { money } from "../domain/money"
import { customerFee } from "../domain/quote"

const PREFIX = "medusa-instalments:"

/** The verdict on a plan as configured, whatever day it starts: its longest schedule, with the fee on its largest order. */
export function configuredExemption(plan: PlanCode, settings: PlanSettings, merchantSize: MerchantSize): Exemption {
  const feeCents = customerFee(money(settings.max, "eur"), settings.fee).cents
  return worstCaseExemption(plan, feeCents, merchantSize)
}

/** Plans exempt for a store of this size with no fee, in catalogue order. */
export function exemptPlanCodes(merchantSize: MerchantSize): PlanCode[] {
  return PLAN_CODES.filter((code) => worstCaseExemption(code, 0, merchantSize).exempt)
}

/** Default plans without an authorisation: the exempt ones offered, the others not. */
export function exemptDefaults(plans: Readonly<Record<PlanCode, PlanSettings>>, merchantSize: MerchantSize): Record<PlanCode, PlanSettings> {
  const result = {} as Record<PlanCode, PlanSettings>
  for (const code of PLAN_CODES) {
    result[code] = { ...plans[code], offered: plans[code].offered && configuredExemption(code, plans[code], merchantSize).exempt }
  }
  return result
}

function why(verdict: Exemption, merchantSize: MerchantSize): string {
  if (verdict.exempt) return ""
  return verdict.reasons
    .map((reason) =>
      reason.code === "deferral_too_long"
        ? `its last payment can fall ${reason.days} days after the order (or the shipment, with a deferred start), ${reason.daysOver} days beyond the ${reason.limitDays} days allowed for merchant_size "${merchantSize}"`
        : "it charges the shopper a fee (fee_percent or fee_fixed)",
    )
    .join(", and ")
}

/**
 * One line per offered plan that would be consumer credit, then the rule and the ways out; empty
 * when every offered plan is exempt.
 */
export function creditRefusals(plans: Readonly<Record<PlanCode, PlanSettings>>, merchantSize: MerchantSize): string[] {
  const lines: string[] = []
  for (const code of PLAN_CODES) {
    if (!plans[code].offered) continue
    const verdict = configuredExemption(code, plans[code], merchantSize)
    if (!verdict.exempt) lines.push(`${PREFIX} option "plans.${code}" would grant consumer credit: ${why(verdict, merchantSize)}`)
  }
  if (lines.length === 0) return lines
  return [...lines, `${PREFIX} ${ruleAndWaysOut(merchantSize)}`]
}

/** The rule, what may be offered without an authorisation, and the two ways out. */
export function ruleAndWaysOut(merchantSize: MerchantSize): string {
  const exempt = exemptPlanCodes(merchantSize)
  const offer = exempt.length > 0 ? `offer only ${exempt.join(", ")} with no fee` : "no plan of the catalogue is exempt for it"
  return (
    `Without a consumer-credit authorisation, a store that collects instalments itself (direct mode) may only defer payment ` +
    `for at most ${EXEMPT_DEFERRAL_DAYS.sme} days (${EXEMPT_DEFERRAL_DAYS.large} days for merchant_size "large"), with no fee ` +
    `(Directive (EU) 2023/2225; this store: merchant_size "${merchantSize}", so ${offer}). ` +
    `Either set credit_authorisation: true if your store holds a consumer-credit authorisation, or lend through Alma ` +
    `(medusa-instalments/providers/alma), the licensed lender.`
  )
}
