/** The badge alone (what a product page loads): `npm run size:storefront` measures this entry. */
export { InstalmentsBadge, InstalmentsBadgeView } from "./badge.js"
export { createQuoteClient } from "../quote.js"
