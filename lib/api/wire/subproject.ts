import { z } from "zod";
import type { ProjectNode } from "@/lib/domain/nodes";
import { iso, timestamp } from "./common";

export const SubprojectSchema = z
  .object({
    subprojectId: z.string().describe("ULID"),
    displayName: z.string(),
    labels: z.record(z.string(), z.string()),
    parentProjectId: z.string(),
    createTime: timestamp,
    updateTime: timestamp,
    deleted: z.boolean(),
    // Beyond the reference: lifecycle state resellers automate on.
    suspended: z.boolean(),
    suspendedReason: z.string().nullable(),
    deleteTime: timestamp.nullable(),
    purgeTime: timestamp.nullable().describe("When a deleted subproject is removed for good; undelete before then"),
  })
  .meta({ id: "Subproject" });

export type WireSubproject = z.infer<typeof SubprojectSchema>;

export function wireSubproject(n: ProjectNode): WireSubproject {
  return {
    subprojectId: n.id,
    displayName: n.displayName,
    labels: n.labels,
    parentProjectId: n.parentId!,
    createTime: n.createTime.toISOString(),
    updateTime: n.updateTime.toISOString(),
    deleted: n.deleted,
    suspended: n.suspended,
    suspendedReason: n.suspendedReason,
    deleteTime: iso(n.deleteTime),
    purgeTime: iso(n.purgeTime),
  };
}
