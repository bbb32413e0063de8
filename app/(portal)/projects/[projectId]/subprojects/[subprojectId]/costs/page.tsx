import type { Metadata } from "next";
import { CostsPage } from "@/components/costs/CostsPage";
import { SpendCapPanel } from "@/components/costs/SpendCapPanel";
import { NodeHeader } from "@/components/projects/NodeHeader";
import { requireNodePage } from "@/lib/authz/request";
import { nodeScope } from "@/lib/domain/cost-scope";
import type { CostSearch } from "@/lib/portal/cost-search";

export const metadata: Metadata = { title: "Costs" };

export default async function SubprojectCostsPage({ params, searchParams }: { params: Promise<{ projectId: string; subprojectId: string }>; searchParams: Promise<CostSearch> }) {
  const access = await requireNodePage(await params, "usage.read");
  const { projectId, subprojectId } = await params;
  return (
    <CostsPage
      scope={nodeScope(access.node)}
      search={await searchParams}
      pagePath={`/projects/${projectId}/subprojects/${subprojectId}/costs`}
      exportPath={`/api/projects/${subprojectId}/costs/export`}
      header={<NodeHeader access={access} active="costs" />}
      panel={<SpendCapPanel access={access} />}
    />
  );
}
