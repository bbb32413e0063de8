import { randomUUID } from "node:crypto";
import { cliActor } from "@/lib/domain/actor";
import { createAccount } from "@/lib/domain/accounts";
import { addAccountMember } from "@/lib/domain/memberships";
import { grantProjectRole } from "@/lib/domain/project-members";
import { createProject, createSubproject } from "@/lib/domain/projects";
import { createUser } from "@/lib/domain/users";
import type { AccountRole, ProjectRole } from "@/lib/authz/roles";

const unlimited = { enforceSelfServiceLimits: false };

/** A fresh account with one top-level project and two subprojects, for tests that need a tree. */
export async function makeTree(name = "Tree") {
  const account = await createAccount(cliActor, { name: `${name} ${randomUUID().slice(0, 8)}`, plan: "enterprise" });
  const project = await createProject(cliActor, { accountId: account.id, displayName: `${name} project` }, unlimited);
  const sub1 = await createSubproject(cliActor, { parentProjectId: project.id, displayName: "Customer one", labels: { region: "eu" } }, unlimited);
  const sub2 = await createSubproject(cliActor, { parentProjectId: project.id, displayName: "Customer two", labels: { region: "us" } }, unlimited);
  return { account, project, sub1, sub2 };
}

export async function makePerson(accountId: string, accountRole: AccountRole | null, binding?: { projectId: string; role: ProjectRole }) {
  const email = `person-${randomUUID()}@example.test`;
  const user = await createUser(cliActor, { email, password: "person-password", name: "Test Person" });
  if (accountRole) await addAccountMember(cliActor, { accountId, email, role: accountRole });
  if (binding) await grantProjectRole(cliActor, { projectId: binding.projectId, email, role: binding.role });
  return { ...user, email };
}

export { unlimited };
