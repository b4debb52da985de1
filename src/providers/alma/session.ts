/**
 * An Alma payment session: what the storefront sends, what the session holds (returned to the
 * storefront: never a secret in it), and the Alma payment built from them.
 */
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { PLAN_CODES, type PlanCode } from "../../domain/codes"
import { resolveLocale } from "../../domain/texts"
import type { AlmaAddress, CreatePaymentBody } from "../../lenders/alma/client"
import type { AlmaConfig } from "../../lenders/alma/options"
import { almaPlanKey } from "../../lenders/alma/plans"

const Address = z
  .object({
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
    company: z.string().nullish(),
    address_1: z.string().nullish(),
    address_2: z.string().nullish(),
    postal_code: z.string().nullish(),
    city: z.string().nullish(),
    country_code: z.string().nullish(),
    phone: z.string().nullish(),
  })
  .nullish()

/** What the storefront sends (`plan`, `locale`, `return_url`) and what the plugin's middleware adds from the cart. */
export const AlmaSessionRequestSchema = z.object({
  plan: z.enum(PLAN_CODES, {
    error: (issue) =>
      issue.input === undefined
        ? `data.plan is required: one of ${PLAN_CODES.join(", ")}`
        : `data.plan "${String(issue.input)}" is not a plan: use one of ${PLAN_CODES.join(", ")}`,
  }),
  locale: z.string().max(35).optional(),
  /** Where Alma sends the shopper back (Alma adds `?pid=`); default: the provider's `return_url` option. */
  return_url: z.string().regex(/^https?:\/\/\S+$/, "data.return_url must be an absolute http(s) URL").optional(),
  /** Set by the plugin's middleware from the cart, never trusted from the storefront. */
  cart_id: z.string().optional(),
  email: z.string().optional(),
  customer_id: z.string().optional(),
  shipping_address: Address,
  billing_address: Address,
})
export type AlmaSessionRequest = z.infer<typeof AlmaSessionRequestSchema>

/** The session's data once the Alma payment exists. */
export interface AlmaSessionData {
  [key: string]: unknown
  session_id: string
  alma_payment_id: string
  /** Alma's hosted payment page: redirect the shopper there. */
  payment_url: string
  plan: PlanCode
  locale: string
  currency_code: string
  amount_cents: number
  cart_id?: string
  email?: string
  customer_id?: string
  phone?: string
  deferred_trigger: boolean
  plan_id?: string
}

export function parseSessionRequest(data: unknown, config: AlmaConfig): AlmaSessionRequest {
  const parsed = AlmaSessionRequestSchema.safeParse(data ?? {})
  if (!parsed.success) throw new MedusaError(MedusaError.Types.INVALID_DATA, parsed.error.issues.map((i) => i.message).join("; "))
  if (!config.plans.includes(parsed.data.plan)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `plan_not_offered: data.plan "${parsed.data.plan}" is not offered with Alma in this store: use one of ${config.plans.join(", ")}`,
    )
  }
  return parsed.data
}

function almaAddress(address: AlmaSessionRequest["shipping_address"], email?: string): AlmaAddress | undefined {
  if (!address) return undefined
  return {
    first_name: address.first_name ?? undefined,
    last_name: address.last_name ?? undefined,
    company: address.company ?? undefined,
    line1: address.address_1 ?? undefined,
    line2: address.address_2 ?? undefined,
    postal_code: address.postal_code ?? undefined,
    city: address.city ?? undefined,
    country: address.country_code?.toUpperCase() ?? undefined,
    phone: address.phone ?? undefined,
    email,
  }
}

/** Alma's payment for a session: amounts in cents, plan, shopper, addresses, URLs, our references in custom data. */
export function createPaymentBody(input: {
  request: AlmaSessionRequest
  sessionId: string
  amountCents: number
  config: AlmaConfig
}): CreatePaymentBody {
  const { request, config } = input
  const returnUrl = request.return_url ?? config.returnUrl
  if (!returnUrl) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "data.return_url is required: the storefront page Alma sends the shopper back to (or set the alma provider's return_url option)",
    )
  }
  const key = almaPlanKey(request.plan)
  const shipping = almaAddress(request.shipping_address, request.email)
  const billing = almaAddress(request.billing_address, request.email) ?? shipping
  const person = request.billing_address ?? request.shipping_address
  const reference = request.cart_id ?? input.sessionId
  return {
    payment: {
      purchase_amount: input.amountCents,
      ...key,
      ...(config.deferredTrigger === "on_shipment" ? { deferred: "trigger" as const, deferred_description: "Your plan starts when your order ships." } : {}),
      return_url: returnUrl,
      customer_cancel_url: returnUrl,
      ...(config.ipnUrl ? { ipn_callback_url: config.ipnUrl } : {}),
      locale: resolveLocale(request.locale),
      origin: "online",
      shipping_address: shipping,
      billing_address: billing,
      // Echoed back by Alma on every read: how an IPN finds its session and cart.
      custom_data: { session_id: input.sessionId, cart_id: request.cart_id ?? null, merchant_reference: reference },
    },
    customer: {
      first_name: person?.first_name ?? undefined,
      last_name: person?.last_name ?? undefined,
      email: request.email,
      phone: person?.phone ?? undefined,
    },
    order: { merchant_reference: reference },
  }
}
