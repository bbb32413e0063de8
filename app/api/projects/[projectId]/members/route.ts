import { DomainError } from "@/lib/domain/errors";
import { grantProjectRole } from "@/lib/domain/project-members";
import { portalHandler } from "@/lib/portal/handler";

/** Grant a project role to an existing person by email, or create the person (name + password given). */
export const POST = portalHandler<{ projectId: string }>(async ({ params, body, actor, authorizeNode }) => {
  const access = await authorizeNode(params.projectId, "member.write");
  if (access.node.parentId) throw new DomainError("FAILED_PRECONDITION", "People are granted roles on top-level projects; subprojects inherit them.");
  return { member: await grantProjectRole(actor, { ...(body as object), projectId: params.projectId }) };
});
