import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122085449 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "instalment_plan_event" drop constraint if exists "instalment_plan_event_idempotency_key_unique";`);
    this.addSql(`alter table if exists "instalment" drop constraint if exists "instalment_plan_id_number_unique";`);
    this.addSql(`alter table if exists "instalment_plan" drop constraint if exists "instalment_plan_payment_session_id_unique";`);
    this.addSql(`create table if not exists "instalment_plan" ("id" text not null, "order_id" text null, "order_display_id" integer null, "cart_id" text null, "payment_session_id" text not null, "payment_id" text null, "customer_id" text null, "email" text null, "plan_code" text check ("plan_code" in ('p2x', 'p3x', 'p4x', 'd15', 'd30')) not null, "status" text check ("status" in ('pending_start', 'active', 'late', 'serious_delay', 'frozen', 'completed', 'cancelled', 'terminated', 'withdrawn')) not null, "currency_code" text not null, "order_date" text not null, "start_date" text null, "total_cents" integer not null, "customer_fee_total_cents" integer not null default 0, "paid_total_cents" integer not null default 0, "refunded_total_cents" integer not null default 0, "refunded_principal_cents" integer not null default 0, "refunded_customer_fees_cents" integer not null default 0, "refunded_late_fees_cents" integer not null default 0, "reduced_total_cents" integer not null default 0, "exchange_paid_cents" integer not null default 0, "exchange_pending_cents" integer not null default 0, "outstanding_cents" integer not null default 0, "next_due_date" text null, "postponements_used" integer not null default 0, "max_postponements" integer not null default 1, "withdrawal_requested_at" timestamptz null, "frozen_since" text null, "frozen_until" text null, "status_before_freeze" text null, "freeze_reason" text null, "fraud_flagged" boolean not null default false, "fraud_reason" text null, "deferred_start" boolean not null default false, "phone" text null, "locale" text not null default 'en', "processor" text not null, "card_reference" text null, "card_brand" text null, "card_network" text null, "card_last4" text null, "card_funding" text null, "card_exp_month" integer null, "card_exp_year" integer null, "card_country" text null, "credit_reference" text null, "terms_version" text not null, "terms_accepted_at" timestamptz not null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "instalment_plan_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_instalment_plan_deleted_at" ON "instalment_plan" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_instalment_plan_payment_session_id_unique" ON "instalment_plan" ("payment_session_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_instalment_plan_order_id" ON "instalment_plan" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_instalment_plan_customer_id" ON "instalment_plan" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_instalment_plan_status_next_due_date" ON "instalment_plan" ("status", "next_due_date") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_instalment_plan_created_at" ON "instalment_plan" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "instalment" ("id" text not null, "number" integer not null, "due_date" text not null, "original_due_date" text not null, "amount_cents" integer not null, "customer_fee_cents" integer not null default 0, "late_fee_cents" integer not null default 0, "status" text check ("status" in ('scheduled', 'paid', 'failed', 'late', 'cancelled')) not null, "paid_at" timestamptz null, "paid_amount_cents" integer not null default 0, "attempts" integer not null default 0, "next_retry_on" text null, "charge_reference" text null, "plan_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "instalment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_instalment_plan_id" ON "instalment" ("plan_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_instalment_deleted_at" ON "instalment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_instalment_plan_id_number_unique" ON "instalment" ("plan_id", "number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_instalment_status_due_date" ON "instalment" ("status", "due_date") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "instalment_plan_event" ("id" text not null, "type" text not null, "data" jsonb not null, "actor" text not null, "occurred_at" timestamptz not null, "idempotency_key" text null, "plan_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "instalment_plan_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_instalment_plan_event_plan_id" ON "instalment_plan_event" ("plan_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_instalment_plan_event_deleted_at" ON "instalment_plan_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_instalment_plan_event_idempotency_key_unique" ON "instalment_plan_event" ("idempotency_key") WHERE idempotency_key IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_instalment_plan_event_plan_id_occurred_at" ON "instalment_plan_event" ("plan_id", "occurred_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "instalment" add constraint "instalment_plan_id_foreign" foreign key ("plan_id") references "instalment_plan" ("id") on update cascade;`);

    this.addSql(`alter table if exists "instalment_plan_event" add constraint "instalment_plan_event_plan_id_foreign" foreign key ("plan_id") references "instalment_plan" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "instalment" drop constraint if exists "instalment_plan_id_foreign";`);

    this.addSql(`alter table if exists "instalment_plan_event" drop constraint if exists "instalment_plan_event_plan_id_foreign";`);

    this.addSql(`drop table if exists "instalment_plan" cascade;`);

    this.addSql(`drop table if exists "instalment" cascade;`);

    this.addSql(`drop table if exists "instalment_plan_event" cascade;`);
  }

}
