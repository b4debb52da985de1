/**
 * Shopper-facing texts of the plugin in fr, es, de, it, nl and en: the message catalogue, locale
 * resolution, money/date formatting and the helpers that compose checkout, self-service and
 * e-mail texts. Pure TypeScript; only Node's built-in `Intl`.
 */
export * from "./messages"
export * from "./locale"
export * from "./format"
export * from "./catalogue"
export * from "./helpers"
export * from "./html"
