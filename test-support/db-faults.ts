/**
 * Real database failures on command, for the tests of the money path: a trigger installed in the
 * test database makes the next N writes to a table fail, as a lost connection, a deadlock or a
 * full disk would fail the write that records a processor's answer. Nothing of the plugin is
 * replaced: its own statements meet a real Postgres error.
 *
 * The count lives in a sequence, which a failing transaction does not roll back.
 */
type Sql = { raw: (query: string, params?: unknown[]) => Promise<unknown> }

const TABLES = ["instalment_plan_event", "instalment_movement", "instalment_sandbox_record"] as const
export type FaultTable = (typeof TABLES)[number]

/** Installs the fault triggers (idempotent). */
export async function installWriteFaults(sql: Sql): Promise<void> {
  await sql.raw(`create table if not exists instalments_test_fault (table_name text primary key, fail_from bigint not null default 1, fail_until bigint not null default 0, key_like text)`)
  for (const table of TABLES) {
    await sql.raw(`create sequence if not exists "instalments_test_fault_${table}_seq"`)
    await sql.raw(`insert into instalments_test_fault (table_name) values (?) on conflict do nothing`, [table])
  }
  await sql.raw(`
    create or replace function instalments_test_fault() returns trigger as $$
    declare
      rule record;
    begin
      select * into rule from instalments_test_fault where table_name = tg_table_name;
      if rule.fail_until > 0 and (rule.key_like is null or to_jsonb(new)::text like rule.key_like) then
        declare
          n bigint := nextval(format('%I', 'instalments_test_fault_' || tg_table_name || '_seq'));
        begin
          if n >= rule.fail_from and n <= rule.fail_until then
            raise exception 'injected write failure on %', tg_table_name;
          end if;
        end;
      end if;
      return new;
    end
    $$ language plpgsql`)
  for (const table of TABLES) {
    const [exists] = ((await sql.raw(`select to_regclass(?) as name`, [table])) as { rows: { name: string | null }[] }).rows
    if (!exists?.name) continue
    await sql.raw(`drop trigger if exists instalments_test_fault on "${table}"`)
    await sql.raw(`create trigger instalments_test_fault before insert or update on "${table}" for each row execute function instalments_test_fault()`)
  }
}

/**
 * After `skip` writes that go through, the next `count` writes to `table` fail. Only rows whose
 * JSON matches the LIKE pattern `rowLike` count, when it is given (e.g. `%"key": "refund:%`).
 */
export async function failNextWrites(sql: Sql, table: FaultTable, count = 1, rowLike?: string, skip = 0): Promise<void> {
  await sql.raw(`select setval('"instalments_test_fault_${table}_seq"', 1, false)`)
  await sql.raw(`update instalments_test_fault set fail_from = ?, fail_until = ?, key_like = ? where table_name = ?`, [skip + 1, skip + count, rowLike ?? null, table])
}

/** Writes succeed again. */
export async function stopWriteFaults(sql: Sql): Promise<void> {
  await sql.raw(`update instalments_test_fault set fail_until = 0, key_like = null`)
}
