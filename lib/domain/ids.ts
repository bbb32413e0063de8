import { randomBytes, randomUUID } from "node:crypto";
import { monotonicFactory } from "ulid";

/** Top-level project IDs: 32 lowercase hex characters, the public wire format's shape. */
export function newProjectId(): string {
  return randomBytes(16).toString("hex");
}

// Monotonic within a process, so subprojects created in one burst keep their creation order.
const ulid = monotonicFactory();

/** Subproject IDs: ULIDs (26 Crockford base32 characters), time-ordered. */
export function newSubprojectId(): string {
  return ulid();
}

export function isSubprojectId(id: string): boolean {
  return /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id);
}

/**
 * App IDs in the shapes the upstream APIs use for each product: SMS service plans are 32
 * lowercase hex characters, Conversation apps ULIDs, Voice and Verification apps UUIDs
 * (their "application keys"). Clients that validate IDs by shape keep working against us.
 */
export function newAppId(kind: "sms_service_plan" | "conversation" | "voice" | "verification"): string {
  if (kind === "sms_service_plan") return randomBytes(16).toString("hex");
  if (kind === "conversation") return ulid();
  return randomUUID();
}
