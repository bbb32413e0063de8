import { deleteApp, getApp, updateApp } from "@/lib/domain/apps";
import { portalHandler } from "@/lib/portal/handler";

type Params = { projectId: string; appId: string };

/** One app; the node in the path scopes the app ID, so another node's app is a 404. */
export const GET = portalHandler<Params>(async ({ params, authorizeNode }) => {
  await authorizeNode(params.projectId, "resource.read");
  return { app: await getApp(params.projectId, params.appId) };
});

/** Renames an app or changes its region / callback URL. */
export const PATCH = portalHandler<Params>(async ({ params, body, actor, authorizeNode }) => {
  await authorizeNode(params.projectId, "resource.write");
  return { app: await updateApp(actor, params.projectId, params.appId, body) };
});

/** Deletes an app; numbers configured with it stay rented but lose that configuration. */
export const DELETE = portalHandler<Params>(async ({ params, actor, authorizeNode }) => {
  await authorizeNode(params.projectId, "resource.write");
  return deleteApp(actor, params.projectId, params.appId);
});
