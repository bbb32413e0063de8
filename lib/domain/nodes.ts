import type { Project } from "@/db/schema";

/** A project or subproject as every caller (portal, API, CLI) sees it. */
export interface ProjectNode {
  id: string;
  accountId: string;
  parentId: string | null;
  displayName: string;
  labels: Record<string, string>;
  createTime: Date;
  updateTime: Date;
  deleted: boolean;
  deleteTime: Date | null;
  purgeTime: Date | null;
  suspended: boolean;
  suspendedReason: string | null;
}

export function toNode(row: Project): ProjectNode {
  return {
    id: row.id,
    accountId: row.accountId,
    parentId: row.parentId,
    displayName: row.displayName,
    labels: row.labels,
    createTime: row.createdAt,
    updateTime: row.updatedAt,
    deleted: row.deletedAt !== null,
    deleteTime: row.deletedAt,
    purgeTime: row.purgeAt,
    suspended: row.suspendedAt !== null,
    suspendedReason: row.suspendedReason,
  };
}

/** The fields an audit row keeps of a node. */
export function auditView(node: Pick<ProjectNode, "displayName" | "labels">) {
  return { displayName: node.displayName, labels: node.labels };
}

/** Audit placement: changes in a subproject are filed under its parent project too. */
export function auditPlacement(node: Pick<ProjectNode, "id" | "parentId">) {
  return node.parentId ? { projectId: node.parentId, subprojectId: node.id } : { projectId: node.id, subprojectId: null };
}
