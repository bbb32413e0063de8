import { and, eq, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { accountMemberships, accounts, projectMembers, users, type AccountRole } from "@/db/schema";
import { removeAccountMemberInput, setAccountRoleInput } from "@/lib/schemas/members";
import { addMemberInput } from "@/lib/schemas/people";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { DomainError } from "./errors";
import { parseInput } from "./validate";

export interface MembershipChange {
  accountId: string;
  userId: string;
  email: string;
  role: string;
  previousRole: string | null;
}

/** Grants (or changes) a person's account role; with `newUser`, creates the person first in the same transaction. */
export async function addAccountMember(actor: Actor, input: unknown): Promise<MembershipChange> {
  const { accountId, email, role, newUser } = parseInput(addMemberInput, input);
  const passwordHash = newUser ? await hashPassword(newUser.password) : null;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [account] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId));
    if (!account) throw new DomainError("NOT_FOUND", `Account ${accountId} not found`);
    let [user] = await tx.select({ id: users.id, email: users.email }).from(users).where(sql`lower(${users.email}) = ${email}`);
    if (!user && newUser && passwordHash) {
      [user] = await tx.insert(users).values({ email, name: newUser.name, passwordHash }).returning({ id: users.id, email: users.email });
    }
    if (!user) throw new DomainError("NOT_FOUND", `No user with email ${email}. Give a name and an initial password to create them.`);
    const [existing] = await tx
      .select({ role: accountMemberships.role })
      .from(accountMemberships)
      .where(and(eq(accountMemberships.accountId, accountId), eq(accountMemberships.userId, user.id)))
      .for("update");
    await tx
      .insert(accountMemberships)
      .values({ accountId, userId: user.id, role })
      .onConflictDoUpdate({ target: [accountMemberships.accountId, accountMemberships.userId], set: { role } });
    await recordAudit(tx, actor, {
      accountId,
      action: existing ? "member.role_changed" : "member.added",
      targetType: "user",
      targetId: user.id,
      before: existing ? { role: existing.role } : null,
      after: { email: user.email, role },
    });
    return { accountId, userId: user.id, email: user.email, role, previousRole: existing?.role ?? null };
  });
}

export interface UserAccount {
  accountId: string;
  name: string;
  plan: string;
  role: string;
}

/** The accounts a person belongs to, with their role on each. */
export async function listAccountsOfUser(userId: string): Promise<UserAccount[]> {
  const db = await getDb();
  return db
    .select({ accountId: accounts.id, name: accounts.name, plan: accounts.plan, role: accountMemberships.role })
    .from(accountMemberships)
    .innerJoin(accounts, eq(accounts.id, accountMemberships.accountId))
    .where(eq(accountMemberships.userId, userId))
    .orderBy(accounts.name);
}

export interface AccountMemberView {
  userId: string;
  email: string;
  name: string;
  role: AccountRole;
  projectCount: number;
}

/** People on an account with their role and how many projects they are bound to. */
export async function listAccountMembers(accountId: string): Promise<AccountMemberView[]> {
  const db = await getDb();
  const rows = await db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      role: accountMemberships.role,
      projectCount: sql<number>`(select count(*)::int from project_members pm join projects p on p.id = pm.project_id where pm.user_id = "users"."id" and p.account_id = ${accountId})`,
    })
    .from(accountMemberships)
    .innerJoin(users, eq(users.id, accountMemberships.userId))
    .where(eq(accountMemberships.accountId, accountId))
    .orderBy(users.name, users.email);
  return rows;
}

/** A person's current role on an account, or null. */
export async function getAccountRole(accountId: string, userId: string): Promise<AccountRole | null> {
  if (!/^[0-9a-f-]{36}$/.test(userId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ role: accountMemberships.role })
    .from(accountMemberships)
    .where(and(eq(accountMemberships.accountId, accountId), eq(accountMemberships.userId, userId)));
  return row?.role ?? null;
}

/** Changes the account role of someone already in the account. */
export async function setAccountRole(actor: Actor, input: unknown): Promise<void> {
  const { accountId, userId, role } = parseInput(setAccountRoleInput, input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ role: accountMemberships.role })
      .from(accountMemberships)
      .where(and(eq(accountMemberships.accountId, accountId), eq(accountMemberships.userId, userId)))
      .for("update");
    if (!before) throw new DomainError("NOT_FOUND", "That person is not in this account");
    await assertAdminRemains(tx, accountId, userId, role);
    await tx.update(accountMemberships).set({ role }).where(and(eq(accountMemberships.accountId, accountId), eq(accountMemberships.userId, userId)));
    await recordAudit(tx, actor, { accountId, action: "member.role_changed", targetType: "user", targetId: userId, before, after: { role } });
  });
}

/** Removes a person from the account and from every project of it, in one transaction. */
export async function removeAccountMember(actor: Actor, input: unknown): Promise<void> {
  const { accountId, userId } = parseInput(removeAccountMemberInput, input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await assertAdminRemains(tx, accountId, userId, null);
    const [removed] = await tx
      .delete(accountMemberships)
      .where(and(eq(accountMemberships.accountId, accountId), eq(accountMemberships.userId, userId)))
      .returning({ role: accountMemberships.role });
    if (!removed) throw new DomainError("NOT_FOUND", "That person is not in this account");
    const bindings = await tx
      .delete(projectMembers)
      .where(and(eq(projectMembers.userId, userId), sql`${projectMembers.projectId} in (select id from projects where account_id = ${accountId})`))
      .returning({ projectId: projectMembers.projectId, role: projectMembers.role });
    await recordAudit(tx, actor, { accountId, action: "member.removed", targetType: "user", targetId: userId, before: { role: removed.role, projects: bindings } });
  });
}

/** An account must keep at least one administrator, or nobody could manage it from the portal. */
async function assertAdminRemains(tx: Transaction, accountId: string, userId: string, newRole: AccountRole | null) {
  if (newRole === "admin") return;
  const admins = await tx
    .select({ userId: accountMemberships.userId })
    .from(accountMemberships)
    .where(and(eq(accountMemberships.accountId, accountId), eq(accountMemberships.role, "admin")))
    .for("update");
  if (admins.length === 1 && admins[0]!.userId === userId) {
    throw new DomainError("FAILED_PRECONDITION", "This is the account's last administrator. Make someone else an administrator first.");
  }
}
