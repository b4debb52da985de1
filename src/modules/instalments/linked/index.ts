/**
 * Linked plans (business rules §8): finding them, freezing them, collecting from a linked card.
 * The admin routes call these with the service's `operations` (deps.ts), not through service.ts,
 * which stays within the 400-line limit.
 */
export { collectFromLinkedPlan, type CollectFromLinkedRequest } from "./collect-from-linked"
export { findLinkedPlans, MAX_LINKED_PLANS, type LinkedPlanFound } from "./find-linked"
export { freezeLinkedPlans, type FreezeLinkedResult } from "./freeze-linked"
