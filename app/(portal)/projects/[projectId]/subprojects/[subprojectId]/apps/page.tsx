import type { Metadata } from "next";
import { AppsPage } from "@/components/apps/AppsPage";
import { requireNodePage } from "@/lib/authz/request";

export const metadata: Metadata = { title: "Apps" };

export default async function SubprojectAppsPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string; subprojectId: string }>;
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const access = await requireNodePage(await params, "resource.read");
  const { q } = await searchParams;
  return <AppsPage access={access} q={typeof q === "string" ? q : ""} />;
}
