/**
 * An Alma payment session: what the storefront sends, what the session holds (returned to the
 * storefront: never a secret in it), and the Alma payment built from them.
 */
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { PLAN_CODES, type PlanCode } from "../../domain/codes"
import { describeInput } from "../../modules/instalments/checkout/session-data"
import { resolveLocale } from "../../domain/texts"
import type { AlmaAddress, CreatePaymentBody } from "../../lenders/alma/client"
import { originOf, type AlmaConfig } from "../../lenders/alma/options"
import { almaPlanKey } from "../../lenders/alma/plans"

/** From the cart (the plugin's middleware), never from the storefront. */
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

/** The keys a storefront sends (the others of `AlmaSessionRequestSchema` are the server's). */
export const ALMA_REQUEST_KEYS = ["plan", "locale", "return_url"] as const

/**
 * What the storefront sends (`plan`, `locale`, `return_url`) and what the plugin's middleware adds
 * from the cart. Strict: an unknown key is refused (it would be stored in the session Medusa shows).
 */
export const AlmaSessionRequestSchema = z.strictObject(
  {
    plan: z.enum(PLAN_CODES, {
      error: (issue) =>
        issue.input === undefined
          ? `data.plan is required: one of ${PLAN_CODES.join(", ")}`
          : `data.plan ${describeInput(issue.input)} is not a plan: use one of ${PLAN_CODES.join(", ")}`,
    }),
    locale: z
      .string({ error: 'data.locale must be text: a language tag such as "fr" or "de-DE"' })
      .max(35, 'data.locale is too long: send a language tag such as "fr" or "de-DE"')
      .optional(),
    /**
     * Where Alma sends the shopper back (Alma adds `?pid=`); default: the provider's `return_url`
     * option. Only on the store's own origins (parseSessionRequest): a link to this session must
     * not send its shopper to another site after paying.
     */
    return_url: z
      .string({ error: "data.return_url must be text: an absolute http(s) URL of the storefront" })
      .max(2000, "data.return_url is too long: at most 2000 characters")
      .regex(/^https?:\/\/\S+$/, "data.return_url must be an absolute http(s) URL")
      .optional(),
    /** Set by the plugin's middleware from the cart, never trusted from the storefront. */
    cart_id: z.string().max(200).optional(),
    email: z.string().max(320).optional(),
    customer_id: z.string().max(200).optional(),
    shipping_address: Address,
    billing_address: Address,
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `${issue.keys.map((key) => `data.${key.slice(0, 100)}`).join(", ")}: not part of an Alma payment session. Send only ${ALMA_REQUEST_KEYS.join(", ")}`
        : issue.code === "invalid_type" && issue.path?.length === 0
          ? `data must be an object: { ${ALMA_REQUEST_KEYS.join(", ")} }`
          : undefined,
  },
)
export type AlmaSessionRequest = z.infer<typeof AlmaSessionRequestSchema>

/**
 * The session's data once the Alma payment exists: what the storefront needs (Alma's page, the
 * plan, the amount) and the ids the later steps need. Medusa shows it to anyone holding the cart
 * id: the shopper's e-mail, phone and addresses are kept in the instalments module instead.
 */
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
  /** Alma's merchant reference of the order (the shipment is reported to Alma under it). */
  cart_id?: string
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
  const returnUrl = parsed.data.return_url
  if (returnUrl !== undefined && !config.returnOrigins.includes(originOf(returnUrl) ?? "")) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      config.returnOrigins.length
        ? `data.return_url must be a page of the storefront, on ${config.returnOrigins.join(" or ")}: another origin needs the alma provider's return_origins option`
        : "data.return_url cannot be chosen by the storefront in this store: set the alma provider's return_url option (and return_origins for other storefront origins)",
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
