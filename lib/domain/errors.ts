import type { ZodError } from "zod";

/** The failure kinds a domain verb can report; lib/api maps them to the wire envelope, the portal to messages. */
export type DomainErrorCode =
  | "INVALID_ARGUMENT"
  | "FAILED_PRECONDITION"
  | "PERMISSION_DENIED"
  | "NOT_FOUND"
  | "ALREADY_EXISTS"
  | "RESOURCE_EXHAUSTED";

export interface FieldViolation {
  field: string;
  description: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly fieldViolations: FieldViolation[] = [],
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export function fieldViolationsOf(error: ZodError): FieldViolation[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join(".") || "(body)",
    description: issue.message,
  }));
}

/** An INVALID_ARGUMENT error carrying every field problem zod found. */
export function invalidArgument(error: ZodError): DomainError {
  const violations = fieldViolationsOf(error);
  const summary = violations.map((v) => `${v.field}: ${v.description}`).join("; ");
  return new DomainError("INVALID_ARGUMENT", `Invalid input: ${summary}`, violations);
}

/** True for Postgres unique_violation (SQLSTATE 23505), from either driver. */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === "23505";
}

/** The SQLSTATE of a driver error, looking through drizzle's wrapping `cause`. */
export function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}
