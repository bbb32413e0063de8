import type { Metadata } from "next";
import Link from "next/link";
import { BulkImports } from "@/components/bulk/BulkImports";
import { CsvFormatHelp } from "@/components/bulk/CsvFormatHelp";
import { ProjectHeader } from "@/components/projects/ProjectHeader";
import { button } from "@/components/ui/styles";
import { requireProjectPage } from "@/lib/authz/request";
import { listBulkImports } from "@/lib/domain/bulk-imports";

export const metadata: Metadata = { title: "Bulk import" };

export default async function BulkImportPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const access = await requireProjectPage(projectId, "subproject.create");
  const imports = await listBulkImports(projectId);
  const exportHref = `/api/projects/${projectId}/subprojects/export`;
  return (
    <div className="flex flex-col gap-6">
      <ProjectHeader access={access} active="overview" />
      <div className="flex items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">Bulk import subprojects</h2>
        <div className="flex gap-2">
          <a href={exportHref} className={button.secondary} download>
            Export CSV
          </a>
          <Link href={`/projects/${projectId}`} className={button.secondary}>
            Back to subprojects
          </Link>
        </div>
      </div>
      <CsvFormatHelp exportHref={exportHref} />
      <BulkImports projectId={projectId} initialImports={imports} />
    </div>
  );
}
