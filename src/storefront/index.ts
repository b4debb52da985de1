/**
 * medusa-instalments/storefront: the client (no React needed) and the components (React ≥ 18).
 * Import the styles once: `import "medusa-instalments/storefront/styles.css"`.
 */
export { createInstalmentsClient, type ClientOptions, type InstalmentsClient } from "./client.js"
export { fetchTransport, sdkTransport, transportOf, type FetchOptions, type HttpAnswer, type HttpRequest, type MedusaSdkLike, type Transport } from "./transport.js"
export { ALMA_PROVIDER_ID, INSTALMENTS_PROVIDER_ID, type AlmaSessionInput, type InstalmentsSessionInput, type SessionResult } from "./checkout.js"
export { createQuoteClient, type QuoteInput } from "./quote.js"
export { authenticationOf, redirectUrlOf, type OpenCart, type PlaceOrderResult, type ShopperAuthentication } from "./completion.js"
export { confirmWithBank, stripeCardToken, type StripeCardElementLike, type StripeJsError, type StripeJsLike, type StripeStep } from "./stripe-card.js"
export { TOKEN_HEADER, type PlanAccess } from "./self-service.js"
export { InstalmentsApiError, splitReason, type ApiErrorDetails } from "./errors.js"
export { badgePlan, badgeText, formatMoney } from "./badge-plan.js"
export { badgeWords, shopperLocale, text, type BadgeTextKey, type TextKey } from "./texts.js"
export type * from "./types.js"
