import type { Metadata } from "next";
import { CostsPage } from "@/components/costs/CostsPage";
import { NodeHeader } from "@/components/projects/NodeHeader";
import { requireNodePage } from "@/lib/authz/request";
import { nodeScope } from "@/lib/domain/cost-scope";
import type { CostSearch } from "@/lib/portal/cost-search";

export const metadata: Metadata = { title: "Costs" };

export default async function ProjectCostsPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<CostSearch> }) {
  const access = await requireNodePage(await params, "usage.read");
  const id = access.node.id;
  return <CostsPage scope={nodeScope(access.node)} search={await searchParams} pagePath={`/projects/${id}/costs`} exportPath={`/api/projects/${id}/costs/export`} header={<NodeHeader access={access} active="costs" />} />;
}
