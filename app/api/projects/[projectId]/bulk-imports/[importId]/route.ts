import { getBulkImport } from "@/lib/domain/bulk-imports";
import { DomainError } from "@/lib/domain/errors";
import { portalHandler } from "@/lib/portal/handler";

/** One import's state and progress (polled by the progress bar). */
export const GET = portalHandler<{ projectId: string; importId: string }>(async ({ params, authorizeNode }) => {
  const access = await authorizeNode(params.projectId, "subproject.create");
  if (access.node.parentId) throw new DomainError("NOT_FOUND", "Not found");
  return { bulkImport: await getBulkImport(params.projectId, params.importId) };
});
