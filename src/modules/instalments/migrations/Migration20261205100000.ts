import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Money moves once: operations and their movements are recorded before the processor is called
 * (src/modules/instalments/operations). Hand-written for the trigger and the check constraints.
 *
 * The movement rows are the money ledger: once settled, a row cannot change, and what it moves
 * (amount, key, target) never can; only `void` may still become `succeeded` (a charge the
 * processor made after the reconciler had given up on it: it is recorded, then refunded).
 */
export class Migration20261205100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "instalment_plan" add column if not exists "version" integer not null default 0;`)

    this.addSql(`create table if not exists "instalment_operation" (
      "id" text not null primary key,
      "plan_id" text null,
      "payment_session_id" text null,
      "idempotency_key" text not null,
      "fingerprint" text not null,
      "actor" text not null,
      "status" text not null check ("status" in ('executing', 'completed', 'declined', 'abandoned')),
      "decided" jsonb not null,
      "outcome" jsonb null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      "deleted_at" timestamptz null)
      with (fillfactor = 50);`)
    this.addSql(`create unique index if not exists "IDX_instalment_operation_idempotency_key_unique" on "instalment_operation" ("idempotency_key") where deleted_at is null;`)
    this.addSql(`create index if not exists "IDX_instalment_operation_executing" on "instalment_operation" ("updated_at") where "status" = 'executing' and deleted_at is null;`)
    // A plan is busy while an operation on it is executing: this is how it is asked (a tiny index).
    this.addSql(`create index if not exists "IDX_instalment_operation_plan_id" on "instalment_operation" ("plan_id") where "status" = 'executing' and deleted_at is null;`)

    this.addSql(`create table if not exists "instalment_movement" (
      "id" text not null primary key,
      "operation_id" text not null,
      "plan_id" text null,
      "payment_session_id" text null,
      "leg" integer not null,
      "kind" text not null check ("kind" in ('charge', 'refund')),
      "purpose" text not null,
      "processor" text not null,
      "processor_key" text not null,
      "amount_cents" integer not null check ("amount_cents" > 0),
      "currency_code" text not null,
      "card_reference" text null,
      "refunded_charge" text null,
      "instalments" jsonb null,
      "status" text not null check ("status" in ('blocked', 'pending', 'succeeded', 'failed', 'void')),
      "processor_reference" text null,
      "failure_code" text null,
      "failure_message" text null,
      "settled_at" timestamptz null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      "deleted_at" timestamptz null)
      with (fillfactor = 50);`)
    this.addSql(`create unique index if not exists "IDX_instalment_movement_processor_key_unique" on "instalment_movement" ("processor_key") where deleted_at is null;`)
    this.addSql(`create index if not exists "IDX_instalment_movement_operation_id" on "instalment_movement" ("operation_id") where deleted_at is null;`)
    this.addSql(`create index if not exists "IDX_instalment_movement_plan_id" on "instalment_movement" ("plan_id") where deleted_at is null;`)

    this.addSql(`
      create or replace function instalment_movement_guard() returns trigger as $$
      begin
        if tg_op = 'DELETE' then
          raise exception 'instalment_movement is the money ledger: DELETE refused';
        end if;
        if new.amount_cents <> old.amount_cents or new.processor_key <> old.processor_key or new.kind <> old.kind
           or new.currency_code <> old.currency_code or new.refunded_charge is distinct from old.refunded_charge then
          raise exception 'instalment_movement %: what a movement moves cannot change', old.id;
        end if;
        if old.status in ('succeeded', 'failed') and new.status <> old.status then
          raise exception 'instalment_movement %: a settled movement (%) cannot become %', old.id, old.status, new.status;
        end if;
        if old.status = 'void' and new.status not in ('void', 'succeeded', 'pending') then
          raise exception 'instalment_movement %: a void movement cannot become %', old.id, new.status;
        end if;
        return new;
      end
      $$ language plpgsql;`)
    this.addSql(`drop trigger if exists instalment_movement_guard on "instalment_movement";`)
    this.addSql(`create trigger instalment_movement_guard before update or delete on "instalment_movement" for each row execute function instalment_movement_guard();`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists instalment_movement_guard on "instalment_movement";`)
    this.addSql(`drop function if exists instalment_movement_guard();`)
    this.addSql(`drop table if exists "instalment_movement";`)
    this.addSql(`drop table if exists "instalment_operation";`)
    this.addSql(`alter table if exists "instalment_plan" drop column if exists "version";`)
  }
}
