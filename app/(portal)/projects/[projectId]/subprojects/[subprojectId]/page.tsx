import type { Metadata } from "next";
import { CostCard } from "@/components/costs/CostCard";
import { AccessPanel } from "@/components/projects/AccessPanel";
import { DeleteSubprojectButton } from "@/components/projects/DeleteSubprojectButton";
import { LabelsEditor } from "@/components/projects/LabelsEditor";
import { RenameForm } from "@/components/projects/RenameForm";
import { SubprojectHeader } from "@/components/projects/SubprojectHeader";
import { Labels } from "@/components/ui/Labels";
import { card } from "@/components/ui/styles";
import { requireSubprojectPage } from "@/lib/authz/request";
import { getAccount } from "@/lib/domain/accounts";
import { listPeopleWithAccess } from "@/lib/domain/project-members";
import { getNode } from "@/lib/domain/projects";

export const metadata: Metadata = { title: "Subproject" };

export default async function SubprojectPage({ params }: { params: Promise<{ projectId: string; subprojectId: string }> }) {
  const { projectId, subprojectId } = await params;
  const access = await requireSubprojectPage(projectId, subprojectId);
  const [node, parent, account, people] = await Promise.all([getNode(subprojectId), getNode(projectId), getAccount(access.node.accountId), listPeopleWithAccess(access.node)]);
  const live = !node!.deleted;
  const canEdit = live && access.permissions.has("subproject.update");
  const canDelete = live && account.portalSubprojectDeletion && access.permissions.has("subproject.delete");
  return (
    <div className="flex flex-col gap-6">
      <SubprojectHeader access={access} active="overview" />
      {!live && (
        <p className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-800">
          This subproject is deleted and will be purged on {node!.purgeTime?.toISOString().slice(0, 10)}. Restore it through the API: <code>POST /v1/subprojects/{subprojectId}:undelete</code>.
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <section className={`${card} p-4`}>
          <h2 className="mb-3 font-medium">Overview</h2>
          <dl className="grid grid-cols-[9rem_1fr] gap-y-1 text-sm">
            <dt className="text-slate-500">Subproject ID</dt>
            <dd className="font-mono">{node!.id}</dd>
            <dt className="text-slate-500">Parent project</dt>
            <dd className="font-mono">{projectId}</dd>
            <dt className="text-slate-500">State</dt>
            <dd>{node!.deleted ? "Deleted" : node!.suspended ? `Suspended${node!.suspendedReason ? ` (${node!.suspendedReason})` : ""}` : "Active"}</dd>
            <dt className="text-slate-500">Created</dt>
            <dd>{node!.createTime.toISOString()}</dd>
            <dt className="text-slate-500">Updated</dt>
            <dd>{node!.updateTime.toISOString()}</dd>
            {!canEdit && (
              <>
                <dt className="text-slate-500">Labels</dt>
                <dd>
                  <Labels labels={node!.labels} />
                </dd>
              </>
            )}
          </dl>
        </section>
        <AccessPanel people={people} parent={parent!} canManage={access.permissions.has("member.read")} />
      </div>
      <CostCard access={access} />
      {canEdit && (
        <section className={`${card} flex flex-col gap-6 p-4`}>
          <RenameForm nodeId={subprojectId} displayName={node!.displayName} />
          <div>
            <h2 className="mb-2 text-sm font-medium">Labels</h2>
            <LabelsEditor nodeId={subprojectId} labels={node!.labels} />
          </div>
        </section>
      )}
      {live && (
        <section className={`${card} p-4 text-sm`}>
          <h2 className="mb-2 font-medium">Delete</h2>
          {canDelete ? (
            <DeleteSubprojectButton subprojectId={subprojectId} parentId={projectId} name={node!.displayName} />
          ) : (
            <p className="text-slate-600" data-testid="deletion-hint">
              Subprojects are deleted through the API: <code>DELETE /v1/subprojects/{subprojectId}</code> with the parent project&apos;s access key. Administrators can enable deletion in the portal for this account.
            </p>
          )}
        </section>
      )}
    </div>
  );
}
