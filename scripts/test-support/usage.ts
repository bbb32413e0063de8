import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";

/**
 * Every rollup row of an account that disagrees with the ledger (or exists on one side only),
 * for all three rollup tables. Empty means ledger and rollups agree to the minor unit.
 */
export async function rollupDiscrepancies(accountId: string): Promise<Record<string, unknown>[]> {
  const db = await getDb();
  const diff = (name: string, ledger: string, rollup: string, keys: string[], values: string[]) => sql.raw(`
    select '${name}' as rollup, ${keys.map((k) => `coalesce(l.${k}::text, r.${k}::text) as ${k}`).join(", ")}, ${values.map((v) => `l.${v} as ledger_${v}, r.${v} as rollup_${v}`).join(", ")}
    from (${ledger}) l full join (${rollup}) r on ${keys.map((k) => `l.${k} = r.${k}`).join(" and ")}
    where ${values.map((v) => `l.${v} is distinct from r.${v}`).join(" or ")}`);
  const where = `account_id = '${accountId}'`;
  const day = "(occurred_at at time zone 'UTC')::date";
  const month = "date_trunc('month', occurred_at at time zone 'UTC')::date";
  const queries = [
    diff(
      "daily",
      `select project_id, top_project_id, product, ${day} as day, sum(quantity)::bigint as quantity, sum(amount_minor)::bigint as amount_minor, count(*)::bigint as events from usage_events where ${where} group by 1, 2, 3, 4`,
      `select project_id, top_project_id, product, day, quantity::bigint, amount_minor::bigint, events::bigint from usage_daily_rollups where ${where}`,
      ["project_id", "top_project_id", "product", "day"],
      ["quantity", "amount_minor", "events"],
    ),
    diff(
      "monthly",
      `select project_id, top_project_id, ${month} as month, sum(amount_minor)::bigint as amount_minor, count(*)::bigint as events from usage_events where ${where} group by 1, 2, 3`,
      `select project_id, top_project_id, month, amount_minor::bigint, events::bigint from usage_monthly_rollups where ${where}`,
      ["project_id", "top_project_id", "month"],
      ["amount_minor", "events"],
    ),
    diff(
      "project_daily",
      `select top_project_id, product, ${day} as day, sum(quantity)::bigint as quantity, sum(amount_minor)::bigint as amount_minor, count(*)::bigint as events from usage_events where ${where} group by 1, 2, 3`,
      `select top_project_id, product, day, quantity::bigint, amount_minor::bigint, events::bigint from usage_daily_project_rollups where ${where}`,
      ["top_project_id", "product", "day"],
      ["quantity", "amount_minor", "events"],
    ),
  ];
  const out: Record<string, unknown>[] = [];
  for (const q of queries) out.push(...rowsOf<Record<string, unknown>>(await db.execute(q)));
  return out;
}

/** Ledger rows of an account, straight from the table (tests only: reports never read it). */
export async function ledgerTotalMinor(where: { accountId: string; projectId?: string; topProjectId?: string; from?: string; to?: string }): Promise<number> {
  const db = await getDb();
  const [row] = rowsOf<{ total: string | null }>(
    await db.execute(sql`
      select sum(amount_minor)::text as total from usage_events
      where account_id = ${where.accountId}::uuid
        ${where.projectId ? sql`and project_id = ${where.projectId}` : sql``}
        ${where.topProjectId ? sql`and top_project_id = ${where.topProjectId}` : sql``}
        ${where.from ? sql`and occurred_at >= ${where.from}::timestamp at time zone 'UTC'` : sql``}
        ${where.to ? sql`and occurred_at < (${where.to}::date + 1)::timestamp at time zone 'UTC'` : sql``}`),
  );
  return Number(row?.total ?? 0);
}
