import { z } from "zod";
import { createAccessKey, deleteAccessKey, getAccessKey, listAccessKeys, renameAccessKey } from "@/lib/domain/access-keys";
import { nodeIdSchema } from "@/lib/schemas/projects";
import { createAccessKeyInput, updateAccessKeyInput } from "@/lib/schemas/access-keys";
import { AccessKeySchema, wireAccessKey } from "../wire/access-key";
import { emptyObject, pageQuery } from "../wire/common";
import { defineOperation } from "../operation";

const projectParams = z.object({ projectId: nodeIdSchema });
const keyParams = projectParams.extend({ accessKeyId: z.string().max(64) });
// A project's key manages its subprojects' keys; a subproject's key only its own (the shared isolation rule).
const target = { param: "projectId", unreachable: "PERMISSION_DENIED", allowSuspended: true } as const;
const tag = "Access keys";

export const accessKeyOperations = [
  defineOperation({
    id: "listAccessKeys",
    method: "GET",
    path: "/projects/{projectId}/accessKeys",
    summary: "List the access keys of a project or subproject",
    tag,
    params: projectParams,
    query: pageQuery,
    response: z.object({ accessKeys: z.array(AccessKeySchema), nextPageToken: z.string() }),
    target,
    async handle({ params, query }) {
      const page = await listAccessKeys(params.projectId, query);
      return { body: { accessKeys: page.accessKeys.map(wireAccessKey), nextPageToken: page.nextPageToken } };
    },
  }),
  defineOperation({
    id: "createAccessKey",
    method: "POST",
    path: "/projects/{projectId}/accessKeys",
    summary: "Create an access key; the response is the only time the secret is shown",
    tag,
    params: projectParams,
    body: createAccessKeyInput,
    response: z.object({ accessKey: AccessKeySchema, secret: z.string() }),
    target,
    async handle({ params, body, actor }) {
      const { accessKey, secret } = await createAccessKey(actor, params.projectId, body);
      return { body: { accessKey: wireAccessKey(accessKey), secret } };
    },
  }),
  defineOperation({
    id: "getAccessKey",
    method: "GET",
    path: "/projects/{projectId}/accessKeys/{accessKeyId}",
    summary: "Get an access key",
    tag,
    params: keyParams,
    response: AccessKeySchema,
    target,
    async handle({ params }) {
      return { body: wireAccessKey(await getAccessKey(params.projectId, params.accessKeyId)) };
    },
  }),
  defineOperation({
    id: "updateAccessKey",
    method: "PATCH",
    path: "/projects/{projectId}/accessKeys/{accessKeyId}",
    summary: "Rename an access key",
    tag,
    params: keyParams,
    body: updateAccessKeyInput,
    response: AccessKeySchema,
    target,
    async handle({ params, body, actor }) {
      return { body: wireAccessKey(await renameAccessKey(actor, params.projectId, params.accessKeyId, body)) };
    },
  }),
  defineOperation({
    id: "deleteAccessKey",
    method: "DELETE",
    path: "/projects/{projectId}/accessKeys/{accessKeyId}",
    summary: "Delete an access key; it stops working at once",
    tag,
    params: keyParams,
    response: emptyObject,
    target,
    async handle({ params, actor }) {
      await deleteAccessKey(actor, params.projectId, params.accessKeyId);
      return { body: {} };
    },
  }),
];
