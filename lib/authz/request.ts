import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getCurrentUser } from "@/lib/auth/session";
import { resolveAccountAccess, resolveNodeAccess, type AccountAccess, type NodeAccess } from "./people";
import type { AccountPermission, ProjectPermission } from "./roles";

/**
 * Per-request, cached access lookups for the signed-in person: a layout, its page and their
 * components share one database round trip per node. Nothing is cached across requests, so a
 * revoked binding takes effect on the next page load.
 */
export const currentNodeAccess = cache(async (nodeId: string): Promise<NodeAccess | null> => {
  const user = await getCurrentUser();
  return user ? resolveNodeAccess(user.id, nodeId) : null;
});

export const currentAccountAccess = cache(async (accountId: string): Promise<AccountAccess | null> => {
  const user = await getCurrentUser();
  return user ? resolveAccountAccess(user.id, accountId) : null;
});

/** Guard for `/projects/{projectId}/…`: a readable, live, top-level project with the permission, else the 404 page. */
export async function requireProjectPage(projectId: string, permission: ProjectPermission = "project.read"): Promise<NodeAccess> {
  const access = await currentNodeAccess(projectId);
  if (!access || access.node.parentId !== null || access.node.deleted || !access.permissions.has(permission)) notFound();
  return access;
}

/** Guard for `/projects/{projectId}/subprojects/{subprojectId}/…`: the path must name the real parent. */
export async function requireSubprojectPage(projectId: string, subprojectId: string, permission: ProjectPermission = "project.read"): Promise<NodeAccess> {
  const access = await currentNodeAccess(subprojectId);
  if (!access || access.node.parentId !== projectId || !access.permissions.has(permission)) notFound();
  return access;
}

export async function requireAccountPage(accountId: string, permission: AccountPermission = "account.read"): Promise<AccountAccess> {
  const access = await currentAccountAccess(accountId);
  if (!access || !access.permissions.has(permission)) notFound();
  return access;
}

/**
 * Guard for resource pages that exist on both tiers (`/projects/{p}/numbers` and
 * `/projects/{p}/subprojects/{s}/numbers`): the same checks as the two guards above.
 */
export async function requireNodePage(params: { projectId: string; subprojectId?: string }, permission: ProjectPermission): Promise<NodeAccess> {
  return params.subprojectId ? requireSubprojectPage(params.projectId, params.subprojectId, permission) : requireProjectPage(params.projectId, permission);
}
