import type { DomainErrorCode, FieldViolation } from "@/lib/domain/errors";

/** Wire statuses (WIRE.md "Errors", google.rpc codes) and their usual HTTP codes. */
export const WIRE_STATUS = {
  INVALID_ARGUMENT: 400,
  FAILED_PRECONDITION: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  ABORTED: 409,
  RESOURCE_EXHAUSTED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;
export type WireStatus = keyof typeof WIRE_STATUS;

/**
 * An error to answer with, in the platform's envelope. Thrown anywhere below a /v1 handler.
 * `httpCode` overrides the usual code where HTTP has a more precise one (412 for a stale
 * If-Match, 422 for an Idempotency-Key reused with another body).
 */
export class ApiError extends Error {
  constructor(
    readonly status: WireStatus,
    message: string,
    readonly fieldViolations: FieldViolation[] = [],
    readonly headers: Record<string, string> = {},
    readonly httpCode: number = WIRE_STATUS[status],
  ) {
    super(message);
  }
}

export function domainToWire(code: DomainErrorCode): WireStatus {
  return code;
}

/** `{"error": {"code", "message", "status", "details"}}`, field problems as google.rpc.BadRequest. */
export function errorBody(status: WireStatus, message: string, fieldViolations: FieldViolation[] = [], httpCode: number = WIRE_STATUS[status]) {
  const details = fieldViolations.length ? [{ "@type": "type.googleapis.com/google.rpc.BadRequest", fieldViolations }] : [];
  return { error: { code: httpCode, message, status, details } };
}

export function errorResponse(error: ApiError): Response {
  return Response.json(errorBody(error.status, error.message, error.fieldViolations, error.httpCode), { status: error.httpCode, headers: error.headers });
}
