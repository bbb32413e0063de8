import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { createAccount } from "./accounts";
import { cliActor } from "./actor";
import { addAccountMember, listAccountsOfUser } from "./memberships";
import { createUser } from "./users";

describe("account memberships", () => {
  it("adds a member, changes the role, and audits both in the account", async () => {
    const account = await createAccount(cliActor, { name: "Members Inc", plan: "standard" });
    const email = `m-${randomUUID()}@example.test`;
    const user = await createUser(cliActor, { email, password: "password-123", name: "M" });

    const added = await addAccountMember(cliActor, { accountId: account.id, email: email.toUpperCase(), role: "member" });
    expect(added).toMatchObject({ userId: user.id, role: "member", previousRole: null });
    const changed = await addAccountMember(cliActor, { accountId: account.id, email, role: "admin" });
    expect(changed).toMatchObject({ role: "admin", previousRole: "member" });
    expect(await listAccountsOfUser(user.id)).toEqual([{ accountId: account.id, name: "Members Inc", plan: "standard", role: "admin" }]);

    const db = await getDb();
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.accountId, account.id)).orderBy(auditEvents.id);
    expect(audit.map((a) => a.action)).toEqual(["account.created", "member.added", "member.role_changed"]);
    expect(audit[2]).toMatchObject({ actorType: "system", actorLabel: "cli", before: { role: "member" }, after: { role: "admin" } });
  });

  it("rejects an unknown role, account or email", async () => {
    const account = await createAccount(cliActor, { name: "Roles", plan: "standard" });
    const email = `r-${randomUUID()}@example.test`;
    await createUser(cliActor, { email, password: "password-123", name: "R" });
    await expect(addAccountMember(cliActor, { accountId: account.id, email, role: "owner" })).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    await expect(addAccountMember(cliActor, { accountId: randomUUID(), email, role: "member" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(addAccountMember(cliActor, { accountId: account.id, email: `x-${email}`, role: "member" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
