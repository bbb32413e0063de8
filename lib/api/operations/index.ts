import type { Operation } from "../operation";
import { accessKeyOperations } from "./access-keys";
import { numberOperations } from "./numbers";
import { subprojectOperations } from "./subprojects";
import { auditOperations } from "./audit";
import { numberMoveOperations } from "./number-moves";
import { usageOperations } from "./usage";

/** Every /v1 operation; the router and the OpenAPI document are both built from this list. */
export const operations: Operation[] = [...subprojectOperations, ...accessKeyOperations, ...numberOperations, ...numberMoveOperations, ...auditOperations, ...usageOperations];
