import { createProject } from "@/lib/domain/projects";
import { portalHandler } from "@/lib/portal/handler";

/** Creates a top-level project from the portal, within the account's self-service limits. */
export const POST = portalHandler<{ accountId: string }>(async ({ params, body, actor, authorizeAccount }) => {
  await authorizeAccount(params.accountId, "project.create");
  const input = { ...(body as object), accountId: params.accountId };
  return { project: await createProject(actor, input, { enforceSelfServiceLimits: true }) };
});
