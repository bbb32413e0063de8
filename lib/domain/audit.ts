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

function auditRow(actor: Actor, entry: AuditEntry) {
  return {
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
  };
}

/** The webhook event of an audit entry, or null when the action is not a lifecycle event. */
function webhookPayload(entry: AuditEntry) {
  if (!entry.projectId || !WEBHOOK_EVENT_TYPES.has(entry.action)) return null;
  return {
    id: randomUUID(),
    type: entry.action,
    createTime: new Date().toISOString(),
    accountId: entry.accountId,
    projectId: entry.projectId,
    subprojectId: entry.subprojectId ?? null,
    target: { type: entry.targetType, id: entry.targetId },
    data: entry.after ?? entry.before ?? null,
  };
}

/**
 * Appends one audit row inside the caller's transaction, so the change and its record commit
 * together; for lifecycle events it also queues the webhook deliveries (the outbox) in the same
 * transaction, so an event is sent if and only if the change committed.
 */
export async function recordAudit(tx: Transaction, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values(auditRow(actor, entry));
  const payload = webhookPayload(entry);
  if (payload) {
    await tx.execute(sql`
      insert into webhook_deliveries (endpoint_id, event_id, event_type, payload)
      select id, ${payload.id}::uuid, ${entry.action}, ${JSON.stringify(payload)}::jsonb from webhook_endpoints where project_id = ${entry.projectId}`);
  }
}

// Rows per statement: well under Postgres's 65,535 bind parameters at 11 per audit row.
const AUDIT_CHUNK = 1000;

/**
 * recordAudit for many entries by one actor, in two statements per chunk instead of two per
 * entry: batch verbs (bulk imports create hundreds of subprojects per transaction) would
 * otherwise spend most of their time on round trips.
 */
export async function recordAudits(tx: Transaction, actor: Actor, entries: AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += AUDIT_CHUNK) {
    const chunk = entries.slice(i, i + AUDIT_CHUNK);
    await tx.insert(auditEvents).values(chunk.map((entry) => auditRow(actor, entry)));
    const events = chunk.flatMap((entry) => {
      const payload = webhookPayload(entry);
      return payload ? [{ projectId: entry.projectId, payload }] : [];
    });
    if (events.length === 0) continue;
    await tx.execute(sql`
      insert into webhook_deliveries (endpoint_id, event_id, event_type, payload)
      select w.id, (e.payload->>'id')::uuid, e.payload->>'type', e.payload
      from jsonb_to_recordset(${JSON.stringify(events.map((e, ord) => ({ ord, project_id: e.projectId, payload: e.payload })))}::jsonb)
        as e(ord int, project_id text, payload jsonb)
      join webhook_endpoints w on w.project_id = e.project_id
      order by e.ord, w.id`);
  }
}
