import { z } from "zod";
import { listAuditEvents } from "@/lib/domain/audit-log";
import { nodeIdSchema } from "@/lib/schemas/projects";
import { defineOperation } from "../operation";
import { AuditEventSchema, wireAuditEvent } from "../wire/audit-event";
import { pageQuery } from "../wire/common";

export const auditOperations = [
  defineOperation({
    id: "listAuditEvents",
    method: "GET",
    path: "/projects/{projectId}/auditEvents",
    summary: "Audit trail, newest first: a project's covers its subprojects; a subproject's only itself",
    tag: "Audit",
    params: z.object({ projectId: nodeIdSchema }),
    query: pageQuery.extend({
      action: z.string().max(100).optional().describe("Action or prefix, e.g. subproject. or number.moved"),
      startTime: z.iso.datetime({ offset: true }).optional(),
      endTime: z.iso.datetime({ offset: true }).optional(),
    }),
    response: z.object({ auditEvents: z.array(AuditEventSchema), nextPageToken: z.string() }),
    target: { param: "projectId", unreachable: "PERMISSION_DENIED", allowSuspended: true },
    async handle({ target, query }) {
      const page = await listAuditEvents({
        scope: target.parentId ? { subprojectId: target.id } : { projectId: target.id },
        action: query.action,
        since: query.startTime ? new Date(query.startTime) : null,
        until: query.endTime ? new Date(query.endTime) : null,
        pageSize: query.pageSize,
        pageToken: query.pageToken,
      });
      return { body: { auditEvents: page.events.map(wireAuditEvent), nextPageToken: page.nextPageToken } };
    },
  }),
];
