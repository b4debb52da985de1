import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Exchanges in their own table (models/instalment-exchange.ts) instead of the plan's free-form
 * metadata. The cheaper exchanges a plan was still waiting to see refunded in Medusa
 * (`metadata.pending_exchange_refunds`, exchange id → cents) become `refund_awaited` rows, and the
 * key leaves the metadata. Hand-written: the lead regenerates the module's snapshot.
 */
export class Migration20261206090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "instalment_exchange" (
      "id" text not null primary key,
      "plan_id" text not null,
      "exchange_id" text not null,
      "difference_cents" integer not null check ("difference_cents" <> 0),
      "currency_code" text not null,
      "status" text not null check ("status" in ('refund_awaited', 'refund_armed', 'settled', 'payment_awaited', 'paid')),
      "refund_nonce" text null,
      "armed_at" timestamptz null,
      "medusa_refund_id" text null,
      "payment_collection_id" text null,
      "paying_key" text null,
      "collection_problem" text null,
      "settled_at" timestamptz null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      "deleted_at" timestamptz null,
      check ("status" <> 'refund_armed' or ("refund_nonce" is not null and "armed_at" is not null)));`)
    this.addSql(`create index if not exists "IDX_instalment_exchange_deleted_at" on "instalment_exchange" ("deleted_at") where deleted_at is null;`)
    this.addSql(`create unique index if not exists "IDX_instalment_exchange_exchange_id_unique" on "instalment_exchange" ("exchange_id") where deleted_at is null;`)
    this.addSql(`create index if not exists "IDX_instalment_exchange_plan_id" on "instalment_exchange" ("plan_id") where deleted_at is null;`)
    this.addSql(`create unique index if not exists "IDX_instalment_exchange_plan_id_armed_unique" on "instalment_exchange" ("plan_id") where status = 'refund_armed' and deleted_at is null;`)

    this.addSql(`insert into "instalment_exchange" ("id", "plan_id", "exchange_id", "difference_cents", "currency_code", "status")
      select 'iexc_' || upper(substr(md5(p.id || ':' || e.key), 1, 26)), p.id, e.key, -(e.value::text)::integer, p.currency_code, 'refund_awaited'
        from "instalment_plan" p, jsonb_each(p.metadata -> 'pending_exchange_refunds') e
       where jsonb_typeof(p.metadata -> 'pending_exchange_refunds') = 'object' and jsonb_typeof(e.value) = 'number' and (e.value::text)::integer > 0
      on conflict do nothing;`)
    this.addSql(`update "instalment_plan" set "metadata" = "metadata" - 'pending_exchange_refunds' where "metadata" ? 'pending_exchange_refunds';`)
  }

  override async down(): Promise<void> {
    this.addSql(`update "instalment_plan" p
        set "metadata" = coalesce(p."metadata", '{}'::jsonb) || jsonb_build_object('pending_exchange_refunds', awaited.refunds)
       from (select "plan_id", jsonb_object_agg("exchange_id", -"difference_cents") as refunds
               from "instalment_exchange" where "status" in ('refund_awaited', 'refund_armed') and deleted_at is null group by "plan_id") awaited
      where p.id = awaited.plan_id;`)
    this.addSql(`drop table if exists "instalment_exchange";`)
  }
}
