import Link from "next/link";
import { nodePath, NodeHeader } from "@/components/projects/NodeHeader";
import { ACTIONS_COLUMN, DataTable } from "@/components/ui/DataTable";
import { button, card, input } from "@/components/ui/styles";
import type { NodeAccess } from "@/lib/authz/people";
import { DomainError } from "@/lib/domain/errors";
import { listLinkableApps } from "@/lib/domain/number-config";
import { listActiveNumbers, listAvailableRegions } from "@/lib/domain/numbers";
import { getNode } from "@/lib/domain/projects";
import { formatMoney, TYPE_LABELS } from "./format";
import { MoveNumberButton } from "./MoveNumberButton";
import { NumberActions } from "./NumberActions";
import { RentNumberPanel } from "./RentNumberPanel";

const PAGE_SIZE = 50;

async function activePage(nodeId: string, pageToken?: string, pattern?: string) {
  const numberPattern = pattern ? { pattern, searchPattern: "CONTAINS" as const } : undefined;
  try {
    return { ...(await listActiveNumbers(nodeId, { pageSize: PAGE_SIZE, pageToken, numberPattern })), pattern, problem: null };
  } catch (error) {
    // A hand-edited URL (bad token or pattern) shows the first page and says why, not an error page.
    if (error instanceof DomainError && error.code === "INVALID_ARGUMENT") return { ...(await listActiveNumbers(nodeId, { pageSize: PAGE_SIZE })), pattern: undefined, problem: error.message };
    throw error;
  }
}

/** Phone numbers of one project or subproject: the same page on both tiers. */
export async function NumbersPage({ access, pageToken, pattern }: { access: NodeAccess; pageToken?: string; pattern?: string }) {
  const node = access.node;
  const base = nodePath(node, "numbers");
  if (node.deleted) {
    return (
      <div className="flex flex-col gap-6">
        <NodeHeader access={access} active="numbers" />
        <p className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-800">This subproject is deleted; its numbers cannot be managed until it is restored.</p>
      </div>
    );
  }
  const canWrite = access.permissions.has("resource.write") && !node.suspended;
  const [page, regions, apps] = await Promise.all([activePage(node.id, pageToken, pattern), canWrite ? listAvailableRegions() : [], canWrite ? listLinkableApps(node.id) : []]);
  const filter = page.pattern;
  const servicePlans = apps.filter((a) => a.kind === "sms_service_plan");
  const voiceApps = apps.filter((a) => a.kind === "voice");
  const appName = new Map(apps.map((a) => [a.id, a.displayName]));
  // Moves stay inside the project family, so the picker searches the top-level project's subprojects.
  const top = node.parentId ? await getNode(node.parentId) : null;
  const topProject = { id: node.parentId ?? node.id, displayName: top?.displayName ?? node.displayName };
  const link = (token?: string) => {
    const params = new URLSearchParams();
    if (filter) params.set("pattern", filter);
    if (token) params.set("pageToken", token);
    const s = params.toString();
    return s ? `${base}?${s}` : base;
  };
  return (
    <div className="flex flex-col gap-6">
      <NodeHeader access={access} active="numbers" />
      <p className="text-sm text-slate-600">
        Numbers rented here belong to this {node.parentId ? "subproject" : "project"} alone: its charges, its access keys (
        <code>/v1/projects/{node.id}/activeNumbers</code>), its SMS service plans and Voice apps.
      </p>
      {canWrite && <RentNumberPanel nodeId={node.id} tier={node.parentId ? "subproject" : "project"} regions={regions} />}
      <section className={card} aria-labelledby="active-numbers-heading">
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-3">
          <h2 id="active-numbers-heading" className="font-medium">
            Active numbers <span className="text-sm font-normal text-slate-500" data-testid="active-number-total">({page.totalSize.toLocaleString("en")}{filter ? " matching" : ""})</span>
          </h2>
          <form method="get" action={base} className="flex gap-2">
            <input name="pattern" defaultValue={filter} aria-label="Filter numbers" placeholder="Digits, e.g. 202" inputMode="numeric" className={`${input} w-40`} />
            <button className={button.secondary} type="submit">
              Filter
            </button>
          </form>
        </div>
        {page.problem && <p className="bg-amber-50 px-4 py-2 text-sm text-amber-800">{page.problem}</p>}
        <DataTable
          columns={["Number", "Name", "Type", "Monthly", "SMS", "Voice", "Next charge", canWrite && ACTIONS_COLUMN]}
          rows={page.activeNumbers}
          empty={filter ? "No numbers match." : "No numbers yet."}
          row={(n) => (
            <tr key={n.phoneNumber} data-testid="active-number">
              <td className="px-4 py-2 font-mono">{n.phoneNumber}</td>
              <td className="px-4 py-2">{n.displayName ?? <span className="text-slate-400">—</span>}</td>
              <td className="px-4 py-2 text-slate-600">
                {n.regionCode} · {TYPE_LABELS[n.type]} · {n.capabilities.join(" + ")}
              </td>
              <td className="px-4 py-2">{formatMoney(n.monthlyPrice)}</td>
              <td className="px-4 py-2 text-slate-600">{n.smsConfiguration ? (appName.get(n.smsConfiguration.servicePlanId) ?? n.smsConfiguration.servicePlanId) : "—"}</td>
              <td className="px-4 py-2 text-slate-600">{n.voiceConfiguration?.appId ? `${appName.get(n.voiceConfiguration.appId) ?? n.voiceConfiguration.appId} (${n.voiceConfiguration.type})` : "—"}</td>
              <td className="px-4 py-2 text-slate-500">{n.nextChargeDate?.toISOString().slice(0, 10) ?? "—"}</td>
              {canWrite && (
                <td className="px-4 py-2">
                  <NumberActions
                    nodeId={node.id}
                    number={{
                      phoneNumber: n.phoneNumber,
                      capabilities: n.capabilities,
                      displayName: n.displayName ?? "",
                      servicePlanId: n.smsConfiguration?.servicePlanId ?? "",
                      campaignId: n.smsConfiguration?.campaignId ?? "",
                      voiceAppId: n.voiceConfiguration?.appId ?? "",
                      voiceType: n.voiceConfiguration?.type ?? "RTC",
                      callbackUrl: n.callbackUrl ?? "",
                    }}
                    servicePlans={servicePlans}
                    voiceApps={voiceApps}
                  />
                  <MoveNumberButton nodeId={node.id} topProject={topProject} phoneNumber={n.phoneNumber} />
                </td>
              )}
            </tr>
          )}
        />
        <div className="flex justify-between border-t border-slate-200 px-4 py-2 text-sm">
          {pageToken ? (
            <Link href={link()} className={button.link}>
              « First page
            </Link>
          ) : (
            <span />
          )}
          {page.nextPageToken && (
            <Link href={link(page.nextPageToken)} className={button.link}>
              Next page »
            </Link>
          )}
        </div>
      </section>
    </div>
  );
}
