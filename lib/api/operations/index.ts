import type { Operation } from "../operation";
import { accessKeyOperations } from "./access-keys";

/** Every /v1 operation; the router and the OpenAPI document are both built from this list. */
export const operations: Operation[] = [...accessKeyOperations];
