import { describe, expect, it } from "vitest";
import { makePerson, makeTree } from "@/scripts/test-support/fixtures";
import { cliActor } from "./actor";
import { removeAccountMember, setAccountRole } from "./memberships";
import { listPeopleWithAccess } from "./project-members";

describe("listPeopleWithAccess", () => {
  it("lists account-wide roles and the parent project's bindings for a subproject, and nobody else", async () => {
    const { account, project, sub1 } = await makeTree();
    const admin = await makePerson(account.id, "admin");
    const billing = await makePerson(account.id, "billing_viewer");
    const dev = await makePerson(account.id, "member", { projectId: project.id, role: "developer" });
    const unbound = await makePerson(account.id, "member");
    const people = await listPeopleWithAccess(sub1);
    const byEmail = Object.fromEntries(people.map((p) => [p.email, `${p.source}:${p.role}`]));
    expect(byEmail).toEqual({ [admin.email]: "account:admin", [billing.email]: "account:billing_viewer", [dev.email]: "project:developer" });
    expect(byEmail[unbound.email]).toBeUndefined();
  });
});

describe("account membership guards", () => {
  it("never leaves an account without an administrator", async () => {
    const { account } = await makeTree();
    const admin = await makePerson(account.id, "admin");
    await expect(setAccountRole(cliActor, { accountId: account.id, userId: admin.id, role: "member" })).rejects.toMatchObject({ code: "FAILED_PRECONDITION" });
    await expect(removeAccountMember(cliActor, { accountId: account.id, userId: admin.id })).rejects.toMatchObject({ code: "FAILED_PRECONDITION" });
    const second = await makePerson(account.id, "admin");
    await setAccountRole(cliActor, { accountId: account.id, userId: admin.id, role: "member" });
    await expect(removeAccountMember(cliActor, { accountId: account.id, userId: second.id })).rejects.toMatchObject({ code: "FAILED_PRECONDITION" });
  });
});
