import { Breadcrumb } from "@/components/ui/Breadcrumb";
import { Tabs } from "@/components/ui/Tabs";
import type { NodeAccess } from "@/lib/authz/people";
import { getAccount } from "@/lib/domain/accounts";
import { resourceTabs, type NodeTab } from "./node-tabs";

/** Breadcrumb, title and section tabs of a top-level project page. */
export async function ProjectHeader({ access, active }: { access: NodeAccess; active: NodeTab }) {
  const account = await getAccount(access.node.accountId);
  const base = `/projects/${access.node.id}`;
  const tabs = [
    ...resourceTabs(access, base),
    ...(access.permissions.has("member.read") ? [{ id: "members", label: "Members", href: `${base}/members` }] : []),
    ...(access.permissions.has("audit.read") ? [{ id: "audit", label: "Audit log", href: `${base}/audit` }] : []),
    ...(access.permissions.has("project.update") ? [{ id: "webhooks", label: "Webhooks", href: `${base}/webhooks` }] : []),
    { id: "settings", label: "Settings", href: `${base}/settings` },
  ];
  return (
    <header>
      <Breadcrumb items={[{ label: account.name, href: `/?account=${account.id}` }, { label: access.node.displayName }]} />
      <div className="mb-4 flex items-baseline gap-3">
        <h1 className="text-2xl font-semibold">{access.node.displayName}</h1>
        <span className="rounded bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700">Project</span>
        <code className="text-xs text-slate-500">{access.node.id}</code>
      </div>
      <Tabs items={tabs} active={active} />
    </header>
  );
}
