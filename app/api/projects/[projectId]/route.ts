import { getAccount } from "@/lib/domain/accounts";
import { DomainError } from "@/lib/domain/errors";
import { updateNode } from "@/lib/domain/projects";
import { deleteSubproject } from "@/lib/domain/subproject-lifecycle";
import { portalHandler } from "@/lib/portal/handler";

/** Rename / relabel a project (project.update) or a subproject (subproject.update). */
export const PATCH = portalHandler<{ projectId: string }>(async ({ params, body, actor, authorizeNode }) => {
  const access = await authorizeNode(params.projectId, "project.read");
  await authorizeNode(params.projectId, access.node.parentId ? "subproject.update" : "project.update");
  return { node: await updateNode(actor, params.projectId, body) };
});

/** Portal deletion of a subproject, only where the account enabled it (off by default: API-only). */
export const DELETE = portalHandler<{ projectId: string }>(async ({ params, actor, authorizeNode }) => {
  const access = await authorizeNode(params.projectId, "subproject.delete");
  if (!access.node.parentId) throw new DomainError("FAILED_PRECONDITION", "Top-level projects cannot be deleted here.");
  const account = await getAccount(access.node.accountId);
  if (!account.portalSubprojectDeletion) {
    throw new DomainError("FAILED_PRECONDITION", "Deleting subprojects in the portal is turned off for this account. Use the API: DELETE /v1/subprojects/{id}.");
  }
  return { node: await deleteSubproject(actor, params.projectId) };
});
