import { createWebhookEndpoint } from "@/lib/domain/webhooks";
import { portalHandler } from "@/lib/portal/handler";

/** Registers a webhook on a top-level project; the response carries the signing secret, once. */
export const POST = portalHandler<{ projectId: string }>(async ({ params, body, actor, authorizeNode }) => {
  await authorizeNode(params.projectId, "project.update");
  return createWebhookEndpoint(actor, params.projectId, body);
});
