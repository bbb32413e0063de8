import { auditEvents } from "@/db/schema";
import type { Transaction } from "@/db/client";
import { actorId, type Actor } from "./actor";

export interface AuditEntry {
  accountId: string;
  /** Top-level project, and subproject when the change is inside one. */
  projectId?: string | null;
  subprojectId?: string | null;
  action: string;
  targetType: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
}

/** Appends one audit row inside the caller's transaction, so the change and its record commit together. */
export async function recordAudit(tx: Transaction, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    accountId: entry.accountId,
    projectId: entry.projectId ?? null,
    subprojectId: entry.subprojectId ?? null,
    actorType: actor.type,
    actorId: actorId(actor),
    actorLabel: actor.label,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
