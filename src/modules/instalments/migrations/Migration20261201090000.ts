import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * - The private half of the plugin's payment sessions (models/session-shopper.ts): the shopper's
 *   phone, e-mail, customer, cart and the card's reference, which Medusa's payment session data
 *   (public to whoever holds the cart id) no longer carries.
 * - A plan's owner (`owner_customer_id`): the customer logged in at checkout, apart from the
 *   cart's customer (`customer_id`, which Medusa sets from the e-mail a guest types). Plans made
 *   before take their `customer_id`: their shoppers keep the access they had.
 * Hand-written.
 */
export class Migration20261201090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "instalment_session_shopper" ("id" text not null, "provider" text not null, "cart_id" text null, "customer_id" text null, "owner_customer_id" text null, "email" text null, "phone" text null, "card_reference" text null, "addresses" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "instalment_session_shopper_pkey" primary key ("id"));`,
    )
    this.addSql(
      `create index if not exists "IDX_instalment_session_shopper_deleted_at" on "instalment_session_shopper" ("deleted_at") where deleted_at is null;`,
    )
    this.addSql(`alter table if exists "instalment_plan" add column if not exists "owner_customer_id" text null;`)
    this.addSql(`update "instalment_plan" set "owner_customer_id" = "customer_id" where "owner_customer_id" is null and "customer_id" is not null;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_instalment_plan_owner_customer_id" ON "instalment_plan" ("owner_customer_id") WHERE deleted_at IS NULL;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_instalment_plan_owner_customer_id";`)
    this.addSql(`alter table if exists "instalment_plan" drop column if exists "owner_customer_id";`)
    this.addSql(`drop table if exists "instalment_session_shopper";`)
  }
}
