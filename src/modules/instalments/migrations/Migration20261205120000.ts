import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The plan's link version (src/modules/instalments/shopper-links/revocation.ts): self-service links are signed over it,
 * and bumping it revokes every link sent before. Existing plans start at 0; their links (format
 * v1, without a version) stop working with this release, and the next e-mail carries a new one.
 * Hand-written: the lead regenerates the module's snapshot.
 */
export class Migration20261205120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "instalment_plan" add column if not exists "link_version" integer not null default 0;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "instalment_plan" drop column if exists "link_version";`)
  }
}
