import { assertMayTouchAdminRole } from "@/lib/authz/admin-role";
import { addAccountMember, getAccountRole } from "@/lib/domain/memberships";
import { findUserByEmail } from "@/lib/domain/users";
import { portalHandler } from "@/lib/portal/handler";

/** Add a person to the account with a role; with `newUser` (name + password), create them if they do not exist. */
export const POST = portalHandler<{ accountId: string }>(async ({ params, body, actor, authorizeAccount }) => {
  const access = await authorizeAccount(params.accountId, "account.members.write");
  const input = body as { email?: unknown; role?: unknown };
  const existing = typeof input.email === "string" ? await findUserByEmail(input.email) : null;
  assertMayTouchAdminRole(access.accountRole, existing ? await getAccountRole(params.accountId, existing.id) : null, input.role);
  return { member: await addAccountMember(actor, { ...(body as object), accountId: params.accountId }) };
});
