import { nodeScope } from "@/lib/domain/cost-scope";
import { costCsvResponse } from "@/lib/portal/cost-csv";
import { costSearchOf } from "@/lib/portal/cost-search";
import { portalHandler } from "@/lib/portal/handler";

/** CSV of a project's (with its subprojects) or a subproject's cost breakdown, as its cost page shows it. */
export const GET = portalHandler<{ projectId: string }>(async ({ request, params, authorizeNode }) => {
  const access = await authorizeNode(params.projectId, "usage.read");
  return costCsvResponse(nodeScope(access.node), costSearchOf(request.url), access.node.id);
});
