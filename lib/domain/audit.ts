import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
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

/** Audit actions that are also lifecycle webhook events (delivered to the top-level project's endpoints). */
export const WEBHOOK_EVENT_TYPES = new Set([
  "subproject.created",
  "subproject.updated",
  "subproject.deleted",
  "subproject.undeleted",
  "subproject.suspended",
  "subproject.resumed",
  "accessKey.created",
  "accessKey.deleted",
  "number.rented",
  "number.released",
  "number.moved",
  "spend.warning",
  "spend.capReached",
]);

/**
 * Appends one audit row inside the caller's transaction, so the change and its record commit
 * together; for lifecycle events it also queues the webhook deliveries (the outbox) in the same
 * transaction, so an event is sent if and only if the change committed.
 */
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
  if (entry.projectId && WEBHOOK_EVENT_TYPES.has(entry.action)) {
    const payload = {
      id: randomUUID(),
      type: entry.action,
      createTime: new Date().toISOString(),
      accountId: entry.accountId,
      projectId: entry.projectId,
      subprojectId: entry.subprojectId ?? null,
      target: { type: entry.targetType, id: entry.targetId },
      data: entry.after ?? entry.before ?? null,
    };
    await tx.execute(sql`
      insert into webhook_deliveries (endpoint_id, event_id, event_type, payload)
      select id, ${payload.id}::uuid, ${entry.action}, ${JSON.stringify(payload)}::jsonb from webhook_endpoints where project_id = ${entry.projectId}`);
  }
}
