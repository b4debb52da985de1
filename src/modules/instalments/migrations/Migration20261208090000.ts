import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The sandbox test clock of the whole store (module option `test_clock`): one row, the clock's
 * distance from the real time in milliseconds, moved by POST /admin/instalments/sandbox/clock and
 * read by every server and worker process (src/modules/instalments/test-clock.ts). Hand-written and
 * without a DML model: only the module reads it, one statement at a time. Empty (the real time)
 * until the test clock first moves; a store without the test clock never writes it.
 */
export class Migration20261208090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "instalment_test_clock" ("id" text not null primary key, "offset_ms" bigint not null, "updated_at" timestamptz not null default now());`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "instalment_test_clock";`)
  }
}
