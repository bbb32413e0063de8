import Link from "next/link";
import { DataTable } from "@/components/ui/DataTable";
import { Labels } from "@/components/ui/Labels";
import { button, card, input } from "@/components/ui/styles";
import type { ProjectNode } from "@/lib/domain/nodes";

interface Props {
  projectId: string;
  subprojects: ProjectNode[];
  total: number;
  q: string;
  label: string;
  nextCursor: string | null;
  isFirstPage: boolean;
}

/** Server-rendered, server-paged subproject list with search and label filter (plain GET form: shareable URLs). */
export function SubprojectTable({ projectId, subprojects, total, q, label, nextCursor, isFirstPage }: Props) {
  const base = `/projects/${projectId}`;
  const keep = (cursor?: string) => {
    const params = new URLSearchParams();
    if (q) params.set("q", q);
    if (label) params.set("label", label);
    if (cursor) params.set("cursor", cursor);
    const s = params.toString();
    return s ? `${base}?${s}` : base;
  };
  return (
    <section className={card} aria-labelledby="subprojects-heading">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-3">
        <h2 id="subprojects-heading" className="font-medium">
          Subprojects <span className="text-sm font-normal text-slate-500" data-testid="subproject-total">({total.toLocaleString("en")}{q || label ? " matching" : ""})</span>
        </h2>
        <form method="get" action={base} className="flex gap-2">
          <input name="q" defaultValue={q} aria-label="Search subprojects" placeholder="Search by name…" className={input} />
          <input name="label" defaultValue={label} aria-label="Label filter" placeholder="region=eu" className={`${input} w-32`} />
          <button className={button.secondary} type="submit">
            Search
          </button>
        </form>
      </div>
      <DataTable
        columns={["Name", "ID", "Labels", "Created"]}
        rows={subprojects}
        empty={q || label ? "No subprojects match." : "No subprojects yet."}
        row={(s) => (
          <tr key={s.id} data-testid="subproject-row">
            <td className="px-4 py-2">
              <Link href={`${base}/subprojects/${s.id}`} prefetch={false} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                {s.displayName}
              </Link>
              {s.suspended && <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-800">suspended</span>}
            </td>
            <td className="px-4 py-2 font-mono text-xs text-slate-500">{s.id}</td>
            <td className="px-4 py-2">
              <Labels labels={s.labels} />
            </td>
            <td className="px-4 py-2 text-slate-500">{s.createTime.toISOString().slice(0, 10)}</td>
          </tr>
        )}
      />
      <div className="flex justify-between border-t border-slate-200 px-4 py-2 text-sm">
        {isFirstPage ? <span /> : <Link href={keep()} className={button.link}>« First page</Link>}
        {nextCursor && (
          <Link href={keep(nextCursor)} className={button.link}>
            Next page »
          </Link>
        )}
      </div>
    </section>
  );
}
