import { DomainError } from "@/lib/domain/errors";
import { subprojectCsvChunks } from "@/lib/domain/subproject-export";
import { portalHandler } from "@/lib/portal/handler";
import { textStream } from "@/lib/portal/streams";

/** All subprojects of a project as a CSV download, streamed page by page; it re-imports as is. */
export const GET = portalHandler<{ projectId: string }>(async ({ params, authorizeNode }) => {
  const access = await authorizeNode(params.projectId, "project.read");
  if (access.node.parentId) throw new DomainError("NOT_FOUND", "Not found");
  return new Response(textStream(subprojectCsvChunks(params.projectId)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="subprojects-${params.projectId}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
