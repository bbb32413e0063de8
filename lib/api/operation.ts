import type { z } from "zod";
import type { KeyPrincipal, TargetNode } from "@/lib/authz/keys";
import type { Actor } from "@/lib/domain/actor";

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

/** How an operation treats the node named in its path. */
export interface TargetRule {
  /** The path parameter holding the project or subproject ID the key must reach. */
  param: string;
  /** The answer when the key does not reach it — identical whether it exists or not. */
  unreachable: "PERMISSION_DENIED" | "NOT_FOUND";
  /** Management calls (e.g. resume) still work on a suspended node; resource calls do not. */
  allowSuspended?: boolean;
  /** Calls that see soft-deleted nodes (get with showDeleted, undelete). */
  allowDeleted?: boolean;
}

export interface OperationContext<P, Q, B> {
  request: Request;
  params: P;
  query: Q;
  body: B;
  principal: KeyPrincipal;
  /** The reached node (per `target`), never one the key may not reach. */
  target: TargetNode;
  actor: Actor;
}

export interface OperationResult {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * One /v1 endpoint: its path template (`{name}` parameters, `:verb` suffix), zod schemas that
 * validate the request and describe the response (the OpenAPI document is generated from them),
 * and a thin handler that calls domain verbs.
 */
export interface Operation<PS extends z.ZodType = z.ZodType, QS extends z.ZodType = z.ZodType, BS extends z.ZodType = z.ZodType> {
  id: string;
  method: HttpMethod;
  path: string;
  summary: string;
  tag: string;
  params: PS;
  query?: QS;
  body?: BS;
  response: z.ZodType;
  target: TargetRule;
  /**
   * The resource's current wire representation (read under a row lock inside the request
   * transaction): enables ETag / If-Match on PATCH and DELETE.
   */
  current?(ctx: OperationContext<z.output<PS>, z.output<QS>, z.output<BS>>): Promise<unknown>;
  handle(ctx: OperationContext<z.output<PS>, z.output<QS>, z.output<BS>>): Promise<OperationResult>;
}

/** Identity helper that keeps the schema types flowing into `handle`. */
export function defineOperation<PS extends z.ZodType, QS extends z.ZodType = z.ZodType, BS extends z.ZodType = z.ZodType>(op: Operation<PS, QS, BS>): Operation {
  return op as unknown as Operation;
}
