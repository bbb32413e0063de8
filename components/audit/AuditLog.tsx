import Link from "next/link";
import { EmptyState, TableHead } from "@/components/ui/DataTable";
import { button, card, input } from "@/components/ui/styles";
import { listAuditEvents, type AuditFilter } from "@/lib/domain/audit-log";
import { DomainError } from "@/lib/domain/errors";

export interface AuditSearch {
  action?: string;
  actor?: string;
  since?: string;
  until?: string;
  page?: string;
}

const ACTION_GROUPS = ["", "project.", "subproject.", "accessKey.", "number.", "app.", "member.", "project_member.", "account."];

function summary(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = JSON.stringify(value);
  return text.length > 140 ? `${text.slice(0, 140)}…` : text;
}

/** Filterable, keyset-paged audit trail for an account or a project (with its subprojects). */
export async function AuditLog({ scope, basePath, search }: { scope: AuditFilter["scope"]; basePath: string; search: AuditSearch }) {
  const filter: AuditFilter = {
    scope,
    action: search.action || null,
    actorType: search.actor === "user" || search.actor === "access_key" || search.actor === "system" ? search.actor : null,
    since: search.since ? new Date(`${search.since}T00:00:00Z`) : null,
    until: search.until ? new Date(new Date(`${search.until}T00:00:00Z`).getTime() + 86_400_000) : null,
    pageSize: 50,
    pageToken: search.page,
  };
  const validDates = (!filter.since || !isNaN(filter.since.getTime())) && (!filter.until || !isNaN(filter.until.getTime()));
  const page = validDates
    ? await listAuditEvents(filter).catch((e: unknown) => {
        if (e instanceof DomainError) return listAuditEvents({ ...filter, pageToken: null });
        throw e;
      })
    : { events: [], nextPageToken: "" };
  const keep = (pageToken?: string) => {
    const params = new URLSearchParams();
    for (const k of ["action", "actor", "since", "until"] as const) if (search[k]) params.set(k, search[k]!);
    if (pageToken) params.set("page", pageToken);
    const s = params.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  return (
    <section className={card}>
      <form method="get" action={basePath} className="flex flex-wrap items-end gap-2 border-b border-slate-200 p-3 text-sm">
        <label className="flex flex-col gap-1">
          Action
          <select name="action" defaultValue={search.action ?? ""} className={input}>
            {ACTION_GROUPS.map((a) => (
              <option key={a} value={a}>
                {a ? `${a}*` : "All"}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Actor
          <select name="actor" defaultValue={search.actor ?? ""} className={input}>
            <option value="">Anyone</option>
            <option value="user">People</option>
            <option value="access_key">API keys</option>
            <option value="system">CLI / system</option>
          </select>
        </label>
        <label className="flex flex-col gap-1">
          From
          <input type="date" name="since" defaultValue={search.since} className={input} />
        </label>
        <label className="flex flex-col gap-1">
          To
          <input type="date" name="until" defaultValue={search.until} className={input} />
        </label>
        <button type="submit" className={button.secondary}>
          Filter
        </button>
      </form>
      {!validDates && <p className="px-4 py-3 text-sm text-red-700">Those dates are not valid.</p>}
      {page.events.length === 0 ? (
        <EmptyState>No events match.</EmptyState>
      ) : (
        <table className="w-full text-left text-sm">
          <TableHead columns={["When (UTC)", "Who", "What", "Target", "Change"]} />
          <tbody className="divide-y divide-slate-100 align-top">
            {page.events.map((e) => (
              <tr key={e.id} data-testid="audit-event">
                <td className="whitespace-nowrap px-4 py-2 text-slate-600">{e.createdAt.toISOString().slice(0, 19).replace("T", " ")}</td>
                <td className="px-4 py-2">{e.actorLabel}</td>
                <td className="px-4 py-2 font-mono text-xs">{e.action}</td>
                <td className="px-4 py-2 font-mono text-xs text-slate-600">
                  {e.targetType} {e.targetId}
                </td>
                <td className="max-w-md px-4 py-2 font-mono text-xs text-slate-500">
                  {e.before ? <div>− {summary(e.before)}</div> : null}
                  {e.after ? <div>+ {summary(e.after)}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="flex justify-between border-t border-slate-200 px-4 py-2 text-sm">
        {search.page ? <Link href={keep()} className={button.link}>« Newest</Link> : <span />}
        {page.nextPageToken && <Link href={keep(page.nextPageToken)} className={button.link}>Older »</Link>}
      </div>
    </section>
  );
}
