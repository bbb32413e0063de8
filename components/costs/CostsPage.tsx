import type { CostScope } from "@/lib/domain/cost-scope";
import { costReport } from "@/lib/domain/cost-reports";
import { BREAKDOWN_ROWS } from "@/lib/portal/cost-csv";
import { costQuery, type CostSearch } from "@/lib/portal/cost-search";
import { CostsView } from "./CostsView";

/**
 * Loads one report (rollups only) for the scope and the query string and renders it. The CSV
 * export runs the same query with the same limits, so it holds exactly the rows shown here.
 */
export async function CostsPage({ scope, search, pagePath, exportPath, header, panel }: { scope: CostScope; search: CostSearch; pagePath: string; exportPath: string; header: React.ReactNode; panel?: React.ReactNode }) {
  const query = costQuery(scope.kind, search);
  const report = await costReport(scope, query.range, query.grouping, { breakdownLimit: BREAKDOWN_ROWS });
  return (
    <div className="flex flex-col gap-6">
      {header}
      <CostsView report={report} query={query} pagePath={pagePath} exportPath={exportPath}>
        {panel}
      </CostsView>
    </div>
  );
}
