import { assertMayTouchAdminRole } from "@/lib/authz/admin-role";
import { getAccountRole, removeAccountMember, setAccountRole } from "@/lib/domain/memberships";
import { portalHandler } from "@/lib/portal/handler";

type Params = { accountId: string; userId: string };

export const PATCH = portalHandler<Params>(async ({ params, body, actor, authorizeAccount }) => {
  const access = await authorizeAccount(params.accountId, "account.members.write");
  const role = (body as { role?: unknown }).role;
  assertMayTouchAdminRole(access.accountRole, await getAccountRole(params.accountId, params.userId), role);
  await setAccountRole(actor, { accountId: params.accountId, userId: params.userId, role });
  return {};
});

/** Removes the person from the account and every project binding in it. */
export const DELETE = portalHandler<Params>(async ({ params, actor, authorizeAccount }) => {
  const access = await authorizeAccount(params.accountId, "account.members.write");
  assertMayTouchAdminRole(access.accountRole, await getAccountRole(params.accountId, params.userId), null);
  await removeAccountMember(actor, { accountId: params.accountId, userId: params.userId });
  return {};
});
