import type { NodeAccess } from "@/lib/authz/people";
import type { NodeTab } from "./node-tabs";
import { ProjectHeader } from "./ProjectHeader";
import { SubprojectHeader } from "./SubprojectHeader";

/** The header of a resource page, whichever tier the node is: resources look the same on both. */
export function NodeHeader({ access, active }: { access: NodeAccess; active: NodeTab }) {
  return access.node.parentId ? <SubprojectHeader access={access} active={active} /> : <ProjectHeader access={access} active={active} />;
}

/** URL of a node's page (and sub-page), whichever tier. */
export function nodePath(node: { id: string; parentId: string | null }, section = ""): string {
  const base = node.parentId ? `/projects/${node.parentId}/subprojects/${node.id}` : `/projects/${node.id}`;
  return section ? `${base}/${section}` : base;
}
