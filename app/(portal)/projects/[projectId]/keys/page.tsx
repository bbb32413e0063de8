import type { Metadata } from "next";
import { KeysPage } from "@/components/keys/KeysPage";
import { requireNodePage } from "@/lib/authz/request";

export const metadata: Metadata = { title: "Access keys" };

export default async function ProjectKeysPage({ params }: { params: Promise<{ projectId: string }> }) {
  return <KeysPage access={await requireNodePage(await params, "key.read")} />;
}
