import { sql } from "drizzle-orm";
import { executePrepared, getDb, rowsOf } from "@/db/client";
import type { AccountRole, ProjectRole } from "./roles";
import { accountPermissionsFor, projectPermissionsFor, type AccountPermission, type ProjectPermission } from "./roles";

/** A node as the resolver sees it: enough to render breadcrumbs and check the URL shape. */
export interface NodeAccess {
  node: {
    id: string;
    accountId: string;
    parentId: string | null;
    displayName: string;
    deleted: boolean;
    suspended: boolean;
  };
  accountRole: AccountRole | null;
  projectRole: ProjectRole | null;
  permissions: Set<ProjectPermission>;
}

interface AccessRow {
  id: string;
  account_id: string;
  parent_id: string | null;
  display_name: string;
  deleted: boolean;
  suspended: boolean;
  account_role: AccountRole | null;
  project_role: ProjectRole | null;
}

/**
 * THE permission resolver for people (DESIGN §2): one indexed query returns the node, the
 * person's account role and their binding on the node's top-level project. A subproject's
 * access is its parent's. Returns null when the person may not read the node, exactly as when
 * it does not exist, so callers cannot tell the two apart.
 */
export async function resolveNodeAccess(userId: string, nodeId: string): Promise<NodeAccess | null> {
  if (!/^([0-9a-f]{32}|[0-9A-HJKMNP-TV-Z]{26})$/.test(nodeId)) return null;
  const db = await getDb();
  const [row] = rowsOf<AccessRow>(
    await executePrepared(
      db,
      "resolve_node_access",
      sql`
      select p.id, p.account_id, p.parent_id, p.display_name,
             p.deleted_at is not null as deleted, p.suspended_at is not null as suspended,
             am.role as account_role, pm.role as project_role
      from projects p
      left join account_memberships am on am.account_id = p.account_id and am.user_id = ${userId}
      left join project_members pm on pm.project_id = coalesce(p.parent_id, p.id) and pm.user_id = ${userId}
      where p.id = ${nodeId}`),
  );
  if (!row || !row.account_role) return null;
  const permissions = projectPermissionsFor(row.account_role, row.project_role);
  if (!permissions.has("project.read")) return null;
  return {
    node: { id: row.id, accountId: row.account_id, parentId: row.parent_id, displayName: row.display_name, deleted: row.deleted, suspended: row.suspended },
    accountRole: row.account_role,
    projectRole: row.project_role,
    permissions,
  };
}

export interface AccountAccess {
  accountId: string;
  accountRole: AccountRole;
  permissions: Set<AccountPermission>;
}

/** The person's role and permissions on an account, or null when they are not in it. */
export async function resolveAccountAccess(userId: string, accountId: string): Promise<AccountAccess | null> {
  if (!/^[0-9a-f-]{36}$/.test(accountId)) return null;
  const db = await getDb();
  const [row] = rowsOf<{ role: AccountRole }>(
    await db.execute(sql`select role from account_memberships where account_id = ${accountId} and user_id = ${userId}`),
  );
  if (!row) return null;
  return { accountId, accountRole: row.role, permissions: accountPermissionsFor(row.role) };
}
