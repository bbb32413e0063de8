import type { Metadata } from "next";
import { CostsPage } from "@/components/costs/CostsPage";
import { Breadcrumb } from "@/components/ui/Breadcrumb";
import { requireAccountPage } from "@/lib/authz/request";
import { getAccount } from "@/lib/domain/accounts";
import type { CostSearch } from "@/lib/portal/cost-search";

export const metadata: Metadata = { title: "Costs" };

export default async function AccountCostsPage({ params, searchParams }: { params: Promise<{ accountId: string }>; searchParams: Promise<CostSearch> }) {
  const { accountId } = await params;
  await requireAccountPage(accountId, "usage.read");
  const account = await getAccount(accountId);
  const header = (
    <header>
      <Breadcrumb items={[{ label: account.name, href: `/?account=${accountId}` }, { label: "Costs" }]} />
      <h1 className="text-2xl font-semibold">Costs</h1>
      <p className="mt-1 text-sm text-slate-600">Usage charges of every project and subproject in the account, from daily rollups of the usage ledger.</p>
    </header>
  );
  return <CostsPage scope={{ kind: "account", accountId }} search={await searchParams} pagePath={`/accounts/${accountId}/costs`} exportPath={`/api/accounts/${accountId}/costs/export`} header={header} />;
}
