import { describe, expect, it } from "vitest";
import { cliActor } from "@/lib/domain/actor";
import { grantProjectRole, revokeProjectRole } from "@/lib/domain/project-members";
import { createProject } from "@/lib/domain/projects";
import { removeAccountMember } from "@/lib/domain/memberships";
import { makePerson, makeTree, unlimited } from "@/scripts/test-support/fixtures";
import { resolveAccountAccess, resolveNodeAccess } from "./people";

describe("resolveNodeAccess (people)", () => {
  it("gives an administrator everything on every node of the account, nothing in another account", async () => {
    const { account, project, sub1 } = await makeTree();
    const other = await makeTree();
    const admin = await makePerson(account.id, "admin");
    for (const node of [project, sub1]) {
      const access = await resolveNodeAccess(admin.id, node.id);
      expect(access?.permissions.has("resource.write")).toBe(true);
      expect(access?.permissions.has("member.write")).toBe(true);
    }
    expect(await resolveNodeAccess(admin.id, other.project.id)).toBeNull();
    expect(await resolveNodeAccess(admin.id, other.sub1.id)).toBeNull();
  });

  it("gives a member their bound project and, inherited, its subprojects — and no sibling project", async () => {
    const { account, project, sub1, sub2 } = await makeTree();
    const sibling = await createProject(cliActor, { accountId: account.id, displayName: "Sibling" }, unlimited);
    const dev = await makePerson(account.id, "member", { projectId: project.id, role: "developer" });
    for (const node of [project, sub1, sub2]) {
      const access = await resolveNodeAccess(dev.id, node.id);
      expect(access?.projectRole).toBe("developer");
      expect([...access!.permissions].sort()).toEqual(["audit.read", "key.read", "key.write", "member.read", "project.read", "resource.read", "resource.write", "usage.read"]);
    }
    expect(await resolveNodeAccess(dev.id, sibling.id)).toBeNull();
  });

  it("a viewer reads but cannot write", async () => {
    const { account, sub1, project } = await makeTree();
    const viewer = await makePerson(account.id, "member", { projectId: project.id, role: "viewer" });
    const access = await resolveNodeAccess(viewer.id, sub1.id);
    expect(access?.permissions.has("resource.read")).toBe(true);
    expect(access?.permissions.has("resource.write")).toBe(false);
    expect(access?.permissions.has("subproject.update")).toBe(false);
    expect(access?.permissions.has("key.write")).toBe(false);
  });

  it("user managers handle people only, billing viewers costs only", async () => {
    const { account, sub1 } = await makeTree();
    const um = await makePerson(account.id, "user_manager");
    const bv = await makePerson(account.id, "billing_viewer");
    const umAccess = await resolveNodeAccess(um.id, sub1.id);
    expect(umAccess?.permissions.has("member.write")).toBe(true);
    expect(umAccess?.permissions.has("resource.read")).toBe(false);
    const bvAccess = await resolveNodeAccess(bv.id, sub1.id);
    expect([...bvAccess!.permissions].sort()).toEqual(["project.read", "usage.read"]);
    expect((await resolveAccountAccess(um.id, account.id))?.permissions.has("account.members.write")).toBe(true);
    expect((await resolveAccountAccess(bv.id, account.id))?.permissions.has("account.members.write")).toBe(false);
  });

  it("a member with no binding sees nothing; a non-member sees nothing", async () => {
    const { account, project, sub1 } = await makeTree();
    const member = await makePerson(account.id, "member");
    const stranger = await makePerson(account.id, null);
    for (const who of [member, stranger]) {
      expect(await resolveNodeAccess(who.id, project.id)).toBeNull();
      expect(await resolveNodeAccess(who.id, sub1.id)).toBeNull();
    }
  });

  it("revoking the binding removes access to the project and all its subprojects at once", async () => {
    const { account, project, sub1, sub2 } = await makeTree();
    const dev = await makePerson(account.id, "member", { projectId: project.id, role: "developer" });
    expect(await resolveNodeAccess(dev.id, sub2.id)).not.toBeNull();
    await revokeProjectRole(cliActor, { projectId: project.id, userId: dev.id });
    for (const node of [project, sub1, sub2]) expect(await resolveNodeAccess(dev.id, node.id)).toBeNull();
  });

  it("removing someone from the account removes their project bindings too", async () => {
    const { account, project } = await makeTree();
    const dev = await makePerson(account.id, "member", { projectId: project.id, role: "project_admin" });
    await removeAccountMember(cliActor, { accountId: account.id, userId: dev.id });
    expect(await resolveNodeAccess(dev.id, project.id)).toBeNull();
    // Re-adding them to the account does not resurrect the old binding.
    await grantProjectRole(cliActor, { projectId: project.id, email: dev.email, role: "viewer" });
    expect((await resolveNodeAccess(dev.id, project.id))?.projectRole).toBe("viewer");
  });

  it("refuses to bind a person to a subproject through the domain verb", async () => {
    const { account, sub1 } = await makeTree();
    const person = await makePerson(account.id, "member");
    await expect(grantProjectRole(cliActor, { projectId: sub1.id, email: person.email, role: "viewer" })).rejects.toMatchObject({ code: "FAILED_PRECONDITION", message: expect.stringMatching(/subprojects inherit/) });
  });

  it("treats malformed IDs as not found without querying", async () => {
    const { account } = await makeTree();
    const admin = await makePerson(account.id, "admin");
    for (const id of ["", "../etc/passwd", "' or 1=1 --", "A".repeat(32)]) expect(await resolveNodeAccess(admin.id, id)).toBeNull();
  });
});
