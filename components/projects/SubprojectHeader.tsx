import { Breadcrumb } from "@/components/ui/Breadcrumb";
import { Tabs } from "@/components/ui/Tabs";
import type { NodeAccess } from "@/lib/authz/people";
import { getAccount } from "@/lib/domain/accounts";
import { getNode } from "@/lib/domain/projects";
import { resourceTabs, type NodeTab } from "./node-tabs";

/** Breadcrumb Account › Project › Subproject, title, state badges and section tabs. */
export async function SubprojectHeader({ access, active }: { access: NodeAccess; active: NodeTab }) {
  const [account, parent] = await Promise.all([getAccount(access.node.accountId), getNode(access.node.parentId!)]);
  const base = `/projects/${access.node.parentId}/subprojects/${access.node.id}`;
  return (
    <header>
      <Breadcrumb
        items={[
          { label: account.name, href: `/?account=${account.id}` },
          { label: parent!.displayName, href: `/projects/${parent!.id}` },
          { label: access.node.displayName },
        ]}
      />
      <div className="mb-4 flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-semibold">{access.node.displayName}</h1>
        <span className="rounded bg-violet-50 px-2 py-0.5 text-xs font-medium text-violet-700">Subproject</span>
        {access.node.suspended && <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">Suspended</span>}
        {access.node.deleted && <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800">Deleted</span>}
        <code className="text-xs text-slate-500">{access.node.id}</code>
      </div>
      <Tabs items={resourceTabs(access, base)} active={active} />
    </header>
  );
}
