import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import type { DayRange } from "@/lib/domain/cost-range";
import type { CostScope } from "@/lib/domain/cost-scope";

/**
 * The cost report computed the slow way, from the raw ledger: for benchmarks only, as the
 * baseline the rollups are measured against (the portal and the API never run this). Same
 * output as costReport's core: total, day × product series, top nodes by cost.
 */
export async function ledgerReport(scope: CostScope, range: DayRange, breakdownLimit = 1000) {
  const db = await getDb();
  const where = sql`account_id = ${scope.accountId}::uuid
    ${scope.kind === "project" ? sql`and top_project_id = ${scope.projectId}` : scope.kind === "subproject" ? sql`and project_id = ${scope.projectId}` : sql``}
    and occurred_at >= ${range.from}::timestamp at time zone 'UTC' and occurred_at < (${range.to}::date + 1)::timestamp at time zone 'UTC'`;
  const [series, nodes] = await Promise.all([
    db.execute(sql`
      select (occurred_at at time zone 'UTC')::date as day, product, sum(quantity) as quantity, count(*) as events, sum(amount_minor) as amount_minor
      from usage_events where ${where} group by 1, 2 order by 1, 2`),
    db.execute(sql`
      select project_id, count(*) as events, sum(amount_minor) as amount_minor, count(*) over () as groups
      from usage_events where ${where} group by project_id order by sum(amount_minor) desc limit ${breakdownLimit}`),
  ]);
  const rows = rowsOf<{ amount_minor: unknown }>(series);
  return { totalMinor: rows.reduce((s, r) => s + Number(r.amount_minor), 0), series: rows.length, nodes: rowsOf(nodes).length };
}
