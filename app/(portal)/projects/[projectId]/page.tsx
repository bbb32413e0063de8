import type { Metadata } from "next";
import Link from "next/link";
import { CreateNodeForm } from "@/components/projects/CreateNodeForm";
import { ProjectHeader } from "@/components/projects/ProjectHeader";
import { SubprojectTable } from "@/components/projects/SubprojectTable";
import { button } from "@/components/ui/styles";
import { requireProjectPage } from "@/lib/authz/request";
import { countSubprojects, listSubprojectsByName } from "@/lib/domain/tree";
import { DomainError } from "@/lib/domain/errors";

export const metadata: Metadata = { title: "Project" };

type SearchParams = { q?: string; label?: string; cursor?: string };

export default async function ProjectPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<SearchParams> }) {
  const { projectId } = await params;
  const access = await requireProjectPage(projectId);
  const { q = "", label = "", cursor } = await searchParams;
  const page = await listSubprojectsByName(projectId, { q, label, cursor, limit: 50 }).catch((e: unknown) => {
    // A stale or hand-edited cursor starts the list over rather than failing the page.
    if (e instanceof DomainError) return listSubprojectsByName(projectId, { q, label, limit: 50 });
    throw e;
  });
  const total = await countSubprojects(projectId, { q, label });
  return (
    <div>
      <ProjectHeader access={access} active="overview" />
      <div className="mb-4 flex items-center justify-between">
        <p className="text-sm text-slate-600">Subprojects host numbers, apps and access keys of their own; people&apos;s access comes from this project.</p>
        <div className="flex items-start gap-2">
          <a href={`/api/projects/${projectId}/subprojects/export`} className={button.secondary} download>
            Export CSV
          </a>
          {access.permissions.has("subproject.create") && (
            <>
              <Link href={`/projects/${projectId}/bulk`} className={button.secondary}>
                Bulk import
              </Link>
              <CreateNodeForm kind="subproject" url={`/api/projects/${projectId}/subprojects`} hrefPrefix={`/projects/${projectId}/subprojects/`} />
            </>
          )}
        </div>
      </div>
      <SubprojectTable projectId={projectId} subprojects={page.subprojects} total={total} q={q} label={label} nextCursor={page.nextCursor} isFirstPage={!cursor} />
    </div>
  );
}
