import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { insertApp, numberRow, pickAvailable } from "@/scripts/test-support/numbers";
import { makeTree } from "@/scripts/test-support/fixtures";
import { cliActor } from "./actor";
import { moveNumber } from "./number-moves";
import { rentNumber } from "./number-rentals";

// This file keeps to the DE inventory so parallel test files do not race for the same numbers.
async function rentedIn(projectId: string) {
  const plan = await insertApp(projectId, "sms_service_plan");
  const voice = await insertApp(projectId, "voice");
  const number = await pickAvailable("DE", "MOBILE", "SMS");
  const row = await numberRow(number);
  await rentNumber(cliActor, projectId, number, {
    smsConfiguration: { servicePlanId: plan },
    ...(row.capabilities.includes("VOICE") ? { voiceConfiguration: { type: "RTC", appId: voice } } : {}),
  });
  return { number, plan, voice };
}

describe("moveNumber", () => {
  it("moves between sibling subprojects atomically, clearing settings whose apps the target lacks, with an audit row", async () => {
    const { project, sub1, sub2 } = await makeTree();
    const { number } = await rentedIn(sub1.id);
    const moved = await moveNumber(cliActor, sub1.id, number, sub2.id);
    expect(moved.projectId).toBe(sub2.id);
    const row = await numberRow(number);
    expect(row).toMatchObject({ projectId: sub2.id, smsServicePlanId: null, smsCampaignId: null, voiceAppId: null, voiceType: null });
    const db = await getDb();
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.targetId, number), eq(auditEvents.action, "number.moved")));
    expect(audit).toMatchObject({ projectId: project.id, subprojectId: sub2.id, before: expect.objectContaining({ projectId: sub1.id }), after: expect.objectContaining({ projectId: sub2.id }) });
  });

  it("moves up to the parent project and back down", async () => {
    const { project, sub1 } = await makeTree();
    const { number } = await rentedIn(sub1.id);
    expect((await moveNumber(cliActor, sub1.id, number, project.id)).projectId).toBe(project.id);
    expect((await moveNumber(cliActor, project.id, number, sub1.id)).projectId).toBe(sub1.id);
  });

  it("refuses moves outside the family, to itself, of a number the source does not hold, and into a missing node", async () => {
    const mine = await makeTree();
    const theirs = await makeTree();
    const { number } = await rentedIn(mine.sub1.id);
    await expect(moveNumber(cliActor, mine.sub1.id, number, theirs.sub1.id)).rejects.toMatchObject({ code: "FAILED_PRECONDITION" });
    await expect(moveNumber(cliActor, mine.sub1.id, number, mine.sub1.id)).rejects.toMatchObject({ code: "FAILED_PRECONDITION" });
    await expect(moveNumber(cliActor, mine.sub2.id, number, mine.sub1.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(moveNumber(cliActor, mine.sub1.id, number, "0".repeat(32))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await numberRow(number)).projectId).toBe(mine.sub1.id);
  });

  it("two concurrent moves of one number: exactly one wins", async () => {
    const { project, sub1, sub2 } = await makeTree();
    const { number } = await rentedIn(sub1.id);
    const results = await Promise.allSettled([moveNumber(cliActor, sub1.id, number, sub2.id), moveNumber(cliActor, sub1.id, number, project.id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const winner = (results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ projectId: string }>).value.projectId;
    expect((await numberRow(number)).projectId).toBe(winner);
  });
});
