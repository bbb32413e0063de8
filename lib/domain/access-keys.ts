import { and, asc, count, eq, gt, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accessKeys, projects, type AccessKey } from "@/db/schema";
import { newKeySecret, secretDigest, secretHint } from "@/lib/authz/secrets";
import { createAccessKeyInput, MAX_KEYS_PER_PROJECT, updateAccessKeyInput } from "@/lib/schemas/access-keys";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { decodeCursor, encodeCursor } from "./cursor";
import { DomainError, isUniqueViolation } from "./errors";
import { auditPlacement } from "./nodes";
import { parseInput } from "./validate";

/** An access key as shown to people and the API: never the secret or its digest. */
export interface AccessKeyView {
  accessKeyId: string;
  projectId: string;
  displayName: string;
  secretHint: string;
  createdBy: string;
  createTime: Date;
  updateTime: Date;
  lastUsedTime: Date | null;
}

function toView(row: AccessKey): AccessKeyView {
  return {
    accessKeyId: row.id,
    projectId: row.projectId,
    displayName: row.displayName,
    secretHint: row.secretHint,
    createdBy: row.createdBy,
    createTime: row.createdAt,
    updateTime: row.updatedAt,
    lastUsedTime: row.lastUsedAt,
  };
}

const duplicateName = (name: string) => new DomainError("ALREADY_EXISTS", `An access key named "${name}" already exists in this project`);

/**
 * Creates a key on a project or subproject and returns its secret — the only time it exists in
 * clear. At most 10 keys per project; the project row lock makes the cap hold under concurrency.
 */
export async function createAccessKey(actor: Actor, projectId: string, input: unknown): Promise<{ accessKey: AccessKeyView; secret: string }> {
  const { displayName } = parseInput(createAccessKeyInput, input);
  const secret = newKeySecret();
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [node] = await tx.select().from(projects).where(eq(projects.id, projectId)).for("update");
      if (!node || node.deletedAt) throw new DomainError("NOT_FOUND", `Project ${projectId} not found`);
      const [{ n }] = (await tx.select({ n: count() }).from(accessKeys).where(eq(accessKeys.projectId, projectId))) as [{ n: number }];
      if (n >= MAX_KEYS_PER_PROJECT) {
        throw new DomainError("FAILED_PRECONDITION", `A project can have at most ${MAX_KEYS_PER_PROJECT} access keys. Delete one before creating another.`);
      }
      const [existing] = await tx.select({ id: accessKeys.id }).from(accessKeys).where(and(eq(accessKeys.projectId, projectId), eq(accessKeys.displayName, displayName)));
      if (existing) throw duplicateName(displayName);
      const [row] = await tx
        .insert(accessKeys)
        .values({ projectId, displayName, secretDigest: secretDigest(secret), secretHint: secretHint(secret), createdBy: actor.label })
        .returning();
      const accessKey = toView(row!);
      await recordAudit(tx, actor, { accountId: node.accountId, ...auditPlacement(node), action: "accessKey.created", targetType: "accessKey", targetId: accessKey.accessKeyId, after: { displayName } });
      return { accessKey, secret };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName(displayName);
    throw error;
  }
}

export async function listAccessKeys(projectId: string, page: { pageSize?: number; pageToken?: string | null } = {}): Promise<{ accessKeys: AccessKeyView[]; nextPageToken: string }> {
  const db = await getDb();
  const size = Math.min(Math.max(page.pageSize ?? 100, 1), 1000);
  const after = decodeCursor(page.pageToken, 2);
  if (page.pageToken && !after) throw new DomainError("INVALID_ARGUMENT", "Invalid pageToken");
  const rows = await db
    .select()
    .from(accessKeys)
    .where(
      and(
        eq(accessKeys.projectId, projectId),
        after ? or(gt(accessKeys.createdAt, new Date(after[0]!)), and(eq(accessKeys.createdAt, new Date(after[0]!)), gt(accessKeys.id, after[1]!))) : undefined,
      ),
    )
    .orderBy(asc(accessKeys.createdAt), asc(accessKeys.id))
    .limit(size + 1);
  const items = rows.slice(0, size);
  const last = items[items.length - 1];
  return { accessKeys: items.map(toView), nextPageToken: rows.length > size && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : "" };
}

export async function getAccessKey(projectId: string, keyId: string): Promise<AccessKeyView> {
  const db = await getDb();
  const [row] = /^[0-9a-f-]{36}$/i.test(keyId) ? await db.select().from(accessKeys).where(and(eq(accessKeys.projectId, projectId), eq(accessKeys.id, keyId))) : [];
  if (!row) throw new DomainError("NOT_FOUND", `Access key ${keyId} not found`);
  return toView(row);
}

export async function renameAccessKey(actor: Actor, projectId: string, keyId: string, input: unknown): Promise<AccessKeyView> {
  const { displayName } = parseInput(updateAccessKeyInput, input);
  const before = await getAccessKey(projectId, keyId);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .update(accessKeys)
        .set({ displayName, updatedAt: new Date() })
        .where(and(eq(accessKeys.projectId, projectId), eq(accessKeys.id, keyId)))
        .returning();
      if (!row) throw new DomainError("NOT_FOUND", `Access key ${keyId} not found`);
      const [node] = await tx.select().from(projects).where(eq(projects.id, projectId));
      await recordAudit(tx, actor, { accountId: node!.accountId, ...auditPlacement(node!), action: "accessKey.updated", targetType: "accessKey", targetId: keyId, before: { displayName: before.displayName }, after: { displayName } });
      return toView(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName(displayName);
    throw error;
  }
}

/** Deletes a key: requests with it, or with a token issued for it, fail from the next one on. */
export async function deleteAccessKey(actor: Actor, projectId: string, keyId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = /^[0-9a-f-]{36}$/i.test(keyId)
      ? await tx.delete(accessKeys).where(and(eq(accessKeys.projectId, projectId), eq(accessKeys.id, keyId))).returning()
      : [];
    if (!row) throw new DomainError("NOT_FOUND", `Access key ${keyId} not found`);
    const [node] = await tx.select().from(projects).where(eq(projects.id, projectId));
    await recordAudit(tx, actor, { accountId: node!.accountId, ...auditPlacement(node!), action: "accessKey.deleted", targetType: "accessKey", targetId: keyId, before: { displayName: row.displayName } });
  });
}

/** Records use, at most once a minute per key (the condition makes concurrent writers no-ops). */
export async function touchAccessKey(keyId: string): Promise<void> {
  const db = await getDb();
  await db
    .update(accessKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(accessKeys.id, keyId), sql`(${accessKeys.lastUsedAt} is null or ${accessKeys.lastUsedAt} < now() - interval '1 minute')`));
}
