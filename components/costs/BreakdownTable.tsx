import Link from "next/link";
import { EmptyState, TableHead } from "@/components/ui/DataTable";
import { button, card } from "@/components/ui/styles";
import type { CostGroup, CostReport } from "@/lib/domain/cost-reports";
import { formatCount, formatMoney } from "./format";

const HEADINGS = { project: "Project", subproject: "Subproject", product: "Product", day: "Day", label: "Label value" } as const;

/** The breakdown the CSV export reproduces row for row: groups by cost, the rest in one row, the total. */
export function BreakdownTable({ report, exportHref, linkOf }: { report: CostReport; exportHref: string; linkOf: (g: CostGroup) => string | null }) {
  const { grouping, groups, rest } = report.breakdown;
  const share = (minor: number) => (report.totalMinor > 0 ? `${((minor / report.totalMinor) * 100).toFixed(1)} %` : "");
  const showQuantity = grouping.by === "product";
  const heading = grouping.by === "label" ? `${HEADINGS.label} (${grouping.key})` : HEADINGS[grouping.by];
  return (
    <section className={card} aria-label="Breakdown">
      <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
        <h2 className="font-medium">Breakdown by {heading.toLowerCase()}</h2>
        <a href={exportHref} download className={button.secondary} data-testid="cost-export">
          Export CSV
        </a>
      </div>
      {groups.length === 0 ? (
        <EmptyState>No usage in this period.</EmptyState>
      ) : (
        <table className="w-full text-left text-sm">
          <TableHead columns={[heading, showQuantity && { label: "Units", align: "right" }, { label: "Events", align: "right" }, { label: "Cost", align: "right" }, { label: "Share", align: "right" }]} />
          <tbody className="divide-y divide-slate-100">
            {groups.map((g) => {
              const href = linkOf(g);
              return (
                <tr key={g.key} data-testid="cost-breakdown-row">
                  <td className="px-4 py-2">{href ? <Link href={href} className="text-brand-700 hover:underline">{g.name}</Link> : g.name}</td>
                  {showQuantity && <td className="px-4 py-2 text-right tabular-nums">{g.quantity === null ? "" : formatCount(g.quantity)}</td>}
                  <td className="px-4 py-2 text-right tabular-nums">{formatCount(g.events)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatMoney(g.amountMinor, report.currency)}</td>
                  <td className="px-4 py-2 text-right text-slate-500 tabular-nums">{share(g.amountMinor)}</td>
                </tr>
              );
            })}
            {rest && (
              <tr data-testid="cost-breakdown-row" className="text-slate-600">
                <td className="px-4 py-2">Other ({formatCount(rest.groups)})</td>
                {showQuantity && <td />}
                <td className="px-4 py-2 text-right tabular-nums">{formatCount(rest.events)}</td>
                <td className="px-4 py-2 text-right tabular-nums">{formatMoney(rest.amountMinor, report.currency)}</td>
                <td className="px-4 py-2 text-right tabular-nums">{share(rest.amountMinor)}</td>
              </tr>
            )}
          </tbody>
          <tfoot className="border-t border-slate-200 font-medium">
            <tr>
              <td className="px-4 py-2">Total</td>
              {showQuantity && <td />}
              <td className="px-4 py-2 text-right tabular-nums">{formatCount(report.events)}</td>
              <td className="px-4 py-2 text-right tabular-nums" data-testid="cost-breakdown-total">
                {formatMoney(report.totalMinor, report.currency)}
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}
