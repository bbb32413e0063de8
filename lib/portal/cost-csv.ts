import { stringify } from "csv-stringify/sync";
import type { CostReport } from "@/lib/domain/cost-reports";
import { costReport } from "@/lib/domain/cost-reports";
import type { CostScope } from "@/lib/domain/cost-scope";
import { decimalAmount } from "@/lib/domain/money";
import { costQuery, type CostSearch } from "./cost-search";

/** Rows the breakdown table shows at most; the rest is one "other" row, on the page and in the CSV. */
export const BREAKDOWN_ROWS = 1000;

/**
 * The breakdown exactly as the cost page shows it: one row per group, then the "other" row when
 * the page cuts the list. The amounts add up to the page's total to the minor unit.
 */
export function costCsv(report: CostReport): string {
  const { grouping, groups, rest } = report.breakdown;
  const by = grouping.by === "label" ? `label:${grouping.key}` : grouping.by;
  const rows = groups.map((g) => [by, g.key, g.name, g.quantity ?? "", g.events, decimalAmount(g.amountMinor), report.currency]);
  if (rest) rows.push([by, "", `Other (${rest.groups})`, "", rest.events, decimalAmount(rest.amountMinor), report.currency]);
  return stringify([["group_by", "key", "name", "quantity", "events", "amount", "currency"], ...rows]);
}

/** The CSV download for a scope and the page's query string. */
export async function costCsvResponse(scope: CostScope, search: CostSearch, label: string): Promise<Response> {
  const q = costQuery(scope.kind, search);
  const report = await costReport(scope, q.range, q.grouping, { breakdownLimit: BREAKDOWN_ROWS });
  const name = `costs-${label}-${q.range.from}-${q.range.to}-${q.search.group === "label" ? `label-${q.grouping.by === "label" ? q.grouping.key : ""}` : q.search.group}.csv`.replace(/[^\w.-]/g, "_");
  return new Response(costCsv(report), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" },
  });
}
