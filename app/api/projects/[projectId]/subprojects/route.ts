import { DomainError } from "@/lib/domain/errors";
import { createSubproject } from "@/lib/domain/projects";
import { listSubprojectsByName } from "@/lib/domain/tree";
import { portalHandler } from "@/lib/portal/handler";

/** Subprojects of a project the person may read, by name, a page at a time. */
export const GET = portalHandler<{ projectId: string }>(async ({ params, request, authorizeNode }) => {
  const access = await authorizeNode(params.projectId, "project.read");
  if (access.node.parentId) throw new DomainError("NOT_FOUND", "Not found");
  const search = new URL(request.url).searchParams;
  return listSubprojectsByName(params.projectId, { q: search.get("q"), label: search.get("label"), cursor: search.get("cursor") });
});

/** Creates a subproject from the portal, within the account's self-service limits. */
export const POST = portalHandler<{ projectId: string }>(async ({ params, body, actor, authorizeNode }) => {
  await authorizeNode(params.projectId, "subproject.create");
  const input = { ...(body as object), parentProjectId: params.projectId };
  return { subproject: await createSubproject(actor, input, { enforceSelfServiceLimits: true }) };
});
