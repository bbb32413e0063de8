import { sql, type SQL } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import { addDays, addMonths, monthOf, type DayRange } from "./cost-range";

export interface RebuildResult {
  /** The whole UTC months rebuilt (`to` inclusive), wider than asked when the range cut a month. */
  range: DayRange;
  ledgerRows: number;
  dailyRows: number;
  monthlyRows: number;
  projectDailyRows: number;
}

/**
 * Repair job: recomputes every rollup of the UTC months covering [from, to] from the ledger.
 * Idempotent (delete, then insert the ledger's sums), so running it twice, or on rollups that
 * are already right, changes nothing. Whole months, because the monthly rollup of a month can
 * only be recomputed from all of its days.
 *
 * It takes SHARE ROW EXCLUSIVE on the rollup tables: usage recorded meanwhile waits for the
 * rebuild to commit and then adds itself on top, instead of being counted twice or lost.
 */
export async function rebuildRollups(from: string, to: string, options: { accountId?: string } = {}): Promise<RebuildResult> {
  const start = monthOf(from);
  const end = addMonths(to, 1); // exclusive
  const range = { from: start, to: addDays(end, -1) };
  const account = (column: string): SQL => (options.accountId ? sql`and ${sql.raw(column)} = ${options.accountId}::uuid` : sql``);
  const inLedger = sql`occurred_at >= ${start}::timestamp at time zone 'UTC' and occurred_at < ${end}::timestamp at time zone 'UTC' ${account("account_id")}`;
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table usage_daily_rollups, usage_monthly_rollups, usage_daily_project_rollups in share row exclusive mode`);
    await tx.execute(sql`delete from usage_daily_rollups where day >= ${start}::date and day < ${end}::date ${account("account_id")}`);
    await tx.execute(sql`delete from usage_monthly_rollups where month >= ${start}::date and month < ${end}::date ${account("account_id")}`);
    await tx.execute(sql`delete from usage_daily_project_rollups where day >= ${start}::date and day < ${end}::date ${account("account_id")}`);
    const count = async (statement: SQL) => Number(rowsOf<{ n: string | number }>(await tx.execute(statement))[0]?.n ?? 0);
    const ledgerRows = await count(sql`select count(*) as n from usage_events where ${inLedger}`);
    const dailyRows = await count(sql`
      with ins as (
        insert into usage_daily_rollups (account_id, project_id, top_project_id, product, day, quantity, amount_minor, events)
        select account_id, project_id, top_project_id, product, (occurred_at at time zone 'UTC')::date, sum(quantity), sum(amount_minor), count(*)
        from usage_events where ${inLedger} group by account_id, project_id, top_project_id, product, (occurred_at at time zone 'UTC')::date
        returning 1)
      select count(*) as n from ins`);
    const monthlyRows = await count(sql`
      with ins as (
        insert into usage_monthly_rollups (account_id, project_id, top_project_id, month, amount_minor, events)
        select account_id, project_id, top_project_id, date_trunc('month', occurred_at at time zone 'UTC')::date, sum(amount_minor), count(*)
        from usage_events where ${inLedger} group by account_id, project_id, top_project_id, date_trunc('month', occurred_at at time zone 'UTC')::date
        returning 1)
      select count(*) as n from ins`);
    const projectDailyRows = await count(sql`
      with ins as (
        insert into usage_daily_project_rollups (account_id, top_project_id, product, day, quantity, amount_minor, events)
        select account_id, top_project_id, product, (occurred_at at time zone 'UTC')::date, sum(quantity), sum(amount_minor), count(*)
        from usage_events where ${inLedger} group by account_id, top_project_id, product, (occurred_at at time zone 'UTC')::date
        returning 1)
      select count(*) as n from ins`);
    return { range, ledgerRows, dailyRows, monthlyRows, projectDailyRows };
  });
}
