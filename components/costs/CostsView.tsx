import Link from "next/link";
import { card } from "@/components/ui/styles";
import { daysOf } from "@/lib/domain/cost-range";
import type { CostGroup, CostReport } from "@/lib/domain/cost-reports";
import { costSearchString, type CostQuery } from "@/lib/portal/cost-search";
import { BreakdownTable } from "./BreakdownTable";
import { CostChart } from "./CostChart";
import { formatCount, formatMoney, PRODUCT_COLOURS } from "./format";
import { RangeForm } from "./RangeForm";

/** Where a group's own cost page is, keeping the period (subprojects and projects have one). */
function groupLink(g: CostGroup, report: CostReport, search: string): string | null {
  const by = report.breakdown.grouping.by;
  if (by === "project") return `/projects/${g.key}/costs?${search}`;
  if (by === "subproject" && g.parentId) return `/projects/${g.parentId}/subprojects/${g.key}/costs?${search}`;
  return null;
}

/** The body of every cost page (account, project, subproject): period, summary, chart, splits, breakdown. */
export function CostsView({ report, query, pagePath, exportPath, children }: { report: CostReport; query: CostQuery; pagePath: string; exportPath: string; children?: React.ReactNode }) {
  const search = costSearchString(query.search);
  const money = (minor: number) => formatMoney(minor, report.currency);
  const byDay = new Map<string, Record<string, number>>();
  for (const d of report.series) byDay.set(d.day, { ...byDay.get(d.day), [d.product]: d.amountMinor });
  const points = daysOf(report.range).map((day) => ({ day, ...byDay.get(day) }));
  const products = report.byProduct.map((p) => ({ key: p.key, name: p.name }));
  const topMax = Math.max(1, ...report.top.map((t) => t.amountMinor));
  return (
    <div className="flex flex-col gap-6">
      <RangeForm action={pagePath} kind={report.scope.kind} search={query.search} />
      {query.problem && <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">{query.problem} Showing the current month instead.</p>}
      <section className="grid gap-4 sm:grid-cols-3">
        <div className={`${card} p-4`}>
          <p className="text-xs uppercase text-slate-500">Total cost</p>
          <p className="mt-1 text-2xl font-semibold tabular-nums" data-testid="cost-total">
            {money(report.totalMinor)}
          </p>
        </div>
        <div className={`${card} p-4`}>
          <p className="text-xs uppercase text-slate-500">Billable events</p>
          <p className="mt-1 text-2xl font-semibold tabular-nums">{formatCount(report.events)}</p>
        </div>
        <div className={`${card} p-4`}>
          <p className="text-xs uppercase text-slate-500">Period (UTC)</p>
          <p className="mt-1 text-sm font-medium">
            {report.range.from} – {report.range.to}
          </p>
          <p className="text-xs text-slate-500">Amounts in {report.currency}, the account&apos;s currency</p>
        </div>
      </section>
      {children}
      <section className={`${card} p-4`}>
        <h2 className="mb-3 font-medium">Daily cost</h2>
        {report.series.length === 0 ? <p className="text-sm text-slate-500">No usage in this period.</p> : <CostChart points={points} products={products} currency={report.currency} />}
      </section>
      <div className="grid gap-6 lg:grid-cols-2">
        <section className={card} aria-label="By product">
          <h2 className="border-b border-slate-200 px-4 py-3 font-medium">By product</h2>
          <table className="w-full text-left text-sm">
            <tbody className="divide-y divide-slate-100">
              {report.byProduct.map((p) => (
                <tr key={p.key} data-testid="cost-product-row">
                  <td className="px-4 py-2">
                    <span className="mr-2 inline-block h-2.5 w-2.5 rounded-sm" style={{ background: PRODUCT_COLOURS[p.key] }} />
                    {p.name}
                  </td>
                  <td className="px-4 py-2 text-right text-slate-500 tabular-nums">{formatCount(p.quantity ?? 0)} {p.quantity === 1 ? "unit" : "units"}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{money(p.amountMinor)}</td>
                </tr>
              ))}
              {report.byProduct.length === 0 && (
                <tr>
                  <td className="px-4 py-4 text-slate-500">No usage in this period.</td>
                </tr>
              )}
            </tbody>
          </table>
        </section>
        {report.scope.kind !== "subproject" && (
          <section className={card} aria-label="Top subprojects">
            <h2 className="border-b border-slate-200 px-4 py-3 font-medium">Top subprojects by cost</h2>
            <ol className="divide-y divide-slate-100 text-sm">
              {report.top.map((t) => (
                <li key={t.key} className="px-4 py-2" data-testid="cost-top-row">
                  <div className="flex justify-between gap-2">
                    {t.parentId ? (
                      <Link href={`/projects/${t.parentId}/subprojects/${t.key}/costs?${search}`} className="truncate text-brand-700 hover:underline">
                        {t.name}
                      </Link>
                    ) : (
                      <span className="truncate">{t.name}</span>
                    )}
                    <span className="tabular-nums">{money(t.amountMinor)}</span>
                  </div>
                  <div className="mt-1 h-1.5 rounded bg-slate-100">
                    <div className="h-1.5 rounded bg-brand-500" style={{ width: `${Math.max(1, (t.amountMinor / topMax) * 100)}%` }} />
                  </div>
                </li>
              ))}
              {report.top.length === 0 && <li className="px-4 py-4 text-slate-500">No subproject usage in this period.</li>}
            </ol>
          </section>
        )}
      </div>
      <BreakdownTable report={report} exportHref={`${exportPath}?${search}`} linkOf={(g) => groupLink(g, report, search)} />
    </div>
  );
}
