import { PortalShell } from "@/components/shell/PortalShell";
import { requireUser } from "@/lib/auth/session";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <PortalShell user={user} nav={[{ href: "/", label: "Dashboard" }]}>
      {children}
    </PortalShell>
  );
}
