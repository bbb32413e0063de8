import { sql } from "drizzle-orm";
import { executePrepared, getDb, rowsOf } from "@/db/client";

/** The node a request acts on, as the key resolver sees it. */
export interface TargetNode {
  id: string;
  parentId: string | null;
  accountId: string;
  displayName: string;
  deleted: boolean;
  suspended: boolean;
}

/** An authenticated access key: which node it belongs to, in which account. */
export interface KeyPrincipal {
  keyId: string;
  keyName: string;
  /** The project or subproject the key belongs to. */
  projectId: string;
  /** Null when the key belongs to a top-level project (it then reaches the project's subprojects too). */
  parentId: string | null;
  accountId: string;
  lastUsedAt: Date | null;
  suspended: boolean;
}

export type KeyAuthorization =
  | { ok: false; reason: "unknown_key" }
  | { ok: true; principal: KeyPrincipal; target: TargetNode | null };

/**
 * The isolation rule (DESIGN §1), in one place: a subproject's key reaches its subproject only;
 * a project's key reaches the project and its subprojects. Nothing else, ever.
 */
export function keyReaches(principal: Pick<KeyPrincipal, "projectId" | "parentId" | "accountId">, target: Pick<TargetNode, "id" | "parentId" | "accountId">): boolean {
  if (target.accountId !== principal.accountId) return false;
  if (target.id === principal.projectId) return true;
  return principal.parentId === null && target.parentId === principal.projectId;
}

interface Row {
  key_id: string;
  key_name: string;
  key_project_id: string;
  last_used_at: Date | string | null;
  key_parent_id: string | null;
  key_account_id: string;
  key_node_deleted: boolean;
  key_node_suspended: boolean;
  t_id: string | null;
  t_parent_id: string | null;
  t_account_id: string | null;
  t_display_name: string | null;
  t_deleted: boolean | null;
  t_suspended: boolean | null;
}

const NODE_ID = /^([0-9a-f]{32}|[0-9A-HJKMNP-TV-Z]{26})$/;

/**
 * THE permission resolver for keys: one round trip fetches the key (by ID, and by secret digest
 * for HTTP Basic), its node's state, and the target node. A key that was deleted, or whose
 * project or subproject was deleted, is unknown from the next request on — tokens included.
 * The target is returned only when the key reaches it; otherwise null, exactly as if absent.
 */
export async function authorizeKey(credential: { keyId: string; secretDigest?: string }, targetNodeId: string | null): Promise<KeyAuthorization> {
  if (!/^[0-9a-f-]{36}$/i.test(credential.keyId)) return { ok: false, reason: "unknown_key" };
  const target = targetNodeId && NODE_ID.test(targetNodeId) ? targetNodeId : null;
  const db = await getDb();
  const [row] = rowsOf<Row>(
    await executePrepared(
      db,
      "authorize_key",
      sql`
      select k.id as key_id, k.display_name as key_name, k.project_id as key_project_id, k.last_used_at,
             kp.parent_id as key_parent_id, kp.account_id as key_account_id,
             kp.deleted_at is not null as key_node_deleted, kp.suspended_at is not null as key_node_suspended,
             t.id as t_id, t.parent_id as t_parent_id, t.account_id as t_account_id, t.display_name as t_display_name,
             t.deleted_at is not null as t_deleted, t.suspended_at is not null as t_suspended
      from access_keys k
      join projects kp on kp.id = k.project_id
      left join projects t on t.id = ${target}
      where k.id = ${credential.keyId}
        ${credential.secretDigest !== undefined ? sql`and k.secret_digest = ${credential.secretDigest}` : sql``}`),
  );
  if (!row || row.key_node_deleted) return { ok: false, reason: "unknown_key" };
  const principal: KeyPrincipal = {
    keyId: row.key_id,
    keyName: row.key_name,
    projectId: row.key_project_id,
    parentId: row.key_parent_id,
    accountId: row.key_account_id,
    lastUsedAt: row.last_used_at === null ? null : new Date(row.last_used_at),
    suspended: row.key_node_suspended,
  };
  const node: TargetNode | null = row.t_id
    ? { id: row.t_id, parentId: row.t_parent_id, accountId: row.t_account_id!, displayName: row.t_display_name!, deleted: !!row.t_deleted, suspended: !!row.t_suspended }
    : null;
  return { ok: true, principal, target: node && keyReaches(principal, node) ? node : null };
}

/**
 * A second node named in a request body (e.g. a move's target): returned when the key reaches
 * it, null otherwise — the same answer for "not yours" and "not there".
 */
export async function reachableNode(principal: KeyPrincipal, nodeId: string): Promise<TargetNode | null> {
  if (!NODE_ID.test(nodeId)) return null;
  const db = await getDb();
  const [row] = rowsOf<{ id: string; parent_id: string | null; account_id: string; display_name: string; deleted: boolean; suspended: boolean }>(
    await db.execute(sql`select id, parent_id, account_id, display_name, deleted_at is not null as deleted, suspended_at is not null as suspended from projects where id = ${nodeId}`),
  );
  if (!row || row.deleted) return null;
  const node: TargetNode = { id: row.id, parentId: row.parent_id, accountId: row.account_id, displayName: row.display_name, deleted: row.deleted, suspended: row.suspended };
  return keyReaches(principal, node) ? node : null;
}
