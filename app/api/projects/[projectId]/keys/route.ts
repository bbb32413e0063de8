import { createAccessKey } from "@/lib/domain/access-keys";
import { portalHandler } from "@/lib/portal/handler";

/** Creates an access key on a project or subproject; the response carries the secret, once. */
export const POST = portalHandler<{ projectId: string }>(async ({ params, body, actor, authorizeNode }) => {
  await authorizeNode(params.projectId, "key.write");
  return createAccessKey(actor, params.projectId, body);
});
