import { moveNumber } from "@/lib/domain/number-moves";
import { portalHandler } from "@/lib/portal/handler";

/** Moves a number within a project family; the person needs resource.write on both ends. */
export const POST = portalHandler<{ projectId: string; number: string }>(async ({ params, body, actor, authorizeNode }) => {
  await authorizeNode(params.projectId, "resource.write");
  const targetProjectId = String((body as { targetProjectId?: unknown }).targetProjectId ?? "");
  await authorizeNode(targetProjectId, "resource.write");
  return { activeNumber: await moveNumber(actor, params.projectId, `+${params.number}`, targetProjectId) };
});
