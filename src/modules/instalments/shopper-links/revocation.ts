/**
 * Revoking a plan's self-service links (M2): every token is signed over the plan's `link_version`
 * (signing.ts), so bumping that column makes every link sent before it stop working at once. It is
 * bumped, under the plan's row lock and in the transaction that records why:
 *  - by the admin's "revoke links" (POST /admin/instalment-plans/:id/revoke-links): `plan.links_revoked`;
 *  - before a link is resent (the new e-mail carries the only valid link): `plan.links_revoked`;
 *  - by a card change (`plan.card_changed`, card-change.ts).
 */
import type { PlanRow } from "../mapping"
import type InstalmentsModuleService from "../service"

export const LINKS_REVOKED = "plan.links_revoked"

/** Why the links were revoked, kept in the history. */
export type RevocationReason = "admin_revoked" | "link_resent"

/** The link version after a revocation. */
export function nextLinkVersion(row: Pick<PlanRow, "link_version">): number {
  return (row.link_version ?? 0) + 1
}

/** Bumps the plan's link version; run it under the plan's row lock, in the transaction of its event. */
export async function bumpLinkVersion(run: (query: string, params: unknown[]) => Promise<unknown>, planId: string): Promise<void> {
  await run("update instalment_plan set link_version = link_version + 1, updated_at = now() where id = ?", [planId])
}

/**
 * Revokes every link of the plan and records it, once per `idempotencyKey` (a retried request
 * revokes nothing more, so the link its first attempt e-mailed stays valid). Without the caller's
 * key, the link version the caller saw names the revocation: a double click revokes once, and a
 * revocation after the next one is a new one. Answers whether this call revoked.
 */
export function revokePlanLinks(
  service: Pick<InstalmentsModuleService, "recordPlanEventOnce">,
  plan: Pick<PlanRow, "id" | "link_version">,
  options: { actor: string; reason: RevocationReason; idempotencyKey?: string },
): Promise<boolean> {
  return service.recordPlanEventOnce(
    plan.id,
    { type: LINKS_REVOKED, data: { reason: options.reason } },
    { actor: options.actor, idempotencyKey: options.idempotencyKey ?? `revoke-links:${plan.id}:${options.reason}:v${plan.link_version}`, revokeLinks: true },
  )
}
