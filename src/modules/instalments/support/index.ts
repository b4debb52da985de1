/**
 * Support requests (business rules §9): a shopper opens one about their plan, the merchant replies,
 * closes and reopens it. The routes call these with the service's `operations` (deps.ts), not
 * through service.ts, which stays within the 400-line limit.
 */
export { openSupportRequest } from "./open-request"
export { listPlanSupportRequests, loadSupportRequest, supportRequestView, type SupportMessageView, type SupportRequestView } from "./views"
export { listSupportRequestsForAdmin, MAX_LISTED_SUPPORT_REQUESTS, SUPPORT_STATUS_FILTERS, type AdminSupportRequest, type SupportStatusFilter } from "./admin-list"
export { closeSupportRequest, reopenSupportRequest, replyToSupportRequest, type MerchantActionOptions, type ReplyResult } from "./merchant-actions"
