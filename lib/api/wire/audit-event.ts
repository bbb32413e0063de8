import { z } from "zod";
import type { AuditEvent } from "@/db/schema";
import { timestamp } from "./common";

export const AuditEventSchema = z
  .object({
    eventId: z.string(),
    createTime: timestamp,
    actor: z.object({ type: z.enum(["user", "access_key", "system"]), id: z.string().nullable(), label: z.string() }),
    action: z.string().describe("e.g. subproject.created, accessKey.deleted, number.moved"),
    target: z.object({ type: z.string(), id: z.string() }),
    projectId: z.string().nullable(),
    subprojectId: z.string().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
  })
  .meta({ id: "AuditEvent" });

export function wireAuditEvent(e: AuditEvent): z.infer<typeof AuditEventSchema> {
  return {
    eventId: String(e.id),
    createTime: e.createdAt.toISOString(),
    actor: { type: e.actorType, id: e.actorId, label: e.actorLabel },
    action: e.action,
    target: { type: e.targetType, id: e.targetId },
    projectId: e.projectId,
    subprojectId: e.subprojectId,
    before: e.before ?? null,
    after: e.after ?? null,
  };
}
