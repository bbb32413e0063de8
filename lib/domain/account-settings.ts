import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts, type Account } from "@/db/schema";
import { accountSettingsInput } from "@/lib/schemas/members";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { DomainError } from "./errors";
import { parseInput } from "./validate";

/** Changes plan, self-service limits and the portal-deletion switch of an account. */
export async function updateAccountSettings(actor: Actor, input: unknown): Promise<Account> {
  const { accountId, ...changes } = parseInput(accountSettingsInput, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(accounts).where(eq(accounts.id, accountId)).for("update");
    if (!before) throw new DomainError("NOT_FOUND", `Account ${accountId} not found`);
    const [after] = await tx.update(accounts).set({ ...changes, updatedAt: new Date() }).where(eq(accounts.id, accountId)).returning();
    const pick = (a: Account) => ({ plan: a.plan, projectLimit: a.projectLimit, subprojectLimit: a.subprojectLimit, portalSubprojectDeletion: a.portalSubprojectDeletion });
    await recordAudit(tx, actor, { accountId, action: "account.settings_changed", targetType: "account", targetId: accountId, before: pick(before), after: pick(after!) });
    return after!;
  });
}
