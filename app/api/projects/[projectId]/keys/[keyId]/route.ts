import { deleteAccessKey, renameAccessKey } from "@/lib/domain/access-keys";
import { portalHandler } from "@/lib/portal/handler";

type Params = { projectId: string; keyId: string };

export const PATCH = portalHandler<Params>(async ({ params, body, actor, authorizeNode }) => {
  await authorizeNode(params.projectId, "key.write");
  return { accessKey: await renameAccessKey(actor, params.projectId, params.keyId, body) };
});

/** Deletes the key: API calls with it (or its tokens) fail from the next request on. */
export const DELETE = portalHandler<Params>(async ({ params, actor, authorizeNode }) => {
  await authorizeNode(params.projectId, "key.write");
  await deleteAccessKey(actor, params.projectId, params.keyId);
  return {};
});
