import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts, type Account } from "@/db/schema";
import { createAccountInput } from "@/lib/schemas/people";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { DomainError } from "./errors";
import { parseInput } from "./validate";

/** Creates an account (tenant). Enterprise accounts have no portal creation limits. */
export async function createAccount(actor: Actor, input: unknown): Promise<Account> {
  const { name, plan, currency } = parseInput(createAccountInput, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [account] = await tx.insert(accounts).values({ name, plan, currency }).returning();
    await recordAudit(tx, actor, {
      accountId: account!.id,
      action: "account.created",
      targetType: "account",
      targetId: account!.id,
      after: { name, plan, currency },
    });
    return account!;
  });
}

export async function getAccount(accountId: string): Promise<Account> {
  const db = await getDb();
  const [account] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!account) throw new DomainError("NOT_FOUND", `Account ${accountId} not found`);
  return account;
}
