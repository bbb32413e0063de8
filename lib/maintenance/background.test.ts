import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { accessKeys, phoneNumbers, projects } from "@/db/schema";
import { cliActor } from "@/lib/domain/actor";
import { rentNumber } from "@/lib/domain/number-rentals";
import { deleteSubproject } from "@/lib/domain/subproject-lifecycle";
import { makeKey } from "@/scripts/test-support/api";
import { makeTree } from "@/scripts/test-support/fixtures";
import { pickAvailable } from "@/scripts/test-support/numbers";
import { runMaintenance } from "./background";

describe("maintenance (the purge job)", () => {
  it("purges subprojects past their purge time, returns their numbers to inventory, and leaves the rest alone", async () => {
    const { sub1, sub2 } = await makeTree("Purge");
    const numberA = await pickAvailable("SE", "MOBILE");
    await rentNumber(cliActor, sub1.id, numberA);
    await makeKey(sub1.id);
    await deleteSubproject(cliActor, sub1.id);
    await deleteSubproject(cliActor, sub2.id); // deleted, but still within its 30 days
    const db = await getDb();
    await db.update(projects).set({ purgeAt: sql`now() - interval '1 minute'` }).where(eq(projects.id, sub1.id));

    const { purged, numbersReleased } = await runMaintenance();
    expect(purged).toContain(sub1.id);
    expect(purged).not.toContain(sub2.id);
    expect(numbersReleased).toBeGreaterThanOrEqual(1);
    expect(await db.select().from(projects).where(eq(projects.id, sub1.id))).toEqual([]);
    expect(await db.select().from(accessKeys).where(eq(accessKeys.projectId, sub1.id))).toEqual([]);
    const [number] = await db.select().from(phoneNumbers).where(eq(phoneNumbers.phoneNumber, numberA));
    expect(number).toMatchObject({ projectId: null, smsServicePlanId: null, displayName: null });
    expect((await db.select().from(projects).where(eq(projects.id, sub2.id)))[0]?.deletedAt).not.toBeNull();
    // Running it again finds nothing more to do.
    expect((await runMaintenance()).purged).not.toContain(sub1.id);
  });
});
