import type { Metadata } from "next";
import { NumbersPage } from "@/components/numbers/NumbersPage";
import { requireNodePage } from "@/lib/authz/request";

export const metadata: Metadata = { title: "Numbers" };

type Search = Promise<{ pageToken?: string | string[]; pattern?: string | string[] }>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function ProjectNumbersPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Search }) {
  const [access, search] = await Promise.all([requireNodePage(await params, "resource.read"), searchParams]);
  return <NumbersPage access={access} pageToken={one(search.pageToken)} pattern={one(search.pattern)} />;
}
