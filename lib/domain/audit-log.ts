import { and, desc, eq, gte, like, lt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, type AuditEvent } from "@/db/schema";
import { decodeCursor, encodeCursor } from "./cursor";
import { DomainError } from "./errors";

export interface AuditFilter {
  /** Exactly one scope: a whole account, a top-level project (with its subprojects), or one subproject. */
  scope: { accountId: string } | { projectId: string } | { subprojectId: string };
  /** Action prefix, e.g. "subproject." or "accessKey.created". */
  action?: string | null;
  actorType?: "user" | "access_key" | "system" | null;
  since?: Date | null;
  until?: Date | null;
  pageSize?: number;
  pageToken?: string | null;
}

/** Newest first, keyset-paged on the event ID (indexes: account, project, subproject × id desc). */
export async function listAuditEvents(filter: AuditFilter): Promise<{ events: AuditEvent[]; nextPageToken: string }> {
  const db = await getDb();
  const size = Math.min(Math.max(filter.pageSize ?? 50, 1), 1000);
  const before = decodeCursor(filter.pageToken, 1);
  if (filter.pageToken && !before) throw new DomainError("INVALID_ARGUMENT", "Invalid pageToken", [{ field: "pageToken", description: "is not a token this API returned" }]);
  const scope =
    "accountId" in filter.scope
      ? eq(auditEvents.accountId, filter.scope.accountId)
      : "projectId" in filter.scope
        ? eq(auditEvents.projectId, filter.scope.projectId)
        : eq(auditEvents.subprojectId, filter.scope.subprojectId);
  const rows = await db
    .select()
    .from(auditEvents)
    .where(
      and(
        scope,
        filter.action ? like(auditEvents.action, `${filter.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
        filter.actorType ? eq(auditEvents.actorType, filter.actorType) : undefined,
        filter.since ? gte(auditEvents.createdAt, filter.since) : undefined,
        filter.until ? lt(auditEvents.createdAt, filter.until) : undefined,
        before ? sql`${auditEvents.id} < ${Number(before[0])}` : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(size + 1);
  const events = rows.slice(0, size);
  const last = events[events.length - 1];
  return { events, nextPageToken: rows.length > size && last ? encodeCursor([String(last.id)]) : "" };
}
