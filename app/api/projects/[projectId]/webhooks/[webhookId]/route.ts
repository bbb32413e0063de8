import { deleteWebhookEndpoint } from "@/lib/domain/webhooks";
import { portalHandler } from "@/lib/portal/handler";

export const DELETE = portalHandler<{ projectId: string; webhookId: string }>(async ({ params, actor, authorizeNode }) => {
  await authorizeNode(params.projectId, "project.update");
  await deleteWebhookEndpoint(actor, params.projectId, params.webhookId);
  return {};
});
