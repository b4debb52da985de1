import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The sandbox processor's records (cards, charges, refunds, idempotency keys), one JSON value per
 * key: they survive a restart of the store and are shared by its server and worker processes.
 * Hand-written and without a DML model: only the sandbox reads it, on its own connection
 * (src/processors/sandbox/postgres-store.ts), never through the module's services.
 */
export class Migration20261122170000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "instalment_sandbox_record" ("key" text not null primary key, "value" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "instalment_sandbox_record";`)
  }
}
