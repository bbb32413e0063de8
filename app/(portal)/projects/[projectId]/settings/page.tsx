import type { Metadata } from "next";
import { ProjectHeader } from "@/components/projects/ProjectHeader";
import { RenameForm } from "@/components/projects/RenameForm";
import { card } from "@/components/ui/styles";
import { requireProjectPage } from "@/lib/authz/request";
import { getNode } from "@/lib/domain/projects";

export const metadata: Metadata = { title: "Project settings" };

export default async function ProjectSettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const access = await requireProjectPage(projectId);
  const node = (await getNode(projectId))!;
  return (
    <div className="flex flex-col gap-6">
      <ProjectHeader access={access} active="settings" />
      <section className={`${card} p-4`}>
        <h2 className="mb-3 font-medium">General</h2>
        {access.permissions.has("project.update") ? (
          <RenameForm nodeId={projectId} displayName={node.displayName} />
        ) : (
          <p className="text-sm">
            Display name: <span className="font-medium">{node.displayName}</span>
          </p>
        )}
        <dl className="mt-4 grid grid-cols-[10rem_1fr] gap-y-1 text-sm">
          <dt className="text-slate-500">Project ID</dt>
          <dd className="font-mono">{node.id}</dd>
          <dt className="text-slate-500">Created</dt>
          <dd>{node.createTime.toISOString()}</dd>
        </dl>
      </section>
      <section className={`${card} p-4 text-sm text-slate-600`}>
        Top-level projects are created and removed in the portal by account administrators; no API deletes them.
      </section>
    </div>
  );
}
