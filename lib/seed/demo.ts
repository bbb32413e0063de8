import { cliActor } from "@/lib/domain/actor";
import { createAccount } from "@/lib/domain/accounts";
import { addAccountMember } from "@/lib/domain/memberships";
import { createUser, findUserByEmail } from "@/lib/domain/users";

import { DEMO_SIGN_INS } from "./demo-sign-ins";

export const DEMO_ACCOUNT_NAME = "Demo Reseller";

/**
 * Seeds the demo reseller once. Idempotent: the admin's email is the marker, so a restart (or a
 * second server) finds it and does nothing.
 */
export async function seedDemo(): Promise<{ created: boolean }> {
  const [admin] = DEMO_SIGN_INS;
  if (await findUserByEmail(admin.email)) return { created: false };
  const account = await createAccount(cliActor, { name: DEMO_ACCOUNT_NAME, plan: "enterprise", currency: "EUR" });
  await createUser(cliActor, { email: admin.email, password: admin.password, name: "Demo Admin" });
  await addAccountMember(cliActor, { accountId: account.id, email: admin.email, role: "admin" });
  return { created: true };
}
