import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accountMemberships, accounts, users } from "@/db/schema";
import { addMemberInput } from "@/lib/schemas/people";
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

/** Grants (or changes) a person's account role. */
export async function addAccountMember(actor: Actor, input: unknown): Promise<MembershipChange> {
  const { accountId, email, role } = parseInput(addMemberInput, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [account] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId));
    if (!account) throw new DomainError("NOT_FOUND", `Account ${accountId} not found`);
    const [user] = await tx.select({ id: users.id, email: users.email }).from(users).where(sql`lower(${users.email}) = ${email}`);
    if (!user) throw new DomainError("NOT_FOUND", `No user with email ${email}`);
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
