import type { Metadata } from "next";
import { GrantRoleForm } from "@/components/members/GrantRoleForm";
import { MemberActions } from "@/components/members/MemberActions";
import { Breadcrumb } from "@/components/ui/Breadcrumb";
import { DataTable } from "@/components/ui/DataTable";
import { card } from "@/components/ui/styles";
import { requireAccountPage } from "@/lib/authz/request";
import { ACCOUNT_ROLE_LABELS, ACCOUNT_ROLES } from "@/lib/authz/roles";
import { getAccount } from "@/lib/domain/accounts";
import { listAccountMembers } from "@/lib/domain/memberships";

export const metadata: Metadata = { title: "Users" };

/** Account roles, for administrators and user managers. Only administrators hand out or take away the administrator role. */
export default async function AccountUsersPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  const access = await requireAccountPage(accountId, "account.members.read");
  const [account, members] = await Promise.all([getAccount(accountId), listAccountMembers(accountId)]);
  const canWrite = access.permissions.has("account.members.write");
  const isAdmin = access.accountRole === "admin";
  const roles = ACCOUNT_ROLES.filter((r) => isAdmin || r !== "admin").map((r) => ({ value: r, label: ACCOUNT_ROLE_LABELS[r] }));
  return (
    <div className="flex flex-col gap-6">
      <header>
        <Breadcrumb items={[{ label: account.name, href: `/?account=${accountId}` }, { label: "Users" }]} />
        <h1 className="text-2xl font-semibold">Users</h1>
        <p className="mt-1 text-sm text-slate-600">
          Account roles apply to every project. Members see only the projects they are added to (on each project&apos;s Members tab).
        </p>
      </header>
      {canWrite && (
        <section className={`${card} p-4`}>
          <h2 className="mb-3 font-medium">Add a person to the account</h2>
          <GrantRoleForm url={`/api/accounts/${accountId}/members`} roles={roles} defaultRole="member" />
        </section>
      )}
      <section className={card}>
        <DataTable
          columns={["Person", "Projects", { label: "Account role", align: "right" }]}
          rows={members}
          row={(m) => (
            <tr key={m.userId} data-testid="account-member">
              <td className="px-4 py-2">
                <span className="font-medium">{m.name}</span> <span className="text-slate-500">{m.email}</span>
              </td>
              <td className="px-4 py-2 text-slate-600">{m.role === "member" ? m.projectCount : "all"}</td>
              <td className="px-4 py-2 text-right">
                {canWrite && (isAdmin || m.role !== "admin") ? (
                  <MemberActions url={`/api/accounts/${accountId}/members/${m.userId}`} name={m.name} role={m.role} roles={roles} />
                ) : (
                  ACCOUNT_ROLE_LABELS[m.role]
                )}
              </td>
            </tr>
          )}
        />
      </section>
    </div>
  );
}
