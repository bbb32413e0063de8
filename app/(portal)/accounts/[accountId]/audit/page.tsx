import type { Metadata } from "next";
import { AuditLog, type AuditSearch } from "@/components/audit/AuditLog";
import { Breadcrumb } from "@/components/ui/Breadcrumb";
import { requireAccountPage } from "@/lib/authz/request";
import { getAccount } from "@/lib/domain/accounts";

export const metadata: Metadata = { title: "Audit log" };

export default async function AccountAuditPage({ params, searchParams }: { params: Promise<{ accountId: string }>; searchParams: Promise<AuditSearch> }) {
  const { accountId } = await params;
  await requireAccountPage(accountId, "audit.read");
  const account = await getAccount(accountId);
  return (
    <div className="flex flex-col gap-4">
      <header>
        <Breadcrumb items={[{ label: account.name, href: `/?account=${accountId}` }, { label: "Audit log" }]} />
        <h1 className="text-2xl font-semibold">Audit log</h1>
        <p className="mt-1 text-sm text-slate-600">Every change in the account, from the portal, the API or the CLI.</p>
      </header>
      <AuditLog scope={{ accountId }} basePath={`/accounts/${accountId}/audit`} search={await searchParams} />
    </div>
  );
}
