import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, phoneNumbers, usageEvents } from "@/db/schema";
import { makeTree, unlimited } from "@/scripts/test-support/fixtures";
import { insertApp, numberRow, pickAvailable } from "@/scripts/test-support/numbers";
import { cliActor } from "./actor";
import { createAccount } from "./accounts";
import { DomainError } from "./errors";
import { ensureNumberInventory, generateInventory, seedDemoNumbers } from "./number-inventory";
import { releaseNumber, rentAnyNumber, rentNumber, updateActiveNumber } from "./number-rentals";
import { checkAvailability, getActiveNumber, listActiveNumbers, searchAvailableNumbers } from "./numbers";
import { createProject, createSubproject } from "./projects";

// This file keeps to AU, SE and FR numbers; the API tests use others (files run in parallel).

async function domainError(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("number inventory", () => {
  it("is deterministic, valid E.164, unique, and spread over regions, types and capabilities", async () => {
    const a = generateInventory();
    const b = generateInventory();
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(3000);
    expect(new Set(a.map((r) => r.phoneNumber)).size).toBe(a.length);
    for (const row of a) expect(row.phoneNumber).toMatch(/^\+[1-9][0-9]{6,14}$/);
    expect(new Set(a.map((r) => r.regionCode))).toEqual(new Set(["US", "CA", "GB", "DE", "FR", "SE", "AU"]));
    expect(new Set(a.map((r) => r.type))).toEqual(new Set(["MOBILE", "LOCAL", "TOLL_FREE"]));
    expect(new Set(a.map((r) => (r.capabilities as string[]).join("+")))).toEqual(new Set(["SMS+VOICE", "VOICE", "SMS"]));
    expect(a.some((r) => r.supportingDocumentationRequired)).toBe(true);
    expect(new Set(a.map((r) => r.monthlyPriceMinor)).size).toBeGreaterThan(5);
  });

  it("is stocked once: concurrent second calls insert nothing and fail nothing", async () => {
    const results = await Promise.all([ensureNumberInventory(), ensureNumberInventory()]);
    expect(results).toEqual([{ inserted: 0 }, { inserted: 0 }]);
    const db = await getDb();
    const rows = await db.select({ n: phoneNumbers.phoneNumber }).from(phoneNumbers).where(eq(phoneNumbers.regionCode, "SE"));
    expect(rows.length).toBe(generateInventory().filter((r) => r.regionCode === "SE").length);
  });
});

describe("renting", () => {
  it("of one number by many concurrent renters: exactly one wins, the others are told it is gone", async () => {
    const { sub1, sub2, project } = await makeTree("Race");
    const number = await pickAvailable("SE", "MOBILE");
    const contenders = [sub1.id, sub2.id, project.id, sub1.id, sub2.id, project.id];
    const results = await Promise.allSettled(contenders.map((id) => rentNumber(cliActor, id, number)));
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect(r.reason).toBeInstanceOf(DomainError);
      expect((r.reason as DomainError).code).toBe("FAILED_PRECONDITION");
      expect((r.reason as DomainError).message).toMatch(/no longer available/);
    }
    const winner = (won[0] as PromiseFulfilledResult<{ projectId: string }>).value.projectId;
    expect((await numberRow(number)).projectId).toBe(winner);
    const db = await getDb();
    const charges = await db.select().from(usageEvents).where(eq(usageEvents.reference, number));
    expect(charges.map((c) => c.projectId)).toEqual([winner, winner]);
  });

  it("rentAny under contention never assigns one number twice and says when stock runs out", async () => {
    const { sub1, sub2 } = await makeTree("RentAny");
    const seed = await pickAvailable("AU", "TOLL_FREE");
    const pattern = { pattern: seed.slice(0, 8), searchPattern: "START" as const };
    const stock = await searchAvailableNumbers(sub1.id, { regionCode: "AU", type: "TOLL_FREE", numberPattern: pattern });
    expect(stock.length).toBeGreaterThan(0);
    const attempts = stock.length + 3;
    const results = await Promise.allSettled(
      Array.from({ length: attempts }, (_, i) => rentAnyNumber(cliActor, i % 2 ? sub1.id : sub2.id, { regionCode: "AU", type: "TOLL_FREE", numberPattern: pattern })),
    );
    const rented = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.phoneNumber] : []));
    expect(rented).toHaveLength(stock.length);
    expect(new Set(rented).size).toBe(rented.length);
    expect(rented.sort()).toEqual(stock.map((s) => s.phoneNumber).sort());
    for (const r of results) if (r.status === "rejected") expect((r.reason as DomainError).code).toBe("NOT_FOUND");
    const db = await getDb();
    const rows = await db.select().from(phoneNumbers).where(inArray(phoneNumbers.phoneNumber, rented));
    for (const row of rows) expect([sub1.id, sub2.id]).toContain(row.projectId);
  });

  it("writes the setup and first-month charges on the renting node, in the account's currency", async () => {
    const account = await createAccount(cliActor, { name: `Krona ${randomUUID().slice(0, 6)}`, plan: "enterprise", currency: "SEK" });
    const project = await createProject(cliActor, { accountId: account.id, displayName: "Nordics" }, unlimited);
    const sub = await createSubproject(cliActor, { parentProjectId: project.id, displayName: "Customer" }, unlimited);
    const number = await pickAvailable("SE", "LOCAL");
    const before = await numberRow(number);
    const active = await rentNumber(cliActor, sub.id, number, {});
    expect(active.monthlyPrice).toEqual({ currency: "SEK", minor: before.monthlyPriceMinor });
    const onProject = await rentAnyNumber(cliActor, project.id, { regionCode: "SE", type: "MOBILE" });
    const db = await getDb();
    const rows = await db.select().from(usageEvents).where(eq(usageEvents.accountId, account.id));
    const bySub = rows.filter((r) => r.reference === number).sort((a, b) => a.product.localeCompare(b.product));
    expect(bySub).toMatchObject([
      { product: "number_monthly", quantity: 1, unitPriceMinor: before.monthlyPriceMinor, amountMinor: before.monthlyPriceMinor, projectId: sub.id, topProjectId: project.id, currency: "SEK" },
      { product: "number_setup", quantity: 1, unitPriceMinor: before.setupPriceMinor, amountMinor: before.setupPriceMinor, projectId: sub.id, topProjectId: project.id, currency: "SEK" },
    ]);
    const byProject = rows.filter((r) => r.reference === onProject.phoneNumber);
    expect(byProject).toHaveLength(2);
    for (const r of byProject) expect(r).toMatchObject({ projectId: project.id, topProjectId: project.id, currency: "SEK" });
  });

  it("refuses SMS / voice links to another project's app or an app of the wrong kind, and rents nothing then", async () => {
    const { sub1, sub2 } = await makeTree("Links");
    const ownPlan = await insertApp(sub1.id, "sms_service_plan");
    const ownVoice = await insertApp(sub1.id, "voice");
    const siblingPlan = await insertApp(sub2.id, "sms_service_plan");
    const number = await pickAvailable("FR", "MOBILE", "SMS");

    const foreign = await domainError(rentNumber(cliActor, sub1.id, number, { smsConfiguration: { servicePlanId: siblingPlan } }));
    expect(foreign.code).toBe("FAILED_PRECONDITION");
    expect(foreign.fieldViolations).toEqual([{ field: "smsConfiguration.servicePlanId", description: expect.stringMatching(/no SMS service plan/) }]);
    const wrongKind = await domainError(rentNumber(cliActor, sub1.id, number, { smsConfiguration: { servicePlanId: ownVoice } }));
    expect(wrongKind.fieldViolations[0]).toMatchObject({ field: "smsConfiguration.servicePlanId", description: expect.stringMatching(/is a Voice app, not an SMS service plan/) });
    const voiceWrong = await domainError(rentNumber(cliActor, sub1.id, number, { voiceConfiguration: { type: "RTC", appId: ownPlan } }));
    expect(voiceWrong.fieldViolations[0]!.field).toBe("voiceConfiguration.appId");
    expect((await numberRow(number)).projectId).toBeNull();

    const active = await rentNumber(cliActor, sub1.id, number, { smsConfiguration: { servicePlanId: ownPlan, campaignId: "C1234" } });
    expect(active.smsConfiguration).toEqual({ servicePlanId: ownPlan, campaignId: "C1234" });
    const moved = await domainError(updateActiveNumber(cliActor, sub1.id, number, { smsConfiguration: { servicePlanId: siblingPlan } }));
    expect(moved.code).toBe("FAILED_PRECONDITION");
    // The composite foreign key refuses it even when the domain is bypassed.
    const db = await getDb();
    await expect(db.update(phoneNumbers).set({ smsServicePlanId: siblingPlan }).where(eq(phoneNumbers.phoneNumber, number))).rejects.toThrow();
    expect((await getActiveNumber(sub1.id, number)).smsConfiguration?.servicePlanId).toBe(ownPlan);
  });

  it("refuses a configuration the number cannot carry", async () => {
    const { sub1 } = await makeTree("Caps");
    const plan = await insertApp(sub1.id, "sms_service_plan");
    const voiceOnly = await pickAvailable("FR", "LOCAL");
    const error = await domainError(rentNumber(cliActor, sub1.id, voiceOnly, { smsConfiguration: { servicePlanId: plan } }));
    expect(error.fieldViolations).toEqual([{ field: "smsConfiguration", description: "the number has no SMS capability" }]);
  });
});

describe("active numbers", () => {
  it("update, release and re-rent: the next tenant inherits nothing, and every change is audited", async () => {
    const { project, sub1, sub2 } = await makeTree("Lifecycle");
    const voice = await insertApp(sub1.id, "voice");
    const number = await pickAvailable("SE", "LOCAL", "VOICE");
    await rentNumber(cliActor, sub1.id, number, { callbackUrl: "https://hooks.example.test/numbers" });
    const updated = await updateActiveNumber(cliActor, sub1.id, number, { displayName: "Support line", voiceConfiguration: { type: "RTC", appId: voice } });
    expect(updated).toMatchObject({ displayName: "Support line", voiceConfiguration: { type: "RTC", appId: voice }, callbackUrl: "https://hooks.example.test/numbers" });
    expect(updated.voiceConfiguration?.lastUpdatedTime).toBeInstanceOf(Date);
    // A sibling cannot see, change or release it: the same NOT_FOUND as an absent number.
    expect((await domainError(getActiveNumber(sub2.id, number))).code).toBe("NOT_FOUND");
    expect((await domainError(releaseNumber(cliActor, sub2.id, number))).code).toBe("NOT_FOUND");
    expect((await domainError(checkAvailability(sub2.id, number))).code).toBe("NOT_FOUND");

    const released = await releaseNumber(cliActor, sub1.id, number);
    expect(released.phoneNumber).toBe(number);
    const row = await numberRow(number);
    expect(row).toMatchObject({ projectId: null, rentedAt: null, displayName: null, nextChargeAt: null, smsServicePlanId: null, voiceAppId: null, voiceType: null, callbackUrl: null });
    expect((await checkAvailability(sub2.id, number)).phoneNumber).toBe(number);
    expect((await listActiveNumbers(sub1.id)).activeNumbers.map((n) => n.phoneNumber)).not.toContain(number);

    const again = await rentNumber(cliActor, sub2.id, number);
    expect(again).toMatchObject({ projectId: sub2.id, displayName: null, voiceConfiguration: null, smsConfiguration: null, callbackUrl: null });

    const db = await getDb();
    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.targetType, "phoneNumber"), eq(auditEvents.targetId, number))).orderBy(asc(auditEvents.id));
    const mine = audit.filter((a) => a.projectId === project.id).map((a) => [a.action, a.subprojectId]);
    expect(mine).toEqual([
      ["number.rented", sub1.id],
      ["number.updated", sub1.id],
      ["number.released", sub1.id],
      ["number.rented", sub2.id],
    ]);
    expect(audit.find((a) => a.action === "number.updated")).toMatchObject({ actorLabel: "cli", before: { displayName: null }, after: { displayName: "Support line", voiceAppId: voice } });
  });

  it("lists a keyset page at a time with the total, by number or by name, and filters", async () => {
    const { sub1 } = await makeTree("Paging");
    const rented = [];
    for (let i = 0; i < 5; i++) rented.push((await rentAnyNumber(cliActor, sub1.id, { regionCode: i < 3 ? "FR" : "SE", type: "MOBILE" })).phoneNumber);
    const names = ["delta", "alpha", "echo", "charlie", "bravo"];
    for (const [i, n] of rented.entries()) await updateActiveNumber(cliActor, sub1.id, n, { displayName: names[i] });

    const seen: string[] = [];
    let token: string | undefined;
    for (let page = 0; page < 3; page++) {
      const result = await listActiveNumbers(sub1.id, { pageSize: 2, pageToken: token });
      expect(result.totalSize).toBe(5);
      seen.push(...result.activeNumbers.map((n) => n.phoneNumber));
      token = result.nextPageToken;
      if (page < 2) expect(token).not.toBe("");
    }
    expect(token).toBe("");
    expect(seen).toEqual([...rented].sort());

    const byName = await listActiveNumbers(sub1.id, { pageSize: 3, orderBy: "displayName" });
    const rest = await listActiveNumbers(sub1.id, { pageSize: 3, orderBy: "displayName", pageToken: byName.nextPageToken });
    expect([...byName.activeNumbers, ...rest.activeNumbers].map((n) => n.displayName)).toEqual(["alpha", "bravo", "charlie", "delta", "echo"]);

    const se = await listActiveNumbers(sub1.id, { regionCode: "SE" });
    expect(se.totalSize).toBe(2);
    const ending = await listActiveNumbers(sub1.id, { numberPattern: { pattern: rented[0]!.slice(-6), searchPattern: "END" } });
    expect(ending.activeNumbers.map((n) => n.phoneNumber)).toEqual([rented[0]]);
    // A token from the other ordering is refused rather than silently misread.
    expect((await domainError(listActiveNumbers(sub1.id, { pageSize: 2, pageToken: byName.nextPageToken }))).code).toBe("INVALID_ARGUMENT");
  });

  it("search matches START / CONTAINS / END patterns and capabilities, and never offers rented numbers", async () => {
    const { sub1 } = await makeTree("Search");
    const number = await pickAvailable("AU", "MOBILE");
    const national = number.slice(3, 6);
    const starts = await searchAvailableNumbers(sub1.id, { regionCode: "AU", type: "MOBILE", numberPattern: { pattern: national, searchPattern: "START" }, size: 100 });
    expect(starts.length).toBeGreaterThan(0);
    for (const n of starts) expect(n.phoneNumber.startsWith(`+61${national}`)).toBe(true);
    const ends = await searchAvailableNumbers(sub1.id, { regionCode: "AU", type: "MOBILE", numberPattern: { pattern: number.slice(-4), searchPattern: "END" } });
    expect(ends.map((n) => n.phoneNumber)).toContain(number);
    const both = await searchAvailableNumbers(sub1.id, { regionCode: "AU", type: "MOBILE", capabilities: ["SMS", "VOICE"], size: 5 });
    expect(both).toHaveLength(5);
    for (const n of both) expect(n.capabilities).toEqual(["SMS", "VOICE"]);
    await rentNumber(cliActor, sub1.id, number);
    const after = await searchAvailableNumbers(sub1.id, { regionCode: "AU", type: "MOBILE", numberPattern: { pattern: number, searchPattern: "START" } });
    expect(after).toEqual([]);
    expect((await domainError(searchAvailableNumbers(sub1.id, { regionCode: "XX", type: "MOBILE" }))).fieldViolations[0]!.field).toBe("regionCode");
  });

  it("seedDemoNumbers rents one number into each subproject, once", async () => {
    const { sub1, sub2 } = await makeTree("Demo");
    const first = await seedDemoNumbers([sub1.id, sub2.id]);
    expect(first.map((n) => n.projectId)).toEqual([sub1.id, sub2.id]);
    expect(await seedDemoNumbers([sub1.id, sub2.id])).toEqual([]);
    expect((await listActiveNumbers(sub1.id)).totalSize).toBe(1);
  });
});
