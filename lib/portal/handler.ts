import "server-only";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { resolveAccountAccess, resolveNodeAccess, type AccountAccess, type NodeAccess } from "@/lib/authz/people";
import type { AccountPermission, ProjectPermission } from "@/lib/authz/roles";
import type { Actor } from "@/lib/domain/actor";
import { DomainError, type DomainErrorCode } from "@/lib/domain/errors";
import { findUserById, type PublicUser } from "@/lib/domain/users";
import { isSameOriginRequest } from "@/lib/security/same-origin";
import { isDatabaseUnavailable, isUnstorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/api/database-errors";
import { withinDeadline } from "@/lib/api/deadline";
import { log, REQUEST_ID_HEADER, requestIdOf } from "@/lib/observability/log";

const STATUS: Record<DomainErrorCode, number> = {
  INVALID_ARGUMENT: 400,
  FAILED_PRECONDITION: 400,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  RESOURCE_EXHAUSTED: 429,
};
const MAX_BODY_BYTES = 64 * 1024;

export interface PortalContext<P> {
  request: Request;
  user: PublicUser;
  actor: Actor;
  params: P;
  /** The parsed JSON body (mutations only); `{}` when empty. */
  body: unknown;
  /** The person's access to a node, or a 404 (not readable) / 403 (readable, but not this action). */
  authorizeNode(nodeId: string, permission: ProjectPermission): Promise<NodeAccess>;
  authorizeAccount(accountId: string, permission: AccountPermission): Promise<AccountAccess>;
}

function errorResponse(status: number, code: string, message: string, fieldViolations: unknown[] = []) {
  return Response.json({ error: { code, message, fieldViolations } }, { status });
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new DomainError("INVALID_ARGUMENT", "Request body is too large");
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError("INVALID_ARGUMENT", "Request body is not valid JSON");
  }
}

export interface PortalHandlerOptions {
  /** Leave the body unread (`ctx.body` is undefined): file uploads read `ctx.request` with their own size limit. */
  rawBody?: boolean;
  /** Overrides REQUEST_DEADLINE_MS for handlers whose work grows with an upload (a 100,000-row CSV). */
  deadlineMs?: number;
}

/**
 * The one wrapper for portal route handlers: session → person (from the database, every
 * request), cross-site refusal for mutations, JSON body, permission helpers, and error mapping.
 */
export function portalHandler<P = Record<string, string>>(handler: (ctx: PortalContext<P>) => Promise<unknown>, options: PortalHandlerOptions = {}) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const requestId = requestIdOf(request.headers);
    const response = await withinDeadline(run(request, context, requestId), options.deadlineMs).catch(() => errorResponse(503, "UNAVAILABLE", "The service did not answer in time. Try again in a moment."));
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  };

  async function run(request: Request, context: { params: Promise<P> }, requestId: string): Promise<Response> {
    try {
      const mutating = !["GET", "HEAD"].includes(request.method);
      if (mutating && !isSameOriginRequest(request.headers, request.url)) {
        return errorResponse(403, "PERMISSION_DENIED", "Cross-site request refused");
      }
      const session = await getServerSession(authOptions);
      const userId = (session?.user as { id?: string } | undefined)?.id;
      const user = userId ? await findUserById(userId) : null;
      if (!user) return errorResponse(401, "UNAUTHENTICATED", "Sign in to continue");
      const ctx: PortalContext<P> = {
        request,
        user,
        actor: { type: "user", userId: user.id, label: user.email },
        params: await context.params,
        body: mutating && !options.rawBody ? await readJson(request) : undefined,
        async authorizeNode(nodeId, permission) {
          const access = await resolveNodeAccess(user.id, nodeId);
          if (!access) throw new DomainError("NOT_FOUND", "Not found");
          if (!access.permissions.has(permission)) throw new DomainError("PERMISSION_DENIED", "You do not have permission to do this");
          return access;
        },
        async authorizeAccount(accountId, permission) {
          const access = await resolveAccountAccess(user.id, accountId);
          if (!access) throw new DomainError("NOT_FOUND", "Not found");
          if (!access.permissions.has(permission)) throw new DomainError("PERMISSION_DENIED", "You do not have permission to do this");
          return access;
        },
      };
      const result = await handler(ctx);
      return result instanceof Response ? result : Response.json(result ?? {});
    } catch (error) {
      if (error instanceof DomainError) return errorResponse(STATUS[error.code], error.code, error.message, error.fieldViolations);
      if (isDatabaseUnavailable(error)) return errorResponse(503, "UNAVAILABLE", "The service is briefly unavailable. Try again in a moment.");
      if (isUnstorableText(error)) return errorResponse(400, "INVALID_ARGUMENT", UNSTORABLE_TEXT_MESSAGE);
      log("error", "portal handler failed", { requestId, url: request.url, error: String(error), stack: (error as Error)?.stack });
      return errorResponse(500, "INTERNAL", "Something went wrong on our side. Try again.");
    }
  }
}
