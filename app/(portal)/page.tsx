import type { Metadata } from "next";
import { CreateNodeForm } from "@/components/projects/CreateNodeForm";
import { AccountTree } from "@/components/tree/AccountTree";
import { requireUser } from "@/lib/auth/session";
import { currentAccountAccess } from "@/lib/authz/request";
import { listAccountsOfUser } from "@/lib/domain/memberships";

export const metadata: Metadata = { title: "Projects" };

/** The account tree: every project and subproject the person may read, for one of their accounts. */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ account?: string }> }) {
  const user = await requireUser();
  const accounts = await listAccountsOfUser(user.id);
  const { account: wanted } = await searchParams;
  const account = accounts.find((a) => a.accountId === wanted) ?? accounts[0];
  if (!account) {
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-2xl font-semibold">Dashboard</h1>
        <p className="text-slate-600">You are not a member of any account yet. Ask an administrator to add you.</p>
      </div>
    );
  }
  const access = await currentAccountAccess(account.accountId);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm text-slate-500" data-testid="account-name">
            {account.name} · {account.plan} plan
          </p>
          <h1 className="text-2xl font-semibold">Dashboard</h1>
        </div>
        {access?.permissions.has("project.create") && <CreateNodeForm kind="project" url={`/api/accounts/${account.accountId}/projects`} hrefPrefix="/projects/" />}
      </div>
      <AccountTree accountId={account.accountId} />
    </div>
  );
}
