import { and, eq, isNotNull, lte, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { phoneNumbers, projects } from "@/db/schema";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { DomainError } from "./errors";
import { auditPlacement, auditView, toNode, type ProjectNode } from "./nodes";

/** Deleted subprojects stay restorable this long before the purge removes them. */
export const PURGE_AFTER_DAYS = 30;

async function lockSubproject(tx: Transaction, subprojectId: string) {
  const [row] = await tx.select().from(projects).where(eq(projects.id, subprojectId)).for("update");
  if (!row || !row.parentId) throw new DomainError("NOT_FOUND", `Subproject ${subprojectId} not found`);
  return row;
}

async function change(actor: Actor, subprojectId: string, action: string, apply: (row: typeof projects.$inferSelect) => Partial<typeof projects.$inferInsert> | null): Promise<ProjectNode> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await lockSubproject(tx, subprojectId);
    const patch = apply(before);
    if (!patch) return toNode(before);
    const [row] = await tx.update(projects).set({ ...patch, updatedAt: sql`greatest(now(), ${projects.updatedAt} + interval '1 microsecond')` }).where(eq(projects.id, subprojectId)).returning();
    const node = toNode(row!);
    await recordAudit(tx, actor, {
      accountId: node.accountId,
      ...auditPlacement(node),
      action,
      targetType: "subproject",
      targetId: node.id,
      before: { ...auditView(toNode(before)), deleted: before.deletedAt !== null, suspended: before.suspendedAt !== null },
      after: { ...auditView(node), deleted: node.deleted, suspended: node.suspended, purgeTime: node.purgeTime, suspendedReason: node.suspendedReason },
    });
    return node;
  });
}

/**
 * Soft-deletes a subproject: its keys stop working at once and its numbers stop being usable but
 * stay reserved; it can be undeleted until purgeTime. Deleting a deleted subproject is a no-op.
 */
export function deleteSubproject(actor: Actor, subprojectId: string): Promise<ProjectNode> {
  return change(actor, subprojectId, "subproject.deleted", (row) => {
    if (row.deletedAt) return null;
    const now = new Date();
    return { deletedAt: now, purgeAt: new Date(now.getTime() + PURGE_AFTER_DAYS * 86_400_000) };
  });
}

/** Restores a deleted subproject before its purge time; keys and numbers work again. */
export function undeleteSubproject(actor: Actor, subprojectId: string): Promise<ProjectNode> {
  return change(actor, subprojectId, "subproject.undeleted", (row) => {
    if (!row.deletedAt) throw new DomainError("FAILED_PRECONDITION", `Subproject ${subprojectId} is not deleted`);
    return { deletedAt: null, purgeAt: null };
  });
}

/** Suspends a subproject: its keys get 403 on resource calls until it is resumed. */
export function suspendSubproject(actor: Actor, subprojectId: string, reason = "suspended by the parent project"): Promise<ProjectNode> {
  return change(actor, subprojectId, "subproject.suspended", (row) => {
    if (row.deletedAt) throw new DomainError("FAILED_PRECONDITION", `Subproject ${subprojectId} is deleted`);
    if (row.suspendedAt) return null;
    return { suspendedAt: new Date(), suspendedReason: reason };
  });
}

export function resumeSubproject(actor: Actor, subprojectId: string): Promise<ProjectNode> {
  return change(actor, subprojectId, "subproject.resumed", (row) => {
    if (row.deletedAt) throw new DomainError("FAILED_PRECONDITION", `Subproject ${subprojectId} is deleted`);
    if (!row.suspendedAt) return null;
    return { suspendedAt: null, suspendedReason: null };
  });
}

/**
 * Removes subprojects whose purge time has passed: their numbers go back to inventory (config
 * cleared); keys, apps and callback settings go with the row (foreign keys cascade). Usage and
 * audit rows stay: costs must remain reportable after a customer leaves.
 */
export async function purgeExpiredSubprojects(actor: Actor, now = new Date()): Promise<{ purged: string[]; numbersReleased: number }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const expired = await tx
      .select()
      .from(projects)
      .where(and(isNotNull(projects.parentId), isNotNull(projects.deletedAt), lte(projects.purgeAt, now)))
      .for("update", { skipLocked: true });
    let numbersReleased = 0;
    for (const row of expired) {
      const released = await tx
        .update(phoneNumbers)
        .set({ projectId: null, rentedAt: null, displayName: null, nextChargeAt: null, expireAt: null, smsServicePlanId: null, smsCampaignId: null, voiceType: null, voiceAppId: null, voiceUpdatedAt: null, callbackUrl: null, updatedAt: new Date() })
        .where(eq(phoneNumbers.projectId, row.id))
        .returning({ phoneNumber: phoneNumbers.phoneNumber });
      numbersReleased += released.length;
      await tx.delete(projects).where(eq(projects.id, row.id));
      const node = toNode(row);
      await recordAudit(tx, actor, { accountId: node.accountId, ...auditPlacement(node), action: "subproject.purged", targetType: "subproject", targetId: node.id, before: { ...auditView(node), numbersReleased: released.map((r) => r.phoneNumber) } });
    }
    return { purged: expired.map((r) => r.id), numbersReleased };
  });
}
