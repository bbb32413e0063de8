import { QueryProvider } from "@/components/QueryProvider";
import { PortalShell, type NavItem } from "@/components/shell/PortalShell";
import { requireUser } from "@/lib/auth/session";
import { accountPermissionsFor } from "@/lib/authz/roles";
import { listAccountsOfUser } from "@/lib/domain/memberships";
import type { AccountRole } from "@/lib/authz/roles";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const accounts = await listAccountsOfUser(user.id);
  const nav: NavItem[] = [{ href: "/", label: "Projects" }];
  for (const a of accounts) {
    const prefix = accounts.length > 1 ? `${a.name}: ` : "";
    if (accounts.length > 1) nav.push({ href: `/?account=${a.accountId}`, label: `${a.name}` });
    const permissions = accountPermissionsFor(a.role as AccountRole);
    if (permissions.has("account.members.read")) nav.push({ href: `/accounts/${a.accountId}/users`, label: `${prefix}Users` });
    if (permissions.has("audit.read")) nav.push({ href: `/accounts/${a.accountId}/audit`, label: `${prefix}Audit log` });
    if (permissions.has("usage.read")) nav.push({ href: `/accounts/${a.accountId}/costs`, label: `${prefix}Costs` });
  }
  nav.push({ href: "/api-reference", label: "API reference" });
  return (
    <QueryProvider>
      <PortalShell user={user} nav={nav}>
        {children}
      </PortalShell>
    </QueryProvider>
  );
}
