import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { usageDailyRollups, usageEvents, usageMonthlyRollups } from "@/db/schema";
import { makeTree } from "@/scripts/test-support/fixtures";
import { rollupDiscrepancies } from "@/scripts/test-support/usage";
import { cliActor } from "./actor";
import { createAccount } from "./accounts";
import { DomainError } from "./errors";
import { createProject, createSubproject } from "./projects";
import { deleteSubproject, suspendSubproject } from "./subproject-lifecycle";
import { recordUsage, recordUsageEvent, unitPriceMinor, usagePlacement } from "./usage";
import { rebuildRollups } from "./usage-rollups";

const at = (iso: string) => new Date(iso);

async function record(entry: Parameters<typeof recordUsage>[1]) {
  const db = await getDb();
  return db.transaction((tx) => recordUsage(tx, entry));
}

describe("usage ledger and rollups", () => {
  it("every recorded row lands in the daily, monthly and per-project rollups, corrections included", async () => {
    const { account, project, sub1, sub2 } = await makeTree("Ledger");
    const base = { accountId: account.id, currency: account.currency };
    await record({ ...base, ...usagePlacement(sub1), product: "sms", quantity: 3, unitPriceMinor: 7, occurredAt: at("2025-03-31T23:59:59Z") });
    await record({ ...base, ...usagePlacement(sub1), product: "sms", quantity: 2, unitPriceMinor: 7, occurredAt: at("2025-03-31T00:00:00Z") });
    await record({ ...base, ...usagePlacement(sub1), product: "sms", quantity: 1, unitPriceMinor: 7, occurredAt: at("2025-04-01T00:00:00Z") });
    await record({ ...base, ...usagePlacement(sub2), product: "voice", quantity: 10, unitPriceMinor: 3, occurredAt: at("2025-03-31T12:00:00Z") });
    await record({ ...base, ...usagePlacement(project), product: "verification", quantity: 4, unitPriceMinor: 5, occurredAt: at("2025-03-15T12:00:00Z") });
    // A refund is a new, negative row; the earlier row stays as it was.
    await record({ ...base, ...usagePlacement(sub2), product: "voice", quantity: -4, unitPriceMinor: 3, occurredAt: at("2025-03-31T13:00:00Z"), reference: "refund: dropped call" });

    expect(await rollupDiscrepancies(account.id)).toEqual([]);
    const db = await getDb();
    const daily = await db.select().from(usageDailyRollups).where(eq(usageDailyRollups.projectId, sub1.id)).orderBy(usageDailyRollups.day);
    expect(daily.map((r) => [r.day, r.quantity, r.amountMinor, r.events])).toEqual([
      ["2025-03-31", 5, 35, 2],
      ["2025-04-01", 1, 7, 1],
    ]);
    const voice = await db.select().from(usageDailyRollups).where(eq(usageDailyRollups.projectId, sub2.id));
    expect(voice.map((r) => [r.quantity, r.amountMinor, r.events])).toEqual([[6, 18, 2]]);
    const monthly = await db.select().from(usageMonthlyRollups).where(eq(usageMonthlyRollups.topProjectId, project.id)).orderBy(usageMonthlyRollups.projectId, usageMonthlyRollups.month);
    expect(monthly.map((r) => [r.projectId, r.month, r.amountMinor])).toEqual(
      [
        [project.id, "2025-03-01", 20],
        [sub1.id, "2025-03-01", 35],
        [sub1.id, "2025-04-01", 7],
        [sub2.id, "2025-03-01", 18],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1]))),
    );
    const ledger = await db.select().from(usageEvents).where(eq(usageEvents.projectId, sub2.id));
    expect(ledger.map((r) => r.amountMinor).sort()).toEqual([-12, 30]);
  });

  it("recordUsageEvent charges the price list in the account's currency, on the right node", async () => {
    const gbp = await createAccount(cliActor, { name: "Pounds Ltd", plan: "enterprise", currency: "GBP" });
    const project = await createProject(cliActor, { accountId: gbp.id, displayName: "UK" }, { enforceSelfServiceLimits: false });
    const sub = await createSubproject(cliActor, { parentProjectId: project.id, displayName: "Customer" }, { enforceSelfServiceLimits: false });
    const recorded = await recordUsageEvent({ projectId: sub.id, product: "voice", quantity: 7 });
    expect(recorded.amountMinor).toBe(7 * unitPriceMinor("voice", "GBP"));
    expect(unitPriceMinor("voice", "GBP")).not.toBe(unitPriceMinor("voice", "EUR"));
    const db = await getDb();
    const [row] = await db.select().from(usageEvents).where(eq(usageEvents.id, recorded.usageEventId));
    expect(row).toMatchObject({ accountId: gbp.id, projectId: sub.id, topProjectId: project.id, product: "voice", quantity: 7, currency: "GBP" });
    expect(await rollupDiscrepancies(gbp.id)).toEqual([]);
  });

  it("recordUsageEvent refuses bad input, unknown and deleted nodes, and suspended ones", async () => {
    const { sub1, sub2 } = await makeTree("Refuse");
    const error = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as DomainError);
    expect((await error(recordUsageEvent({ projectId: sub1.id, product: "sms", quantity: 0 })))?.code).toBe("INVALID_ARGUMENT");
    expect((await error(recordUsageEvent({ projectId: sub1.id, product: "number_setup" as never, quantity: 1 })))?.code).toBe("INVALID_ARGUMENT");
    expect((await error(recordUsageEvent({ projectId: "0".repeat(32), product: "sms", quantity: 1 })))?.code).toBe("NOT_FOUND");
    await suspendSubproject(cliActor, sub1.id);
    expect((await error(recordUsageEvent({ projectId: sub1.id, product: "sms", quantity: 1 })))?.code).toBe("FAILED_PRECONDITION");
    await deleteSubproject(cliActor, sub2.id);
    expect((await error(recordUsageEvent({ projectId: sub2.id, product: "sms", quantity: 1 })))?.code).toBe("NOT_FOUND");
  });

  it("rebuildRollups repairs damaged rollups from the ledger and is idempotent", async () => {
    const { account, sub1, sub2 } = await makeTree("Rebuild");
    const base = { accountId: account.id, currency: account.currency };
    for (let i = 0; i < 5; i++) await record({ ...base, ...usagePlacement(i % 2 ? sub1 : sub2), product: "sms", quantity: i + 1, unitPriceMinor: 7, occurredAt: at(`2024-0${2 + (i % 2)}-1${i}T10:00:00Z`) });
    const db = await getDb();
    // Damage: a lost update, a stray row, and a deleted one.
    await db.execute(sql`update usage_daily_rollups set amount_minor = amount_minor + 1 where project_id = ${sub1.id}`);
    await db.execute(sql`delete from usage_monthly_rollups where project_id = ${sub2.id}`);
    await db.execute(sql`insert into usage_daily_project_rollups (account_id, top_project_id, product, day, quantity, amount_minor, events) values (${account.id}, ${sub1.parentId}, 'voice', '2024-02-20', 1, 99, 1)`);
    expect((await rollupDiscrepancies(account.id)).length).toBeGreaterThanOrEqual(3);

    const first = await rebuildRollups("2024-02-10", "2024-03-05", { accountId: account.id });
    expect(first.range).toEqual({ from: "2024-02-01", to: "2024-03-31" });
    expect(first.ledgerRows).toBe(5);
    expect(await rollupDiscrepancies(account.id)).toEqual([]);
    const snapshot = await db.execute(sql`select project_id, product, day, amount_minor from usage_daily_rollups where account_id = ${account.id} order by 1, 2, 3`);
    const second = await rebuildRollups("2024-02-10", "2024-03-05", { accountId: account.id });
    expect(second).toEqual(first);
    expect(await db.execute(sql`select project_id, product, day, amount_minor from usage_daily_rollups where account_id = ${account.id} order by 1, 2, 3`)).toEqual(snapshot);
  });
});
