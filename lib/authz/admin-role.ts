import { DomainError } from "@/lib/domain/errors";
import type { AccountRole } from "./roles";

/**
 * User managers manage people but cannot make anyone (themselves included) an administrator,
 * nor change or remove an administrator: that would be a privilege escalation.
 */
export function assertMayTouchAdminRole(actorRole: AccountRole, targetCurrentRole: AccountRole | null, requestedRole: unknown): void {
  if (actorRole === "admin") return;
  if (requestedRole === "admin" || targetCurrentRole === "admin") {
    throw new DomainError("PERMISSION_DENIED", "Only administrators can grant, change or remove the administrator role.");
  }
}
