import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { cliActor } from "@/lib/domain/actor";
import { setSpendCap } from "@/lib/domain/spend-caps";
import { suspendSubproject } from "@/lib/domain/subproject-lifecycle";
import { makeTree } from "@/scripts/test-support/fixtures";
import { rollupDiscrepancies } from "@/scripts/test-support/usage";
import { simulateTraffic } from "./simulate";
import { prng } from "@/lib/prng";
import { customerProfiles, dayOfTraffic, meanForRows, WEEKDAY_FACTOR } from "./traffic";

const nodes = Array.from({ length: 2000 }, (_, i) => ({ id: `N${i}`, topProjectId: `T${i % 3}` }));

describe("traffic model", () => {
  it("spreads customer volumes log-normally around the mean, with a product mix each", () => {
    const profiles = customerProfiles(nodes, 10, prng(7));
    const volumes = profiles.map((p) => p.dailyEvents).sort((a, b) => a - b);
    const mean = volumes.reduce((a, b) => a + b, 0) / volumes.length;
    expect(mean).toBeGreaterThan(7);
    expect(mean).toBeLessThan(13);
    expect(volumes[volumes.length - 1]! / volumes[Math.floor(volumes.length / 2)]!).toBeGreaterThan(20);
    for (const p of profiles.slice(0, 50)) expect(p.mix.sms + p.mix.voice + p.mix.verification).toBeCloseTo(1, 9);
    expect(profiles.some((p) => p.mix.voice === 0)).toBe(true);
  });

  it("sends more on weekdays than at weekends, in time order, never after `until`, deterministically", () => {
    const profiles = customerProfiles(nodes, 5, prng(1));
    const volume = (day: string) => dayOfTraffic(profiles, day, 0, 1, "EUR", new Date("2100-01-01"), prng(2)).length;
    // 2025-03-05 is a Wednesday, 2025-03-09 a Sunday.
    expect(volume("2025-03-05") / volume("2025-03-09")).toBeGreaterThan((WEEKDAY_FACTOR[3]! / WEEKDAY_FACTOR[0]!) * 0.8);
    const until = new Date("2025-03-05T12:00:00Z");
    const rows = dayOfTraffic(profiles, "2025-03-05", 0, 1, "EUR", until, prng(3));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.occurredAt <= until && r.occurredAt >= new Date("2025-03-05T00:00:00Z"))).toBe(true);
    expect(rows.map((r) => r.occurredAt.getTime())).toEqual([...rows.map((r) => r.occurredAt.getTime())].sort((a, b) => a - b));
    expect(dayOfTraffic(profiles, "2025-03-05", 0, 1, "EUR", until, prng(3))).toEqual(rows);
    expect(meanForRows(1_000_000, 1000, 10)).toBeCloseTo(100 / (WEEKDAY_FACTOR.reduce((a, b) => a + b) / 7), 6);
  });
});

describe("simulateTraffic", () => {
  it("writes usage for live subprojects only, keeps rollups in step with the ledger, and applies caps", async () => {
    const tree = await makeTree("Simulated");
    const suspended = await makeTree("Simulated");
    await suspendSubproject(cliActor, suspended.sub1.id);
    await setSpendCap(cliActor, tree.sub2.id, { monthlyCapMinor: 1 });
    const result = await simulateTraffic({ days: 10, accountId: tree.account.id, meanDailyEvents: 20, seed: 5 });
    expect(result.customers).toBe(2);
    expect(result.rows).toBeGreaterThan(50);
    expect(await rollupDiscrepancies(tree.account.id)).toEqual([]);
    const db = await getDb();
    const perNode = rowsOf<{ project_id: string; n: string }>(await db.execute(sql`select project_id, count(*) as n from usage_events where account_id = ${tree.account.id} group by 1`));
    expect(perNode.map((r) => r.project_id).sort()).toEqual([tree.sub1.id, tree.sub2.id].sort());
    expect(perNode.reduce((s, r) => s + Number(r.n), 0)).toBe(result.rows);
    // Other accounts untouched.
    expect(rowsOf(await db.execute(sql`select 1 from usage_events where account_id = ${suspended.account.id}`))).toHaveLength(0);
    // The bulk writes bypass recordUsage, so the caps are checked afterwards (if today has traffic).
    const today = rowsOf(await db.execute(sql`select 1 from usage_monthly_rollups where project_id = ${tree.sub2.id} and month = date_trunc('month', now() at time zone 'UTC')::date and amount_minor >= 1`));
    const capEvents = await db.select().from(auditEvents).where(eq(auditEvents.targetId, tree.sub2.id));
    expect(capEvents.some((e) => e.action === "spend.capReached")).toBe(today.length > 0);
  });
});
