import Link from "next/link";
import { nodePath, NodeHeader } from "@/components/projects/NodeHeader";
import { ACTIONS_COLUMN, DataTable } from "@/components/ui/DataTable";
import { button, card, input } from "@/components/ui/styles";
import type { NodeAccess } from "@/lib/authz/people";
import { listApps, type AppView } from "@/lib/domain/apps";
import { APP_KIND_LABELS, APP_KINDS, APP_REGION_LABELS, MAX_APPS_PER_KIND, type AppKindName } from "@/lib/schemas/apps";
import { AppActions } from "./AppActions";
import { CopyId } from "./CopyId";
import { CreateAppForm } from "./CreateAppForm";

const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** The apps (API configuration) of one project or subproject, grouped by kind: the same page on both tiers. */
export async function AppsPage({ access, q = "" }: { access: NodeAccess; q?: string }) {
  const query = q.trim().slice(0, 255);
  const apps = await listApps(access.node.id, { q: query });
  const canWrite = access.permissions.has("resource.write") && !access.node.deleted;
  const here = nodePath(access.node, "apps");
  return (
    <div className="flex flex-col gap-6">
      <NodeHeader access={access} active="apps" />
      <p className="text-sm text-slate-600">
        Apps hold the API configuration of this {access.node.parentId ? "subproject" : "project"}: SMS service plans, Conversation, Voice and Verification apps. Numbers
        rented here can be configured with them. At most {MAX_APPS_PER_KIND} of each kind.
      </p>
      {access.node.deleted && <p className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-800">This subproject is deleted: its apps are read-only until it is restored.</p>}
      {canWrite && (
        <section className={`${card} p-4`}>
          <h2 className="mb-3 font-medium">New app</h2>
          <CreateAppForm nodeId={access.node.id} />
        </section>
      )}
      <form method="get" action={here} role="search" className="flex items-center gap-2">
        <input name="q" type="search" defaultValue={query} aria-label="Search apps by name" placeholder="Search by name" maxLength={255} className={`${input} w-72`} />
        <button type="submit" className={button.secondary}>
          Search
        </button>
        {query && (
          <Link href={here} className={button.link}>
            Clear
          </Link>
        )}
      </form>
      {APP_KINDS.map((kind) => (
        <KindSection key={kind} kind={kind} apps={apps.filter((a) => a.kind === kind)} nodeId={access.node.id} canWrite={canWrite} searching={query !== ""} />
      ))}
    </div>
  );
}

function KindSection({ kind, apps, nodeId, canWrite, searching }: { kind: AppKindName; apps: AppView[]; nodeId: string; canWrite: boolean; searching: boolean }) {
  const label = APP_KIND_LABELS[kind].many;
  return (
    <section className={card} aria-labelledby={`apps-${kind}`} data-testid={`apps-${kind}`}>
      <h2 id={`apps-${kind}`} className="border-b border-slate-200 px-4 py-3 font-medium">
        {label} <span className="text-sm font-normal text-slate-500">({apps.length})</span>
      </h2>
      {apps.length === 0 ? (
        <p className="px-4 py-4 text-sm text-slate-500">{searching ? `No ${label.toLowerCase()} match this search.` : `No ${label.toLowerCase()} yet.`}</p>
      ) : (
        <DataTable
          columns={["Name", "ID", "Region", "Callback URL", "Created", canWrite && ACTIONS_COLUMN]}
          rows={apps}
          row={(app) => (
            <tr key={app.appId} data-testid="app-row">
              <td className="px-4 py-2 font-medium">{app.displayName}</td>
              <td className="px-4 py-2">
                <CopyId id={app.appId} />
              </td>
              <td className="px-4 py-2 text-slate-600">{APP_REGION_LABELS[app.region as keyof typeof APP_REGION_LABELS] ?? app.region}</td>
              <td className="max-w-xs truncate px-4 py-2 font-mono text-xs text-slate-600" title={app.callbackUrl ?? undefined}>
                {app.callbackUrl ?? <span className="font-sans text-slate-400">none</span>}
              </td>
              <td className="px-4 py-2 text-slate-600">{utc(app.createTime)}</td>
              {canWrite && (
                <td className="px-4 py-2">
                  <AppActions nodeId={nodeId} app={{ appId: app.appId, displayName: app.displayName, region: app.region, callbackUrl: app.callbackUrl }} />
                </td>
              )}
            </tr>
          )}
        />
      )}
    </section>
  );
}
