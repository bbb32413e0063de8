import { and, count, eq, isNull, isNotNull, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { accounts, projects } from "@/db/schema";
import { createProjectInput, createSubprojectInput, updateNodeInput } from "@/lib/schemas/projects";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { DomainError, sqlState } from "./errors";
import { newProjectId, newSubprojectId } from "./ids";
import { auditPlacement, auditView, toNode, type ProjectNode } from "./nodes";
import { parseInput } from "./validate";

/** Whether plan limits apply: portal self-service does; the CLI and the automation API do not. */
export interface CreationPolicy {
  enforceSelfServiceLimits: boolean;
}

async function lockAccount(tx: Transaction, accountId: string) {
  // Serialises concurrent creations in one account, so a limit cannot be overshot by a race.
  const [account] = await tx.select().from(accounts).where(eq(accounts.id, accountId)).for("update");
  if (!account) throw new DomainError("NOT_FOUND", `Account ${accountId} not found`);
  return account;
}

/** Creates a top-level project (portal and CLI only: no API creates projects). */
export async function createProject(actor: Actor, input: unknown, policy: CreationPolicy): Promise<ProjectNode> {
  const { accountId, displayName } = parseInput(createProjectInput, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const account = await lockAccount(tx, accountId);
    if (policy.enforceSelfServiceLimits && account.plan !== "enterprise") {
      const [{ n }] = (await tx.select({ n: count() }).from(projects).where(and(eq(projects.accountId, accountId), isNull(projects.parentId), isNull(projects.deletedAt)))) as [{ n: number }];
      if (n >= account.projectLimit) {
        throw new DomainError(
          "FAILED_PRECONDITION",
          `Your ${account.plan} plan allows ${account.projectLimit} projects and the account has ${n}. Ask for a higher limit or an enterprise plan.`,
        );
      }
    }
    const [row] = await tx.insert(projects).values({ id: newProjectId(), accountId, displayName }).returning();
    const node = toNode(row!);
    await recordAudit(tx, actor, { accountId, ...auditPlacement(node), action: "project.created", targetType: "project", targetId: node.id, after: auditView(node) });
    return node;
  });
}

/**
 * Creates a subproject under a top-level project. A parent that is itself a subproject is a
 * FAILED_PRECONDITION (the database refuses it too); a missing or deleted parent is NOT_FOUND.
 */
export async function createSubproject(actor: Actor, input: unknown, policy: CreationPolicy): Promise<ProjectNode> {
  const { parentProjectId, displayName, labels } = parseInput(createSubprojectInput, input);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [parent] = await tx.select().from(projects).where(eq(projects.id, parentProjectId));
      if (!parent || parent.deletedAt) throw new DomainError("NOT_FOUND", `Project ${parentProjectId} not found`);
      if (parent.parentId) {
        throw new DomainError("FAILED_PRECONDITION", `"${parent.displayName}" is a subproject, and subprojects cannot have subprojects. Create it under a top-level project.`);
      }
      const account = await lockAccount(tx, parent.accountId);
      if (policy.enforceSelfServiceLimits && account.plan !== "enterprise") {
        const [{ n }] = (await tx.select({ n: count() }).from(projects).where(and(eq(projects.accountId, account.id), isNotNull(projects.parentId), isNull(projects.deletedAt)))) as [{ n: number }];
        if (n >= account.subprojectLimit) {
          throw new DomainError(
            "FAILED_PRECONDITION",
            `Your ${account.plan} plan allows ${account.subprojectLimit} subprojects and the account has ${n}. Ask for a higher limit, an enterprise plan, or create them through the API.`,
          );
        }
      }
      const [row] = await tx.insert(projects).values({ id: newSubprojectId(), accountId: parent.accountId, parentId: parent.id, displayName, labels }).returning();
      const node = toNode(row!);
      await recordAudit(tx, actor, { accountId: node.accountId, ...auditPlacement(node), action: "subproject.created", targetType: "subproject", targetId: node.id, after: auditView(node) });
      return node;
    });
  } catch (error) {
    // The tree trigger is the backstop for a parent that became invalid between our check and the insert.
    if (sqlState(error) === "23514") throw new DomainError("FAILED_PRECONDITION", "Subprojects can only be created under a top-level project.");
    throw error;
  }
}

/** Renames and/or relabels a project or subproject (labels replace the whole map). */
export async function updateNode(actor: Actor, nodeId: string, input: unknown): Promise<ProjectNode> {
  const changes = parseInput(updateNodeInput, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(projects).where(eq(projects.id, nodeId)).for("update");
    if (!before) throw new DomainError("NOT_FOUND", `Project ${nodeId} not found`);
    if (before.deletedAt) throw new DomainError("FAILED_PRECONDITION", `${nodeId} is deleted; undelete it before changing it`);
    const [row] = await tx
      .update(projects)
      .set({ ...changes, updatedAt: sql`greatest(now(), ${projects.updatedAt} + interval '1 microsecond')` })
      .where(eq(projects.id, nodeId))
      .returning();
    const node = toNode(row!);
    await recordAudit(tx, actor, {
      accountId: node.accountId,
      ...auditPlacement(node),
      action: node.parentId ? "subproject.updated" : "project.updated",
      targetType: node.parentId ? "subproject" : "project",
      targetId: node.id,
      before: auditView(toNode(before)),
      after: auditView(node),
    });
    return node;
  });
}

export async function getNode(nodeId: string): Promise<ProjectNode | null> {
  const db = await getDb();
  const [row] = await db.select().from(projects).where(eq(projects.id, nodeId));
  return row ? toNode(row) : null;
}
