import { grantProjectRole, revokeProjectRole } from "@/lib/domain/project-members";
import { findUserById } from "@/lib/domain/users";
import { DomainError } from "@/lib/domain/errors";
import { portalHandler } from "@/lib/portal/handler";

type Params = { projectId: string; userId: string };

/** Change a person's project role. */
export const PATCH = portalHandler<Params>(async ({ params, body, actor, authorizeNode }) => {
  await authorizeNode(params.projectId, "member.write");
  const person = /^[0-9a-f-]{36}$/.test(params.userId) ? await findUserById(params.userId) : null;
  if (!person) throw new DomainError("NOT_FOUND", "No such person");
  const role = (body as { role?: unknown }).role;
  return { member: await grantProjectRole(actor, { projectId: params.projectId, email: person.email, role }) };
});

/** Remove a person's project role: their access to the project and its subprojects ends on their next request. */
export const DELETE = portalHandler<Params>(async ({ params, actor, authorizeNode }) => {
  await authorizeNode(params.projectId, "member.write");
  await revokeProjectRole(actor, { projectId: params.projectId, userId: params.userId });
  return {};
});
