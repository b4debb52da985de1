/** medusa-instalments/storefront/react: the components (React ≥ 18). The client is in medusa-instalments/storefront. */
export { InstalmentsBadge, InstalmentsBadgeView, lineTotal, type InstalmentsBadgeProps } from "./badge.js"
export { PlanPicker, type PlanPickerProps } from "./plan-picker.js"
export { SandboxCardForm, SANDBOX_CARDS, type SandboxCardFormProps } from "./card-form.js"
export { StripeCardForm, type StripeCardFormProps } from "./stripe-card-form.js"
export { InstalmentsConfirmation, type InstalmentsConfirmationProps } from "./confirmation.js"
export { useQuote, type QuoteSource, type QuoteState } from "./use-quote.js"
