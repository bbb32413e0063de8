import { eq, sql, type SQL } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import { accounts, type UsageProduct } from "@/db/schema";
import type { DayRange } from "./cost-range";
import { dailySource, groupedSource, nodeTotals, PRODUCT_NAMES, type CostGrouping, type CostScope } from "./cost-scope";
import { decodeCursor, encodeCursor } from "./cursor";
import { DomainError } from "./errors";
import { isSubprojectId } from "./ids";

// Every query here reads rollups (daily, monthly, per-project daily), never the usage ledger.

export interface DailyCost {
  day: string;
  product: UsageProduct;
  quantity: number;
  events: number;
  amountMinor: number;
}

export interface CostGroup {
  /** Product, day (YYYY-MM-DD), node ID, or label value ("" for nodes without the label). */
  key: string;
  name: string;
  /** For node groupings: whether the node is a subproject (false: a top-level project's own usage). */
  isSubproject?: boolean;
  /** For a subproject (when it still exists): its parent project, for links. */
  parentId?: string | null;
  /** Units of one product; null when the group mixes products. */
  quantity: number | null;
  events: number;
  amountMinor: number;
}

/** Everything beyond the rows shown, as one sum, so shown rows + rest = total exactly. */
export interface CostRest {
  groups: number;
  events: number;
  amountMinor: number;
}

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

interface GroupRow {
  key: string;
  quantity: unknown;
  events: unknown;
  amount_minor: unknown;
  display_name: string | null;
  parent_id: string | null;
}

function toGroup(row: GroupRow, grouping: CostGrouping): CostGroup {
  const base = { key: row.key, quantity: row.quantity === null ? null : num(row.quantity), events: num(row.events), amountMinor: num(row.amount_minor) };
  switch (grouping.by) {
    case "product":
      return { ...base, name: PRODUCT_NAMES[row.key as UsageProduct] ?? row.key };
    case "day":
      return { ...base, name: row.key };
    case "label":
      return { ...base, name: row.key === "" ? `(no ${grouping.key} label)` : row.key };
    case "project":
      return { ...base, name: row.display_name ?? "(deleted project)", isSubproject: false };
    case "subproject":
      // Usage outlives a purged subproject: it is still reported, under its ID.
      if (row.display_name === null) return { ...base, name: `(deleted) ${row.key}`, isSubproject: isSubprojectId(row.key) };
      return { ...base, name: row.parent_id ? row.display_name : `${row.display_name} (project's own usage)`, isSubproject: row.parent_id !== null, parentId: row.parent_id };
  }
}

const names = (grouping: CostGrouping) => (grouping.by === "subproject" || grouping.by === "project" ? sql`p.display_name, p.parent_id` : sql`null::text as display_name, null::text as parent_id`);
const joinNames = (grouping: CostGrouping) => (grouping.by === "subproject" || grouping.by === "project" ? sql`left join projects p on p.id = g.key` : sql``);

/**
 * The costliest groups first, at most `limit`, and the rest summed into one figure. The top-N
 * and the totals are two queries run side by side: a top-N sort and one aggregate over the
 * groups are cheaper than window functions over every group.
 */
export async function topCostGroups(scope: CostScope, range: DayRange, grouping: CostGrouping, limit: number, source?: SQL): Promise<{ groups: CostGroup[]; rest: CostRest | null }> {
  const db = await getDb();
  const from = source ?? groupedSource(scope, range, grouping);
  const [top, totals] = await Promise.all([
    db.execute(sql`select g.*, ${names(grouping)} from (select s.* from ${from} s order by s.amount_minor desc, s.key limit ${limit}) g ${joinNames(grouping)} order by g.amount_minor desc, g.key`),
    db.execute(sql`select count(*) as group_count, sum(s.events) as all_events, sum(s.amount_minor) as all_amount from ${from} s`),
  ]);
  const groups = rowsOf<GroupRow>(top).map((r) => toGroup(r, grouping));
  const [all] = rowsOf<{ group_count: unknown; all_events: unknown; all_amount: unknown }>(totals);
  const count = num(all?.group_count);
  if (count <= groups.length) return { groups, rest: null };
  const shown = groups.reduce((s, g) => ({ events: s.events + g.events, amountMinor: s.amountMinor + g.amountMinor }), { events: 0, amountMinor: 0 });
  return { groups, rest: { groups: count - groups.length, events: num(all!.all_events) - shown.events, amountMinor: num(all!.all_amount) - shown.amountMinor } };
}

/** Groups in key order, keyset-paged (the usage API's shape). */
export async function pageCostGroups(scope: CostScope, range: DayRange, grouping: CostGrouping, page: { pageSize: number; pageToken?: string | null }): Promise<{ groups: CostGroup[]; nextPageToken: string }> {
  const after = decodeCursor(page.pageToken, 1);
  if (page.pageToken && !after) throw new DomainError("INVALID_ARGUMENT", "Invalid pageToken", [{ field: "pageToken", description: "is not a token this API returned" }]);
  const db = await getDb();
  const rows = rowsOf<GroupRow>(
    await db.execute(sql`
      select g.*, ${names(grouping)} from (
        select s.* from ${groupedSource(scope, range, grouping)} s ${after ? sql`where s.key > ${after[0]}` : sql``} order by s.key limit ${page.pageSize + 1}
      ) g ${joinNames(grouping)} order by g.key`),
  );
  const groups = rows.slice(0, page.pageSize).map((r) => toGroup(r, grouping));
  const last = groups[groups.length - 1];
  return { groups, nextPageToken: rows.length > page.pageSize && last ? encodeCursor([last.key]) : "" };
}

/** Day × product figures of the range (days without usage are absent). */
export async function costSeries(scope: CostScope, range: DayRange): Promise<DailyCost[]> {
  const db = await getDb();
  const rows = rowsOf<{ day: string; product: UsageProduct; quantity: unknown; events: unknown; amount_minor: unknown }>(
    await db.execute(sql`
      select day::text as day, product::text as product, sum(quantity) as quantity, sum(events) as events, sum(amount_minor) as amount_minor
      from ${dailySource(scope, range)} d group by day, product order by day, product`),
  );
  return rows.map((r) => ({ day: r.day, product: r.product, quantity: num(r.quantity), events: num(r.events), amountMinor: num(r.amount_minor) }));
}

export interface CostReport {
  scope: CostScope;
  range: DayRange;
  currency: string;
  totalMinor: number;
  events: number;
  series: DailyCost[];
  byProduct: CostGroup[];
  /** The costliest subprojects (empty for a subproject's own report). */
  top: CostGroup[];
  breakdown: { grouping: CostGrouping; groups: CostGroup[]; rest: CostRest | null };
}

/**
 * What a cost page shows: total, daily series, split by product, top subprojects and one
 * breakdown (at most `breakdownLimit` rows plus the rest), all from rollups.
 */
export async function costReport(scope: CostScope, range: DayRange, grouping: CostGrouping, options: { breakdownLimit?: number; topLimit?: number } = {}): Promise<CostReport> {
  const { breakdownLimit = 1000, topLimit = 10 } = options;
  const db = await getDb();
  const [[account], series, breakdown] = await Promise.all([
    db.select({ currency: accounts.currency }).from(accounts).where(eq(accounts.id, scope.accountId)),
    costSeries(scope, range),
    topCostGroups(scope, range, grouping, breakdownLimit),
  ]);
  let top: CostGroup[] = [];
  if (scope.kind !== "subproject") {
    // The breakdown by subproject already holds the top subprojects unless its cut-off hides some.
    const fromBreakdown = grouping.by === "subproject" ? breakdown.groups.filter((g) => g.isSubproject) : [];
    top =
      grouping.by === "subproject" && (fromBreakdown.length >= topLimit || !breakdown.rest)
        ? fromBreakdown.slice(0, topLimit)
        : (await topCostGroups(scope, range, { by: "subproject" }, topLimit, sql`(select project_id as key, null::bigint as quantity, events, amount_minor from ${nodeTotals(scope, range, { subprojectsOnly: true })} n)`)).groups;
  }
  const byProduct = new Map<UsageProduct, CostGroup>();
  for (const d of series) {
    const g = byProduct.get(d.product) ?? { key: d.product, name: PRODUCT_NAMES[d.product], quantity: 0, events: 0, amountMinor: 0 };
    byProduct.set(d.product, { ...g, quantity: g.quantity! + d.quantity, events: g.events + d.events, amountMinor: g.amountMinor + d.amountMinor });
  }
  return {
    scope,
    range,
    currency: account?.currency ?? "USD",
    totalMinor: series.reduce((s, d) => s + d.amountMinor, 0),
    events: series.reduce((s, d) => s + d.events, 0),
    series,
    byProduct: [...byProduct.values()].sort((a, b) => b.amountMinor - a.amountMinor),
    top,
    breakdown: { grouping, ...breakdown },
  };
}

/** Total amount and event count of the range (one small read of the daily rollups). */
export async function costTotal(scope: CostScope, range: DayRange): Promise<{ amountMinor: number; events: number }> {
  const db = await getDb();
  const [row] = rowsOf<{ amount_minor: unknown; events: unknown }>(await db.execute(sql`select sum(amount_minor) as amount_minor, sum(events) as events from ${dailySource(scope, range)} d`));
  return { amountMinor: num(row?.amount_minor), events: num(row?.events) };
}
