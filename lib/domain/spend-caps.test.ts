import { and, asc, eq, inArray, like, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { auditEvents, projects, usageEvents, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { makeTree } from "@/scripts/test-support/fixtures";
import { cliActor } from "./actor";
import { addMonths, dayOf } from "./cost-range";
import { DomainError } from "./errors";
import { getNode } from "./projects";
import { getSpendCap, resumeSpendCappedForNewMonth, setSpendCap, SPEND_CAP_REASON } from "./spend-caps";
import { suspendSubproject } from "./subproject-lifecycle";
import { recordUsage, recordUsageEvent, unitPriceMinor, usagePlacement } from "./usage";

type Tree = Awaited<ReturnType<typeof makeTree>>;

async function spend(tree: Tree, amountMinor: number, occurredAt?: Date) {
  const db = await getDb();
  return db.transaction((tx) => recordUsage(tx, { accountId: tree.account.id, currency: tree.account.currency, ...usagePlacement(tree.sub1), product: "sms", quantity: 1, unitPriceMinor: amountMinor, occurredAt }));
}

async function capEvents(subprojectId: string) {
  const db = await getDb();
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.targetId, subprojectId), like(auditEvents.action, "spend.%")))
    .orderBy(asc(auditEvents.id));
}

async function actions(subprojectId: string) {
  const db = await getDb();
  const rows = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.targetId, subprojectId)).orderBy(asc(auditEvents.id));
  return rows.map((r) => r.action).filter((a) => a.startsWith("spend.") || a.startsWith("subproject.suspended") || a.startsWith("subproject.resumed"));
}

const suspended = async (id: string) => (await getNode(id))!;

describe("spend caps", () => {
  it("warns once at exactly 80 %, suspends once at exactly 100 %, with audit rows and webhooks", async () => {
    const tree = await makeTree("Cap edges");
    const db = await getDb();
    await db.insert(webhookEndpoints).values({ projectId: tree.project.id, url: "https://hooks.example.test/costs", secret: "s" });
    await setSpendCap(cliActor, tree.sub1.id, { monthlyCapMinor: 1000 });
    await spend(tree, 799);
    expect(await capEvents(tree.sub1.id)).toEqual([]);
    await spend(tree, 1);
    expect((await capEvents(tree.sub1.id)).map((e) => [e.action, (e.after as { monthToDateMinor: number }).monthToDateMinor])).toEqual([["spend.warning", 800]]);
    await spend(tree, 199);
    expect((await suspended(tree.sub1.id)).suspended).toBe(false);
    const crossing = await spend(tree, 1);
    const node = await suspended(tree.sub1.id);
    expect(node).toMatchObject({ suspended: true, suspendedReason: SPEND_CAP_REASON });
    const events = await capEvents(tree.sub1.id);
    expect(events.map((e) => e.action)).toEqual(["spend.warning", "spend.capReached"]);
    expect(events[1]!.after).toMatchObject({ monthToDateMinor: 1000, monthlyCapMinor: 1000, usageEventId: crossing.usageEventId, suspended: true, currency: tree.account.currency });
    // Further spend in the month triggers nothing more.
    await spend(tree, 500);
    expect((await capEvents(tree.sub1.id)).length).toBe(2);
    const deliveries = await db.select({ type: webhookDeliveries.eventType }).from(webhookDeliveries).innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId)).where(eq(webhookEndpoints.projectId, tree.project.id));
    expect(deliveries.map((d) => d.type).filter((t) => t.startsWith("spend."))).toEqual(["spend.warning", "spend.capReached"]);
    expect(await getSpendCap(tree.sub1.id)).toMatchObject({ monthlyCapMinor: 1000, monthToDateMinor: 1500, warned: true, capped: true, suspendedByCap: true });
  });

  it("under concurrent writes, exactly one warning and one cap event, triggered by the crossing event", async () => {
    const tree = await makeTree("Cap race");
    await setSpendCap(cliActor, tree.sub1.id, { monthlyCapMinor: 1000 });
    const results = await Promise.all(Array.from({ length: 40 }, () => spend(tree, 50)));
    expect(results).toHaveLength(40);
    const events = await capEvents(tree.sub1.id);
    expect(events.map((e) => e.action)).toEqual(["spend.warning", "spend.capReached"]);
    const [warning, cap] = events.map((e) => e.after as { monthToDateMinor: number; usageEventId: number });
    expect(warning!.monthToDateMinor).toBe(800);
    expect(cap!.monthToDateMinor).toBe(1000);
    // The ledger in commit order: the cap event's row is the one that brought the total to the cap.
    const db = await getDb();
    const ledger = await db.select({ id: usageEvents.id, amount: usageEvents.amountMinor }).from(usageEvents).where(eq(usageEvents.projectId, tree.sub1.id)).orderBy(asc(usageEvents.id));
    const upTo = (id: number) => ledger.filter((r) => r.id <= id).reduce((s, r) => s + r.amount, 0);
    expect(upTo(cap!.usageEventId)).toBe(1000);
    expect(upTo(warning!.usageEventId)).toBe(800);
    expect(ledger.reduce((s, r) => s + r.amount, 0)).toBe(2000);
    expect((await suspended(tree.sub1.id)).suspendedReason).toBe(SPEND_CAP_REASON);
  });

  it("once the cap suspends a subproject, the metered events after the crossing one are refused", async () => {
    const tree = await makeTree("Cap refuse");
    const price = unitPriceMinor("sms", tree.account.currency);
    await setSpendCap(cliActor, tree.sub1.id, { monthlyCapMinor: 10 * price });
    const results = await Promise.allSettled(Array.from({ length: 30 }, () => recordUsageEvent({ projectId: tree.sub1.id, product: "sms", quantity: 1 })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    for (const r of results.filter((r) => r.status === "rejected")) expect(((r as PromiseRejectedResult).reason as DomainError).code).toBe("FAILED_PRECONDITION");
    expect((await getSpendCap(tree.sub1.id)).monthToDateMinor).toBe(10 * price);
    expect((await capEvents(tree.sub1.id)).map((e) => e.action)).toEqual(["spend.warning", "spend.capReached"]);
  });

  it("raising the cap above the spend resumes in the same change and re-arms the thresholds; not above it, nothing", async () => {
    const tree = await makeTree("Cap raise");
    await setSpendCap(cliActor, tree.sub1.id, { monthlyCapMinor: 1000 });
    await spend(tree, 1200);
    expect((await suspended(tree.sub1.id)).suspended).toBe(true);
    // Raised, but to the spend exactly: still at 100 %, still suspended, no second cap event.
    await setSpendCap(cliActor, tree.sub1.id, { monthlyCapMinor: 1200 });
    expect((await suspended(tree.sub1.id)).suspended).toBe(true);
    expect((await capEvents(tree.sub1.id)).map((e) => e.action)).toEqual(["spend.warning", "spend.capReached"]);
    const view = await setSpendCap(cliActor, tree.sub1.id, { monthlyCapMinor: 2000 });
    expect(view).toMatchObject({ monthlyCapMinor: 2000, monthToDateMinor: 1200, suspendedByCap: false, warned: false, capped: false });
    expect((await suspended(tree.sub1.id)).suspended).toBe(false);
    await spend(tree, 400); // 1600 = 80 % of 2000
    await spend(tree, 400); // 2000 = 100 %
    expect(await actions(tree.sub1.id)).toEqual(["spend.warning", "subproject.suspended", "spend.capReached", "subproject.resumed", "spend.warning", "subproject.suspended", "spend.capReached"]);
    // Removing the cap lifts the suspension too.
    expect(await setSpendCap(cliActor, tree.sub1.id, { monthlyCapMinor: null })).toMatchObject({ monthlyCapMinor: null, suspendedByCap: false });
    expect((await suspended(tree.sub1.id)).suspended).toBe(false);
  });

  it("lowering the cap under the spend warns and suspends at once; a manual suspension is never lifted by the cap", async () => {
    const tree = await makeTree("Cap lower");
    await spend(tree, 900);
    await setSpendCap(cliActor, tree.sub1.id, { monthlyCapMinor: 500 });
    expect((await capEvents(tree.sub1.id)).map((e) => e.action)).toEqual(["spend.warning", "spend.capReached"]);
    expect((await suspended(tree.sub1.id)).suspendedReason).toBe(SPEND_CAP_REASON);

    await suspendSubproject(cliActor, tree.sub2.id, "unpaid invoice");
    const db = await getDb();
    await db.transaction((tx) => recordUsage(tx, { accountId: tree.account.id, currency: tree.account.currency, ...usagePlacement(tree.sub2), product: "sms", quantity: 1, unitPriceMinor: 100 }));
    await setSpendCap(cliActor, tree.sub2.id, { monthlyCapMinor: 50 });
    await setSpendCap(cliActor, tree.sub2.id, { monthlyCapMinor: 5000 });
    expect((await suspended(tree.sub2.id)).suspendedReason).toBe("unpaid invoice");
  });

  it("resumes capped subprojects when the month rolls over, not before; back-dated usage never trips a cap", async () => {
    const tree = await makeTree("Cap month");
    await setSpendCap(cliActor, tree.sub1.id, { monthlyCapMinor: 100 });
    await spend(tree, 70, new Date(Date.now() - 40 * 86_400_000)); // last month or earlier
    expect(await capEvents(tree.sub1.id)).toEqual([]);
    await spend(tree, 100);
    expect((await suspended(tree.sub1.id)).suspended).toBe(true);

    const sameMonth = await resumeSpendCappedForNewMonth(new Date());
    expect(sameMonth.resumed).not.toContain(tree.sub1.id);
    expect((await suspended(tree.sub1.id)).suspended).toBe(true);

    const nextMonth = new Date(`${addMonths(dayOf(new Date()), 1)}T00:05:00Z`);
    const rolled = await resumeSpendCappedForNewMonth(nextMonth);
    expect(rolled.resumed).toContain(tree.sub1.id);
    expect((await suspended(tree.sub1.id)).suspended).toBe(false);
    expect((await resumeSpendCappedForNewMonth(nextMonth)).resumed).not.toContain(tree.sub1.id);
  });

  it("caps only subprojects, only with a positive amount", async () => {
    const tree = await makeTree("Cap input");
    const error = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as DomainError);
    expect((await error(setSpendCap(cliActor, tree.project.id, { monthlyCapMinor: 100 })))?.code).toBe("NOT_FOUND");
    expect((await error(setSpendCap(cliActor, tree.sub1.id, { monthlyCapMinor: 0 })))?.code).toBe("INVALID_ARGUMENT");
    expect((await error(setSpendCap(cliActor, tree.sub1.id, { monthlyCapMinor: 1.5 })))?.code).toBe("INVALID_ARGUMENT");
    expect((await error(setSpendCap(cliActor, tree.sub1.id, {})))?.code).toBe("INVALID_ARGUMENT");
    const db = await getDb();
    const states = await db.select({ id: projects.id, s: projects.suspendedAt }).from(projects).where(inArray(projects.id, [tree.sub1.id, tree.sub2.id]));
    expect(states.every((r) => r.s === null)).toBe(true);
    expect(rowsOf(await db.execute(sql`select 1 from spend_caps where project_id = ${tree.sub1.id}`))).toHaveLength(0);
  });
});
