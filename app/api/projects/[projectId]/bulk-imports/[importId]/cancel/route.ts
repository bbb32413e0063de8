import { cancelBulkImport } from "@/lib/domain/bulk-imports";
import { DomainError } from "@/lib/domain/errors";
import { portalHandler } from "@/lib/portal/handler";

/** Stops the import after the batch in flight; subprojects already created stay. */
export const POST = portalHandler<{ projectId: string; importId: string }>(async ({ params, actor, authorizeNode }) => {
  const access = await authorizeNode(params.projectId, "subproject.create");
  if (access.node.parentId) throw new DomainError("NOT_FOUND", "Not found");
  return { bulkImport: await cancelBulkImport(actor, params.projectId, params.importId) };
});
