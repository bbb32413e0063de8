import { createApp, listApps } from "@/lib/domain/apps";
import { portalHandler } from "@/lib/portal/handler";

/** Apps of a project or subproject, optionally one kind (`?kind=`) or matching a name (`?q=`). */
export const GET = portalHandler<{ projectId: string }>(async ({ params, request, authorizeNode }) => {
  await authorizeNode(params.projectId, "resource.read");
  const search = new URL(request.url).searchParams;
  return { apps: await listApps(params.projectId, { kind: search.get("kind"), q: search.get("q") }) };
});

/** Creates an app on a project or subproject; the verb validates the body. */
export const POST = portalHandler<{ projectId: string }>(async ({ params, body, actor, authorizeNode }) => {
  await authorizeNode(params.projectId, "resource.write");
  return Response.json({ app: await createApp(actor, params.projectId, body) }, { status: 201 });
});
