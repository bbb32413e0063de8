import { z } from "zod";
import { reachableNode } from "@/lib/authz/keys";
import { moveNumber } from "@/lib/domain/number-moves";
import { e164Schema } from "@/lib/schemas/numbers";
import { nodeIdSchema } from "@/lib/schemas/projects";
import { ApiError } from "../errors";
import { defineOperation } from "../operation";
import { ActiveNumberSchema, wireActiveNumber } from "../wire/numbers";

export const numberMoveOperations = [
  defineOperation({
    id: "moveActiveNumber",
    method: "POST",
    path: "/projects/{projectId}/activeNumbers/{phoneNumber}:move",
    summary: "Move a number between a project and its subprojects, or between sibling subprojects (with the parent project's key)",
    tag: "Numbers",
    params: z.object({ projectId: nodeIdSchema, phoneNumber: e164Schema }),
    body: z.object({ targetProjectId: nodeIdSchema }),
    response: ActiveNumberSchema,
    target: { param: "projectId", unreachable: "PERMISSION_DENIED" },
    async handle({ params, body, principal, actor }) {
      if (principal.parentId !== null) throw new ApiError("PERMISSION_DENIED", "Moving numbers needs the parent project's key");
      if (!(await reachableNode(principal, body.targetProjectId))) {
        throw new ApiError("PERMISSION_DENIED", `Permission denied on resource ${body.targetProjectId}, or it does not exist`, [{ field: "targetProjectId", description: "is not reachable with this key" }]);
      }
      return { body: wireActiveNumber(await moveNumber(actor, params.projectId, params.phoneNumber, body.targetProjectId)) };
    },
  }),
];
