import { createHash } from "node:crypto";
import { ApiError } from "./errors";

/** A strong ETag over a resource's wire representation: equal JSON, equal tag. */
export function etagOf(body: unknown): string {
  return etagOfJson(JSON.stringify(body));
}

/** The same tag from the JSON text itself, for callers that serialize the body anyway. */
export function etagOfJson(json: string): string {
  return `"${createHash("sha256").update(json).digest("base64url").slice(0, 27)}"`;
}

/** Enforces `If-Match` (a list of tags, `*`, weak tags compared by value) against the current representation. */
export function assertIfMatch(header: string | null, current: unknown): void {
  if (!header) return;
  const wanted = header.split(",").map((t) => t.trim().replace(/^W\//, ""));
  if (wanted.includes("*")) return;
  if (!wanted.includes(etagOf(current))) {
    throw new ApiError("FAILED_PRECONDITION", "The resource changed since you read it (If-Match does not match its ETag). Read it again and retry.", [], {}, 412);
  }
}
