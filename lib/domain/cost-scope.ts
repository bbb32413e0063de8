import { sql, type SQL } from "drizzle-orm";
import type { UsageProduct } from "@/db/schema";
import { addMonths, rangeParts, type DayRange } from "./cost-range";

/** Whose costs a report covers: a whole account, a top-level project with its subprojects, or one subproject. */
export type CostScope =
  | { kind: "account"; accountId: string }
  | { kind: "project"; accountId: string; projectId: string }
  | { kind: "subproject"; accountId: string; projectId: string; parentId: string };

/** The scope of a node's own report: a project covers its subprojects, a subproject only itself. */
export function nodeScope(node: { id: string; accountId: string; parentId: string | null }): CostScope {
  return node.parentId ? { kind: "subproject", accountId: node.accountId, projectId: node.id, parentId: node.parentId } : { kind: "project", accountId: node.accountId, projectId: node.id };
}

export type CostGrouping = { by: "product" } | { by: "day" } | { by: "subproject" } | { by: "project" } | { by: "label"; key: string };

/** `product`, `day`, `subproject`, `project` or `label:<key>`; null when it is none of these. */
export function parseGrouping(raw: string | null | undefined): CostGrouping | null {
  if (raw === "product" || raw === "day" || raw === "subproject" || raw === "project") return { by: raw };
  const key = raw?.startsWith("label:") ? raw.slice(6).trim() : "";
  return key && key.length <= 255 ? { by: "label", key } : null;
}

export function groupingName(g: CostGrouping): string {
  return g.by === "label" ? `label:${g.key}` : g.by;
}

export const PRODUCT_NAMES: Record<UsageProduct, string> = {
  sms: "SMS",
  voice: "Voice",
  verification: "Verification",
  number_setup: "Number setup",
  number_monthly: "Number rental",
};

/**
 * Where day × product figures come from: the per-project daily rollups for an account or a
 * project (a few rows per day, however many subprojects), the node's own for a subproject.
 */
export function dailySource(scope: CostScope, range: DayRange): SQL {
  const days = sql`day >= ${range.from}::date and day <= ${range.to}::date`;
  if (scope.kind === "account") return sql`(select * from usage_daily_project_rollups where account_id = ${scope.accountId}::uuid and ${days})`;
  if (scope.kind === "project") return sql`(select * from usage_daily_project_rollups where account_id = ${scope.accountId}::uuid and top_project_id = ${scope.projectId} and ${days})`;
  return sql`(select * from usage_daily_rollups where account_id = ${scope.accountId}::uuid and project_id = ${scope.projectId} and ${days})`;
}

function nodeCondition(scope: CostScope): SQL {
  if (scope.kind === "account") return sql`account_id = ${scope.accountId}::uuid`;
  if (scope.kind === "project") return sql`account_id = ${scope.accountId}::uuid and top_project_id = ${scope.projectId}`;
  return sql`account_id = ${scope.accountId}::uuid and project_id = ${scope.projectId}`;
}

/**
 * Per-node totals (project_id, top_project_id, events, amount_minor) over a range, from the
 * monthly rollups plus or minus daily ones (see rangeParts). A one-month report of 100,000
 * subprojects reads 100,000 rows, not the ~10 million ledger rows behind them.
 */
export function nodeTotals(scope: CostScope, range: DayRange, options: { subprojectsOnly?: boolean } = {}): SQL {
  const where = sql`${nodeCondition(scope)}${options.subprojectsOnly ? sql` and project_id <> top_project_id` : sql``}`;
  const { months, add, subtract } = rangeParts(range);
  const monthly = months && sql`select project_id, top_project_id, events, amount_minor from usage_monthly_rollups where ${where} and month >= ${months.start}::date and month < ${months.end}::date`;
  // One whole month: exactly one row per node already, nothing to add up.
  if (monthly && add.length === 0 && subtract.length === 0 && months!.end === addMonths(months!.start, 1)) return sql`(${monthly})`;
  const daily = (d: DayRange, sign: SQL) =>
    sql`select project_id, top_project_id, ${sign}events::bigint, ${sign}amount_minor from usage_daily_rollups where ${where} and day >= ${d.from}::date and day <= ${d.to}::date`;
  const parts = [...(monthly ? [monthly] : []), ...add.map((d) => daily(d, sql``)), ...subtract.map((d) => daily(d, sql`-`))];
  // A node whose only usage lies on subtracted days nets to zero events: it is not in the range.
  return sql`(select project_id, min(top_project_id) as top_project_id, sum(events)::bigint as events, sum(amount_minor)::bigint as amount_minor
    from (${sql.join(parts, sql` union all `)}) u group by project_id having sum(events) <> 0)`;
}

/**
 * One grouping as rows of (key, quantity, events, amount_minor); quantity only where it means
 * one thing (a product's units), null where units of different products would be added up.
 */
export function groupedSource(scope: CostScope, range: DayRange, grouping: CostGrouping): SQL {
  switch (grouping.by) {
    case "product":
      return sql`(select product::text as key, sum(quantity)::bigint as quantity, sum(events)::bigint as events, sum(amount_minor)::bigint as amount_minor from ${dailySource(scope, range)} d group by product)`;
    case "day":
      return sql`(select day::text as key, null::bigint as quantity, sum(events)::bigint as events, sum(amount_minor)::bigint as amount_minor from ${dailySource(scope, range)} d group by day)`;
    case "project":
      if (scope.kind === "subproject") return sql`(select ${scope.parentId}::text as key, null::bigint as quantity, sum(events)::bigint as events, sum(amount_minor)::bigint as amount_minor from ${dailySource(scope, range)} d having count(*) > 0)`;
      return sql`(select top_project_id as key, null::bigint as quantity, sum(events)::bigint as events, sum(amount_minor)::bigint as amount_minor from ${dailySource(scope, range)} d group by top_project_id)`;
    case "subproject":
      return sql`(select project_id as key, null::bigint as quantity, events, amount_minor from ${nodeTotals(scope, range)} n)`;
    case "label":
      return sql`(select coalesce(p.labels ->> ${grouping.key}, '') as key, null::bigint as quantity, sum(n.events)::bigint as events, sum(n.amount_minor)::bigint as amount_minor
        from ${nodeTotals(scope, range)} n left join projects p on p.id = n.project_id group by 1)`;
  }
}
