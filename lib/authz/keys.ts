import { eq, sql } from "drizzle-orm";
import { executePrepared, getDb, rowsOf } from "@/db/client";
import { projects } from "@/db/schema";
import { toNode, type ProjectNode } from "@/lib/domain/nodes";

/**
 * The node a request acts on, as the key resolver sees it: the whole node, so a read of it
 * (GET /v1/subprojects/{id}) needs no second query.
 */
export type TargetNode = ProjectNode;

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
  t_labels: Record<string, string> | string | null;
  t_created_at: Date | string | null;
  t_updated_at: Date | string | null;
  t_deleted_at: Date | string | null;
  t_purge_at: Date | string | null;
  t_suspended_at: Date | string | null;
  t_suspended_reason: string | null;
}

const date = (v: Date | string | null): Date | null => (v === null ? null : v instanceof Date ? v : new Date(v));

/** The target columns of a resolver row as a node (raw rows: either driver's JSON and timestamp forms). */
function targetOf(row: Row): TargetNode | null {
  if (!row.t_id) return null;
  return toNode({
    id: row.t_id,
    accountId: row.t_account_id!,
    parentId: row.t_parent_id,
    displayName: row.t_display_name!,
    labels: typeof row.t_labels === "string" ? (JSON.parse(row.t_labels) as Record<string, string>) : (row.t_labels ?? {}),
    createdAt: date(row.t_created_at)!,
    updatedAt: date(row.t_updated_at)!,
    deletedAt: date(row.t_deleted_at),
    purgeAt: date(row.t_purge_at),
    suspendedAt: date(row.t_suspended_at),
    suspendedReason: row.t_suspended_reason,
  });
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
             t.labels as t_labels, t.created_at as t_created_at, t.updated_at as t_updated_at, t.deleted_at as t_deleted_at,
             t.purge_at as t_purge_at, t.suspended_at as t_suspended_at, t.suspended_reason as t_suspended_reason
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
  const node = targetOf(row);
  return { ok: true, principal, target: node && keyReaches(principal, node) ? node : null };
}

/**
 * A second node named in a request body (e.g. a move's target): returned when the key reaches
 * it, null otherwise — the same answer for "not yours" and "not there".
 */
export async function reachableNode(principal: KeyPrincipal, nodeId: string): Promise<TargetNode | null> {
  if (!NODE_ID.test(nodeId)) return null;
  const db = await getDb();
  const [row] = await db.select().from(projects).where(eq(projects.id, nodeId));
  if (!row || row.deletedAt) return null;
  const node = toNode(row);
  return keyReaches(principal, node) ? node : null;
}
