import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The plan history is the proof of what happened (docs/business-rules.md §4): once written, an
 * event can be neither changed nor deleted. Hand-written (DML cannot express triggers).
 */
export class Migration20261122085500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create or replace function instalment_plan_event_append_only() returns trigger as $$
      begin
        raise exception 'instalment_plan_event is append-only: % refused', tg_op;
      end
      $$ language plpgsql;`)
    this.addSql(`drop trigger if exists instalment_plan_event_append_only on "instalment_plan_event";`)
    this.addSql(`
      create trigger instalment_plan_event_append_only
      before update or delete on "instalment_plan_event"
      for each row execute function instalment_plan_event_append_only();`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists instalment_plan_event_append_only on "instalment_plan_event";`)
    this.addSql(`drop function if exists instalment_plan_event_append_only();`)
  }
}
