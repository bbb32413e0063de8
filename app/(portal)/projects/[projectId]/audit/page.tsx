import type { Metadata } from "next";
import { AuditLog, type AuditSearch } from "@/components/audit/AuditLog";
import { ProjectHeader } from "@/components/projects/ProjectHeader";
import { requireProjectPage } from "@/lib/authz/request";

export const metadata: Metadata = { title: "Audit log" };

export default async function ProjectAuditPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<AuditSearch> }) {
  const { projectId } = await params;
  const access = await requireProjectPage(projectId, "audit.read");
  return (
    <div className="flex flex-col gap-4">
      <ProjectHeader access={access} active="audit" />
      <p className="text-sm text-slate-600">Changes to this project and all its subprojects.</p>
      <AuditLog scope={{ projectId }} basePath={`/projects/${projectId}/audit`} search={await searchParams} />
    </div>
  );
}
