import { randomInt } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { apps, auditEvents, phoneNumbers } from "@/db/schema";
import { seedDemoApps } from "@/lib/seed/demo-apps";
import { makeTree } from "@/scripts/test-support/fixtures";
import type { Actor } from "./actor";
import { cliActor } from "./actor";
import { createApp, deleteApp, getApp, listApps, updateApp } from "./apps";
import { newAppId } from "./ids";
import { deleteSubproject } from "./subproject-lifecycle";

const ID_SHAPES = {
  sms_service_plan: /^[0-9a-f]{32}$/,
  conversation: /^[0-9A-HJKMNP-TV-Z]{26}$/,
  voice: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  verification: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
} as const;
const KINDS = Object.keys(ID_SHAPES) as (keyof typeof ID_SHAPES)[];

const uniqueNumber = () => `+1555${String(randomInt(10_000_000)).padStart(7, "0")}`;

/** A rented number configured with the given apps, inserted directly (the numbers verbs are not under test here). */
async function rentNumber(projectId: string, config: { smsAppId?: string; voiceAppId?: string }) {
  const db = await getDb();
  const number = uniqueNumber();
  await db.execute(sql`
    insert into phone_numbers (phone_number, region_code, type, capabilities, setup_price_minor, monthly_price_minor, project_id, rented_at,
                               sms_service_plan_id, sms_campaign_id, voice_app_id, voice_type)
    values (${number}, 'US', 'LOCAL', array['SMS','VOICE'], 100, 100, ${projectId}, now(),
            ${config.smsAppId ?? null}, ${config.smsAppId ? "CAMPAIGN1" : null}, ${config.voiceAppId ?? null}, ${config.voiceAppId ? "RTC" : null})`);
  return number;
}

async function numberConfig(number: string) {
  const db = await getDb();
  const [row] = await db.select().from(phoneNumbers).where(eq(phoneNumbers.phoneNumber, number));
  return { sms: row!.smsServicePlanId, campaign: row!.smsCampaignId, voiceApp: row!.voiceAppId, voiceType: row!.voiceType, projectId: row!.projectId };
}

async function auditFor(targetId: string) {
  const db = await getDb();
  return db.select().from(auditEvents).where(eq(auditEvents.targetId, targetId)).orderBy(auditEvents.id);
}

describe("app verbs", () => {
  it("creates, lists, updates and deletes every kind, with the ID shape of its kind, on both tiers", async () => {
    const { project, sub1 } = await makeTree();
    for (const node of [project, sub1]) {
      const created = [];
      for (const kind of KINDS) {
        const app = await createApp(cliActor, node.id, { kind, displayName: `My ${kind}`, region: "eu", callbackUrl: "https://hooks.example.com/in?x=1" });
        expect(app.appId).toMatch(ID_SHAPES[kind]);
        expect(app).toMatchObject({ projectId: node.id, kind, displayName: `My ${kind}`, region: "eu", callbackUrl: "https://hooks.example.com/in?x=1" });
        created.push(app);
      }
      // Grouped by kind in the documented order, then by name.
      expect((await listApps(node.id)).map((a) => a.kind)).toEqual(KINDS);
      expect((await listApps(node.id, { kind: "voice" })).map((a) => a.appId)).toEqual([created[2]!.appId]);
      expect((await listApps(node.id, { q: "MY CONV" })).map((a) => a.kind)).toEqual(["conversation"]);
      expect(await listApps(node.id, { q: "%" })).toEqual([]); // LIKE wildcards are literal
      await expect(listApps(node.id, { kind: "fax" })).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });

      for (const app of created) {
        const updated = await updateApp(cliActor, node.id, app.appId, { displayName: "Renamed", region: "br", callbackUrl: "" });
        expect(updated).toMatchObject({ appId: app.appId, kind: app.kind, displayName: "Renamed", region: "br", callbackUrl: null });
        expect(updated.updateTime.getTime()).toBeGreaterThan(app.updateTime.getTime());
        // A partial update leaves the other fields alone.
        expect(await updateApp(cliActor, node.id, app.appId, { callbackUrl: "http://10.0.0.1:8080/cb" })).toMatchObject({ displayName: "Renamed", region: "br", callbackUrl: "http://10.0.0.1:8080/cb" });
        expect(await getApp(node.id, app.appId)).toMatchObject({ displayName: "Renamed" });
        expect(await deleteApp(cliActor, node.id, app.appId)).toEqual({ detachedNumbers: [] });
        await expect(getApp(node.id, app.appId)).rejects.toMatchObject({ code: "NOT_FOUND" });
      }
      expect(await listApps(node.id)).toEqual([]);
    }
  });

  it("rejects bad input with INVALID_ARGUMENT naming the field", async () => {
    const { sub1 } = await makeTree();
    const good = { kind: "sms_service_plan", displayName: "Plan", region: "us" };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, displayName: "" }, "displayName"],
      [{ ...good, displayName: "   " }, "displayName"],
      [{ ...good, displayName: "x".repeat(256) }, "displayName"],
      [{ ...good, region: "mars" }, "region"],
      [{ ...good, region: undefined }, "region"],
      [{ ...good, kind: "fax" }, "kind"],
      [{ ...good, callbackUrl: "javascript:alert(1)" }, "callbackUrl"],
      [{ ...good, callbackUrl: "java\nscript://x.test/" }, "callbackUrl"],
      [{ ...good, callbackUrl: "data:text/html,<script>alert(1)</script>" }, "callbackUrl"],
      [{ ...good, callbackUrl: "ftp://files.example.com/cb" }, "callbackUrl"],
      [{ ...good, callbackUrl: "/relative/path" }, "callbackUrl"],
      [{ ...good, callbackUrl: "https:example.com" }, "callbackUrl"],
      [{ ...good, callbackUrl: "https://exa mple.com/" }, "callbackUrl"],
      [{ ...good, callbackUrl: `https://example.com/${"a".repeat(2030)}` }, "callbackUrl"],
      [{ ...good, callbackUrl: 42 }, "callbackUrl"],
    ];
    for (const [input, field] of cases) {
      const error = await createApp(cliActor, sub1.id, input).catch((e: unknown) => e);
      expect(error, JSON.stringify(input).slice(0, 80)).toMatchObject({ code: "INVALID_ARGUMENT", fieldViolations: expect.arrayContaining([expect.objectContaining({ field })]) });
    }
    // Exactly 255 characters and a 2048-character URL are fine.
    await createApp(cliActor, sub1.id, { ...good, displayName: "x".repeat(255), callbackUrl: `https://example.com/${"a".repeat(2048 - 20)}` });

    const app = await createApp(cliActor, sub1.id, good);
    for (const [input, field] of [
      [{ displayName: "" }, "displayName"],
      [{ region: "antarctica" }, "region"],
      [{ callbackUrl: "javascript:alert(1)" }, "callbackUrl"],
      [{ kind: "voice", displayName: "Now voice" }, "kind"],
      [{}, "(body)"],
    ] as const) {
      await expect(updateApp(cliActor, sub1.id, app.appId, input)).rejects.toMatchObject({ code: "INVALID_ARGUMENT", fieldViolations: expect.arrayContaining([expect.objectContaining({ field })]) });
    }
    expect(await getApp(sub1.id, app.appId)).toMatchObject({ kind: "sms_service_plan", displayName: "Plan", region: "us", callbackUrl: null });
  });

  it("deleting an app clears the configuration of numbers that use it, and only theirs", async () => {
    const { sub1, sub2 } = await makeTree();
    const plan = await createApp(cliActor, sub1.id, { kind: "sms_service_plan", displayName: "Plan", region: "us" });
    const voice = await createApp(cliActor, sub1.id, { kind: "voice", displayName: "Voice", region: "us" });
    const both = await rentNumber(sub1.id, { smsAppId: plan.appId, voiceAppId: voice.appId });
    const smsOnly = await rentNumber(sub1.id, { smsAppId: plan.appId });
    const otherPlan = await createApp(cliActor, sub2.id, { kind: "sms_service_plan", displayName: "Plan", region: "us" });
    const elsewhere = await rentNumber(sub2.id, { smsAppId: otherPlan.appId });

    expect(await deleteApp(cliActor, sub1.id, plan.appId)).toEqual({ detachedNumbers: [both, smsOnly].sort() });
    // SMS settings gone, voice settings untouched, the number stays rented by the subproject.
    expect(await numberConfig(both)).toEqual({ sms: null, campaign: null, voiceApp: voice.appId, voiceType: "RTC", projectId: sub1.id });
    expect(await numberConfig(smsOnly)).toMatchObject({ sms: null, campaign: null, projectId: sub1.id });
    expect(await numberConfig(elsewhere)).toMatchObject({ sms: otherPlan.appId, campaign: "CAMPAIGN1" });

    expect(await deleteApp(cliActor, sub1.id, voice.appId)).toEqual({ detachedNumbers: [both] });
    expect(await numberConfig(both)).toEqual({ sms: null, campaign: null, voiceApp: null, voiceType: null, projectId: sub1.id });
    const [, deleted] = await auditFor(plan.appId);
    expect(deleted).toMatchObject({ action: "app.deleted", before: { displayName: "Plan", detachedNumbers: [both, smsOnly].sort() }, after: null });
  });

  it("clears numbers in the same transaction as the deletion: a failure later in it leaves both in place", async () => {
    const { sub1 } = await makeTree();
    const plan = await createApp(cliActor, sub1.id, { kind: "sms_service_plan", displayName: "Plan", region: "us" });
    const number = await rentNumber(sub1.id, { smsAppId: plan.appId });
    // The audit insert (the last statement) fails on a missing actor label.
    const broken = { type: "system", label: null } as unknown as Actor;
    await expect(deleteApp(broken, sub1.id, plan.appId)).rejects.toThrow();
    expect(await numberConfig(number)).toMatchObject({ sms: plan.appId, campaign: "CAMPAIGN1" });
    expect(await getApp(sub1.id, plan.appId)).toMatchObject({ appId: plan.appId });
  });

  it("does not reach an app through another project, its parent or its sibling: NOT_FOUND, and the app is untouched", async () => {
    const { project, sub1, sub2 } = await makeTree();
    const other = await makeTree("Other");
    const app = await createApp(cliActor, sub1.id, { kind: "voice", displayName: "Mine", region: "eu" });
    for (const node of [project, sub2, other.project, other.sub1]) {
      await expect(getApp(node.id, app.appId)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(updateApp(cliActor, node.id, app.appId, { displayName: "Hijacked" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(deleteApp(cliActor, node.id, app.appId)).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await listApps(node.id)).toEqual([]);
    }
    // A made-up ID looks the same.
    await expect(getApp(sub1.id, newAppId("voice"))).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringMatching(/not found/) });
    expect(await getApp(sub1.id, app.appId)).toMatchObject({ displayName: "Mine" });
  });

  it("requires a live node: a missing one is NOT_FOUND, a deleted subproject refuses changes", async () => {
    const { sub1 } = await makeTree();
    const app = await createApp(cliActor, sub1.id, { kind: "voice", displayName: "Before", region: "eu" });
    await expect(createApp(cliActor, "0".repeat(32), { kind: "voice", displayName: "X", region: "eu" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await deleteSubproject(cliActor, sub1.id);
    for (const attempt of [
      () => createApp(cliActor, sub1.id, { kind: "voice", displayName: "X", region: "eu" }),
      () => updateApp(cliActor, sub1.id, app.appId, { displayName: "After" }),
      () => deleteApp(cliActor, sub1.id, app.appId),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: "FAILED_PRECONDITION", message: expect.stringMatching(/deleted/) });
    }
    // Still readable: a deleted subproject is restorable with its configuration.
    expect((await listApps(sub1.id)).map((a) => a.displayName)).toEqual(["Before"]);
  });

  it("caps each kind at 100 per node, also when creations race", async () => {
    const { sub1, sub2 } = await makeTree();
    const db = await getDb();
    const fill = (projectId: string, n: number) =>
      db.insert(apps).values(Array.from({ length: n }, (_, i) => ({ id: newAppId("sms_service_plan"), projectId, kind: "sms_service_plan" as const, displayName: `Filler ${i}`, region: "us" })));
    await fill(sub1.id, 100);
    await expect(createApp(cliActor, sub1.id, { kind: "sms_service_plan", displayName: "101st", region: "us" })).rejects.toMatchObject({
      code: "FAILED_PRECONDITION",
      message: expect.stringMatching(/at most 100 SMS service plans/),
    });
    // Other kinds have their own allowance.
    await createApp(cliActor, sub1.id, { kind: "conversation", displayName: "Chat", region: "us" });

    await fill(sub2.id, 97);
    const attempts = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => createApp(cliActor, sub2.id, { kind: "sms_service_plan", displayName: `Race ${i}`, region: "us" })));
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(3);
    expect(attempts.filter((a) => a.status === "rejected").map((a) => (a as PromiseRejectedResult).reason.code)).toEqual(Array(3).fill("FAILED_PRECONDITION"));
    const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(apps).where(and(eq(apps.projectId, sub2.id), eq(apps.kind, "sms_service_plan")))) as [{ n: number }];
    expect(n).toBe(100);
  });

  it("writes created / updated / deleted audit rows with before and after, filed under the parent project", async () => {
    const { project, sub1 } = await makeTree();
    const actor: Actor = { type: "system", label: "audit-test" };
    const app = await createApp(actor, sub1.id, { kind: "conversation", displayName: "Chat", region: "eu", callbackUrl: "https://a.example.com/" });
    await updateApp(actor, sub1.id, app.appId, { displayName: "Chat 2", callbackUrl: null });
    await deleteApp(actor, sub1.id, app.appId);
    const rows = await auditFor(app.appId);
    const view = { kind: "conversation", displayName: "Chat", region: "eu", callbackUrl: "https://a.example.com/" };
    const renamed = { ...view, displayName: "Chat 2", callbackUrl: null };
    expect(rows.map((r) => ({ action: r.action, before: r.before, after: r.after }))).toEqual([
      { action: "app.created", before: null, after: view },
      { action: "app.updated", before: view, after: renamed },
      { action: "app.deleted", before: { ...renamed, detachedNumbers: [] }, after: null },
    ]);
    for (const row of rows) expect(row).toMatchObject({ accountId: project.accountId, projectId: project.id, subprojectId: sub1.id, targetType: "app", actorLabel: "audit-test" });
  });

  it("seeds one SMS service plan and one voice app per node, once", async () => {
    const { project, sub1, sub2 } = await makeTree();
    await createApp(cliActor, sub2.id, { kind: "verification", displayName: "Existing", region: "us" });
    expect(await seedDemoApps([project.id, sub1.id, sub2.id])).toBe(2);
    expect(await seedDemoApps([project.id, sub1.id, sub2.id])).toBe(0);
    for (const node of [project, sub1]) expect((await listApps(node.id)).map((a) => a.kind)).toEqual(["sms_service_plan", "voice"]);
    expect((await listApps(sub2.id)).map((a) => a.displayName)).toEqual(["Existing"]);
  });
});
