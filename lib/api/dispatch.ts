import { z } from "zod";
import { authorizeKey, type KeyPrincipal } from "@/lib/authz/keys";
import { secretDigest } from "@/lib/authz/secrets";
import { touchAccessKey } from "@/lib/domain/access-keys";
import { DomainError, fieldViolationsOf } from "@/lib/domain/errors";
import { parseAuthorization } from "./credentials";
import { isDatabaseUnavailable, isUnstorableText, UNSTORABLE_TEXT_MESSAGE } from "./database-errors";
import { ApiError, errorResponse } from "./errors";
import { bodyTextOf, parseJson, queryObject } from "./request-input";
import { assertIfMatch, etagOf, etagOfJson } from "./etag";
import { claimIdempotencyKey, rememberResponse, requestHash, validIdempotencyKey } from "./idempotency";
import type { OperationResult } from "./operation";
import { outsideTransaction, withTransaction } from "@/db/client";
import { hitRateLimit, rateLimitHeaders } from "./rate-limit";
import type { Router } from "./router";
import { withinDeadline } from "./deadline";
import { log, REQUEST_ID_HEADER, requestIdOf } from "@/lib/observability/log";
import { verifyAccessToken } from "./token";

/** Per-credential limits per minute. HTTP Basic sends the long-lived secret every time: it is for testing and limited harder. */
export const API_RATE_LIMITS = { bearer: Number(process.env.API_RATE_LIMIT_BEARER ?? 6000), basic: Number(process.env.API_RATE_LIMIT_BASIC ?? 600) };

async function authenticate(request: Request): Promise<{ keyId: string; secretDigest?: string; via: "bearer" | "basic" }> {
  const presented = parseAuthorization(request.headers.get("authorization"));
  if (presented.kind === "bearer") {
    const keyId = await verifyAccessToken(presented.token);
    if (!keyId) throw new ApiError("UNAUTHENTICATED", "The access token is invalid or expired", [], { "WWW-Authenticate": 'Bearer error="invalid_token"' });
    return { keyId, via: "bearer" };
  }
  if (presented.kind === "basic") return { keyId: presented.keyId, secretDigest: secretDigest(presented.secret), via: "basic" };
  throw new ApiError("UNAUTHENTICATED", "Request is missing valid credentials: send a Bearer token from /oauth2/token", [], { "WWW-Authenticate": "Bearer" });
}

function invalidArgument(error: z.ZodError, prefix = ""): ApiError {
  const violations = fieldViolationsOf(error).map((v) => ({ ...v, field: prefix && v.field !== "(body)" ? `${prefix}${v.field}` : v.field }));
  return new ApiError("INVALID_ARGUMENT", `Invalid request: ${violations.map((v) => `${v.field}: ${v.description}`).join("; ")}`, violations);
}

function parseWith<S extends z.ZodType>(schema: S | undefined, value: unknown): unknown {
  if (!schema) return value;
  const result = schema.safeParse(value);
  if (!result.success) throw invalidArgument(result.error);
  return result.data;
}

/**
 * The one /v1 entry point: route → authenticate (Bearer JWT or Basic) → resolve key and target
 * in one query → rate limit → validate → operation → wire-format response. Every failure
 * leaves in the error envelope; a database outage is 503 UNAVAILABLE, never a stack trace.
 */
export async function dispatch(router: Router, request: Request, path: string): Promise<Response> {
  const started = performance.now();
  const requestId = requestIdOf(request.headers);
  const response = await withinDeadline(handle(router, request, path, requestId)).catch((error: unknown) => toErrorResponse(error, {}, request, requestId));
  response.headers.set(REQUEST_ID_HEADER, requestId);
  log(response.status >= 500 ? "error" : "info", "api request", { requestId, method: request.method, path, status: response.status, ms: Math.round(performance.now() - started) });
  return response;
}

async function handle(router: Router, request: Request, path: string, requestId: string): Promise<Response> {
  let rateHeaders: Record<string, string> = {};
  try {
    const matched = router.match(request.method, path);
    if (!matched.op) throw new ApiError("NOT_FOUND", matched.pathExists ? `Method ${request.method} is not supported on this resource` : "No such API resource");
    const { op } = matched;
    const credential = await authenticate(request);
    const rawParams = matched.params;
    const targetId = rawParams[op.target.param] ?? null;
    const auth = await authorizeKey(credential, targetId);
    if (!auth.ok) throw new ApiError("UNAUTHENTICATED", "The access key is unknown, deleted, or belongs to a deleted project");
    const principal: KeyPrincipal = auth.principal;

    const limit = await hitRateLimit(`key:${principal.keyId}:${credential.via}`, API_RATE_LIMITS[credential.via], 60);
    rateHeaders = rateLimitHeaders(limit);
    if (!limit.allowed) throw new ApiError("RESOURCE_EXHAUSTED", `Rate limit of ${limit.limit} requests per minute exceeded for this key`);
    if (!principal.lastUsedAt || Date.now() - principal.lastUsedAt.getTime() > 60_000) void outsideTransaction(() => touchAccessKey(principal.keyId)).catch(() => {});

    if (principal.suspended) throw new ApiError("PERMISSION_DENIED", "This key's project is suspended");
    const target = auth.target;
    const hidden = !target || (target.deleted && !op.target.allowDeleted);
    if (hidden) {
      throw op.target.unreachable === "NOT_FOUND"
        ? new ApiError("NOT_FOUND", `Resource ${targetId} not found`)
        : new ApiError("PERMISSION_DENIED", `Permission denied on resource ${targetId}, or it does not exist`);
    }
    if (target.suspended && !op.target.allowSuspended) throw new ApiError("PERMISSION_DENIED", `Project ${target.id} is suspended`);

    const params = parseWith(op.params, rawParams);
    const query = parseWith(op.query, queryObject(new URL(request.url)));
    const bodyText = op.body ? await bodyTextOf(request) : "";
    const body = op.body ? parseWith(op.body, parseJson(bodyText)) : undefined;
    const ctx = {
      request,
      params,
      query,
      body,
      principal,
      target,
      actor: { type: "access_key" as const, keyId: principal.keyId, label: `key ${principal.keyName} (${principal.keyId})` },
    } as never;

    let result: OperationResult & { status: number };
    if (op.method === "GET") {
      const r = await op.handle(ctx);
      result = { ...r, status: r.status ?? 200 };
    } else {
      // A mutation, its audit row, its webhook outbox rows and its idempotency record commit together.
      const idempotencyKey = request.headers.get("idempotency-key");
      if (idempotencyKey !== null && !validIdempotencyKey(idempotencyKey)) throw new ApiError("INVALID_ARGUMENT", "Idempotency-Key must be 1-255 printable ASCII characters");
      const hash = requestHash(op.method, path, bodyText);
      result = await withTransaction(async () => {
        if (idempotencyKey) {
          const replay = await claimIdempotencyKey(principal.keyId, idempotencyKey, hash);
          if (replay) return { ...replay, status: replay.status ?? 200 };
        }
        const ifMatch = request.headers.get("if-match");
        if (ifMatch && op.current) assertIfMatch(ifMatch, await op.current(ctx));
        const r = await op.handle(ctx);
        const headers: Record<string, string> = { ...r.headers };
        if (op.current && (r.status ?? 200) === 200) headers.ETag = etagOf(r.body);
        const done = { ...r, status: r.status ?? 200, headers };
        if (idempotencyKey) await rememberResponse(principal.keyId, idempotencyKey, hash, done);
        return done;
      });
    }
    // Serialized once: a page of 100 subprojects is ~30 KB of JSON, and the ETag hashes the same text.
    const json = JSON.stringify(result.body ?? {});
    const etag: Record<string, string> = op.method === "GET" && result.status === 200 ? { ETag: etagOfJson(json) } : {};
    return new Response(json, { status: result.status, headers: { "content-type": "application/json", ...rateHeaders, ...etag, ...result.headers } });
  } catch (error) {
    return toErrorResponse(error, rateHeaders, request, requestId);
  }
}

export function toErrorResponse(error: unknown, headers: Record<string, string>, request: Request, requestId?: string): Response {
  if (error instanceof ApiError) return errorResponse(new ApiError(error.status, error.message, error.fieldViolations, { ...headers, ...error.headers }, error.httpCode));
  if (error instanceof DomainError) return errorResponse(new ApiError(error.code, error.message, error.fieldViolations, headers));
  if (isDatabaseUnavailable(error)) {
    // Which failure (refused, reset, connect timeout, shutdown) tells an operator where to look.
    log("warn", "database unavailable", { requestId, code: (error as { code?: unknown })?.code, error: String(error) });
    return errorResponse(new ApiError("UNAVAILABLE", "The service is temporarily unavailable. Retry shortly.", [], { ...headers, "Retry-After": "1" }));
  }
  if (isUnstorableText(error)) return errorResponse(new ApiError("INVALID_ARGUMENT", UNSTORABLE_TEXT_MESSAGE, [], headers));
  // The stack goes to the log, never to the client.
  log("error", "api request failed", { requestId, method: request.method, url: request.url, error: String(error), stack: (error as Error)?.stack });
  return errorResponse(new ApiError("INTERNAL", "Internal error", [], headers));
}
