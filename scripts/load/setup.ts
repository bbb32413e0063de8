import { cliActor } from "@/lib/domain/actor";
import { createAccessKey } from "@/lib/domain/access-keys";
import { createAccount } from "@/lib/domain/accounts";
import { addAccountMember } from "@/lib/domain/memberships";
import { createProject } from "@/lib/domain/projects";
import { closeDb } from "@/db/client";

/** A reseller account to load: project, automation key, and an admin for portal reads. Uses DATABASE_URL. */
export async function setupReseller() {
  const account = await createAccount(cliActor, { name: `Load reseller ${Date.now()}`, plan: "enterprise" });
  const project = await createProject(cliActor, { accountId: account.id, displayName: "Customers" }, { enforceSelfServiceLimits: false });
  const { accessKey, secret } = await createAccessKey(cliActor, project.id, { displayName: "automation" });
  const email = `load-admin-${Date.now()}@example.test`;
  const password = "load-admin-password";
  await addAccountMember(cliActor, { accountId: account.id, email, role: "admin", newUser: { name: "Load Admin", password } });
  await closeDb();
  return { accountId: account.id, projectId: project.id, keyId: accessKey.accessKeyId, secret, email, password };
}
