import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { projects } from "@/db/schema";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { DomainError } from "./errors";
import { auditPlacement, auditView, toNode, type ProjectNode } from "./nodes";

/** Deleted subprojects stay restorable this long before the purge removes them. */
export const PURGE_AFTER_DAYS = 30;

/** Soft-deletes a subproject: its keys stop working at once; it can be undeleted until purgeTime. */
export async function deleteSubproject(actor: Actor, subprojectId: string): Promise<ProjectNode> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(projects).where(eq(projects.id, subprojectId)).for("update");
    if (!before || !before.parentId) throw new DomainError("NOT_FOUND", `Subproject ${subprojectId} not found`);
    if (before.deletedAt) return toNode(before);
    const now = new Date();
    const [row] = await tx
      .update(projects)
      .set({ deletedAt: now, purgeAt: new Date(now.getTime() + PURGE_AFTER_DAYS * 86_400_000), updatedAt: now })
      .where(eq(projects.id, subprojectId))
      .returning();
    const node = toNode(row!);
    await recordAudit(tx, actor, { accountId: node.accountId, ...auditPlacement(node), action: "subproject.deleted", targetType: "subproject", targetId: node.id, before: auditView(node), after: { purgeTime: node.purgeTime } });
    return node;
  });
}
