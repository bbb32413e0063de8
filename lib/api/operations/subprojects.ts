import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { projects } from "@/db/schema";
import type { KeyPrincipal, TargetNode } from "@/lib/authz/keys";
import { toNode } from "@/lib/domain/nodes";
import { createSubproject, updateNode } from "@/lib/domain/projects";
import { deleteSubproject, resumeSubproject, suspendSubproject, undeleteSubproject } from "@/lib/domain/subproject-lifecycle";
import { listSubprojectsById } from "@/lib/domain/tree";
import { displayNameSchema, labelsSchema, nodeIdSchema } from "@/lib/schemas/projects";
import { ApiError } from "../errors";
import { defineOperation } from "../operation";
import { booleanFlag, emptyObject, pageQuery } from "../wire/common";
import { SubprojectSchema, wireSubproject } from "../wire/subproject";

const tag = "Subprojects";
const parentParams = z.object({ parentProjectId: nodeIdSchema });
const subprojectParams = z.object({ subprojectId: z.string() });
// Unknown fields (parentProjectId, subprojectId, deleted…) are read-only and ignored, as the reference says.
const createBody = z.object({ displayName: displayNameSchema, labels: labelsSchema.optional() });
const patchBody = z.object({ displayName: displayNameSchema.optional(), labels: labelsSchema.optional() });

/** Subprojects are managed with the parent project's key; a subproject's own key manages nothing here. */
function requireParentKey(principal: KeyPrincipal) {
  if (principal.parentId !== null) throw new ApiError("PERMISSION_DENIED", "A subproject's key cannot manage subprojects; use the parent project's key");
}

/** `/v1/subprojects/{id}` names a subproject; a top-level project ID there is simply not found. */
function requireSubproject(target: TargetNode) {
  if (!target.parentId) throw new ApiError("NOT_FOUND", `Resource ${target.id} not found`);
}

/**
 * The subproject as the wire shows it. `lock` (mutations, inside the request transaction) holds
 * the row so the If-Match check and the change see the same version; reads take no lock.
 */
async function currentSubproject(id: string, lock = false) {
  const db = await getDb();
  const query = db.select().from(projects).where(eq(projects.id, id));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw new ApiError("NOT_FOUND", `Resource ${id} not found`);
  return wireSubproject(toNode(row));
}

const bySubproject = { param: "subprojectId", unreachable: "NOT_FOUND", allowSuspended: true, allowDeleted: true } as const;

export const subprojectOperations = [
  defineOperation({
    id: "createSubproject",
    method: "POST",
    path: "/projects/{parentProjectId}/subprojects",
    summary: "Create a subproject under a top-level project (with that project's key)",
    tag,
    params: parentParams,
    body: createBody,
    response: SubprojectSchema,
    target: { param: "parentProjectId", unreachable: "PERMISSION_DENIED", allowSuspended: true },
    async handle({ params, body, actor, target, principal }) {
      if (target.parentId) throw new ApiError("FAILED_PRECONDITION", `Project ${target.id} is a subproject; subprojects cannot have subprojects`);
      requireParentKey(principal);
      const node = await createSubproject(actor, { parentProjectId: params.parentProjectId, displayName: body.displayName, labels: body.labels ?? {} }, { enforceSelfServiceLimits: false });
      return { body: wireSubproject(node) };
    },
  }),
  defineOperation({
    id: "listSubprojects",
    method: "GET",
    path: "/projects/{parentProjectId}/subprojects",
    summary: "List a project's subprojects in creation order (keyset pageToken, stable under concurrent changes)",
    tag,
    params: parentParams,
    query: pageQuery.extend({ showDeleted: booleanFlag.optional() }),
    response: z.object({ subprojects: z.array(SubprojectSchema), nextPageToken: z.string() }),
    target: { param: "parentProjectId", unreachable: "PERMISSION_DENIED", allowSuspended: true },
    async handle({ params, query, target, principal }) {
      if (target.parentId) throw new ApiError("FAILED_PRECONDITION", `Project ${target.id} is a subproject; subprojects have no subprojects`);
      requireParentKey(principal);
      const page = await listSubprojectsById(params.parentProjectId, { pageSize: query.pageSize, pageToken: query.pageToken, showDeleted: query.showDeleted });
      return { body: { subprojects: page.subprojects.map(wireSubproject), nextPageToken: page.nextPageToken } };
    },
  }),
  defineOperation({
    id: "getSubproject",
    method: "GET",
    path: "/subprojects/{subprojectId}",
    summary: "Get a subproject (deleted ones too, with deleted: true)",
    tag,
    params: subprojectParams,
    response: SubprojectSchema,
    target: bySubproject,
    async handle({ target, principal }) {
      requireSubproject(target);
      requireParentKey(principal);
      // authorizeKey read the whole row in the same statement that checked the key.
      return { body: wireSubproject(target) };
    },
  }),
  defineOperation({
    id: "updateSubproject",
    method: "PATCH",
    path: "/subprojects/{subprojectId}",
    summary: "Change displayName and/or labels (labels replace the whole map); If-Match supported",
    tag,
    params: subprojectParams,
    body: patchBody,
    response: SubprojectSchema,
    target: bySubproject,
    current: ({ target }) => currentSubproject(target.id, true),
    async handle({ target, principal, body, actor }) {
      requireSubproject(target);
      requireParentKey(principal);
      if (target.deleted) throw new ApiError("FAILED_PRECONDITION", `Subproject ${target.id} is deleted; undelete it before changing it`);
      if (body.displayName === undefined && body.labels === undefined) return { body: await currentSubproject(target.id) };
      return { body: wireSubproject(await updateNode(actor, target.id, body)) };
    },
  }),
  defineOperation({
    id: "deleteSubproject",
    method: "DELETE",
    path: "/subprojects/{subprojectId}",
    summary: "Soft-delete a subproject: its keys stop at once; restorable with :undelete until purgeTime",
    tag,
    params: subprojectParams,
    response: emptyObject,
    target: bySubproject,
    current: ({ target }) => currentSubproject(target.id, true),
    async handle({ target, principal, actor }) {
      requireSubproject(target);
      requireParentKey(principal);
      await deleteSubproject(actor, target.id);
      return { body: {} };
    },
  }),
  ...(
    [
      ["undelete", "Restore a deleted subproject before its purge time", undeleteSubproject],
      ["suspend", "Suspend a subproject: its keys get 403 on resource calls until resumed", suspendSubproject],
      ["resume", "Resume a suspended subproject", resumeSubproject],
    ] as const
  ).map(([verb, summary, verbFn]) =>
    defineOperation({
      id: `${verb}Subproject`,
      method: "POST",
      path: `/subprojects/{subprojectId}:${verb}`,
      summary,
      tag,
      params: subprojectParams,
      body: z.object({}),
      response: SubprojectSchema,
      target: bySubproject,
      async handle({ target, principal, actor }) {
        requireSubproject(target);
        requireParentKey(principal);
        return { body: wireSubproject(await verbFn(actor, target.id)) };
      },
    }),
  ),
];
