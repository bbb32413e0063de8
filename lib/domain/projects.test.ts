import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { makePerson, makeTree, unlimited } from "@/scripts/test-support/fixtures";
import { updateAccountSettings } from "./account-settings";
import { createAccount } from "./accounts";
import { cliActor } from "./actor";
import { createProject, createSubproject, updateNode } from "./projects";
import { listSubprojectsByName, listTreeProjects } from "./tree";

const selfService = { enforceSelfServiceLimits: true };

describe("project and subproject verbs", () => {
  it("refuses a subproject under a subproject with a clear message", async () => {
    const { sub1 } = await makeTree();
    const error = await createSubproject(cliActor, { parentProjectId: sub1.id, displayName: "Nested" }, unlimited).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "FAILED_PRECONDITION", message: expect.stringMatching(/subprojects cannot have subprojects/) });
  });

  it("holds standard plans to their self-service limits, even under concurrent creation; enterprise is unlimited", async () => {
    const account = await createAccount(cliActor, { name: `Std ${randomUUID().slice(0, 6)}`, plan: "standard" });
    await updateAccountSettings(cliActor, { accountId: account.id, projectLimit: 1, subprojectLimit: 3 });
    const project = await createProject(cliActor, { accountId: account.id, displayName: "Only" }, selfService);
    await expect(createProject(cliActor, { accountId: account.id, displayName: "Second" }, selfService)).rejects.toMatchObject({
      code: "FAILED_PRECONDITION",
      message: expect.stringMatching(/allows 1 projects/),
    });
    const attempts = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => createSubproject(cliActor, { parentProjectId: project.id, displayName: `S${i}` }, selfService)),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(3);
    expect(attempts.filter((a) => a.status === "rejected").map((a) => (a as PromiseRejectedResult).reason.code)).toEqual(Array(3).fill("FAILED_PRECONDITION"));
    // The CLI / API path is not a self-service path.
    await createSubproject(cliActor, { parentProjectId: project.id, displayName: "Beyond" }, unlimited);
    // Upgrading lifts the limit.
    await updateAccountSettings(cliActor, { accountId: account.id, plan: "enterprise" });
    await createProject(cliActor, { accountId: account.id, displayName: "Now allowed" }, selfService);
  });

  it("validates names and labels with the documented limits", async () => {
    const { project } = await makeTree();
    const tooMany = Object.fromEntries(Array.from({ length: 256 }, (_, i) => [`k${i}`, "v"]));
    for (const bad of [{ displayName: "" }, { displayName: "x".repeat(256) }, { displayName: "ok", labels: tooMany }, { displayName: "ok", labels: { "": "v" } }, { displayName: "ok", labels: { k: "x".repeat(256) } }]) {
      await expect(createSubproject(cliActor, { parentProjectId: project.id, ...bad }, unlimited)).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    }
  });

  it("renames and relabels with a before/after audit row", async () => {
    const { sub1, project } = await makeTree();
    const updated = await updateNode(cliActor, sub1.id, { displayName: "Renamed", labels: { tier: "gold" } });
    expect(updated).toMatchObject({ displayName: "Renamed", labels: { tier: "gold" } });
    expect(updated.updateTime.getTime()).toBeGreaterThan(sub1.updateTime.getTime());
    const db = await getDb();
    const [row] = await db.select().from(auditEvents).where(eq(auditEvents.targetId, sub1.id)).orderBy(auditEvents.id).offset(1);
    expect(row).toMatchObject({
      action: "subproject.updated",
      projectId: project.id,
      subprojectId: sub1.id,
      before: { displayName: "Customer one", labels: { region: "eu" } },
      after: { displayName: "Renamed", labels: { tier: "gold" } },
    });
  });
});

describe("tree listing", () => {
  it("shows an admin every project, a member only their own, and searches across subprojects", async () => {
    const { account, project } = await makeTree("Alpha");
    const beta = await createProject(cliActor, { accountId: account.id, displayName: "Beta" }, unlimited);
    await createSubproject(cliActor, { parentProjectId: beta.id, displayName: "Needle customer", labels: { region: "apac" } }, unlimited);
    const admin = await makePerson(account.id, "admin");
    const member = await makePerson(account.id, "member", { projectId: project.id, role: "viewer" });

    const all = await listTreeProjects(admin.id, account.id);
    expect(all.projects.map((p) => [p.displayName, p.subprojectCount])).toEqual([["Alpha project", 2], ["Beta", 1]]);
    const mine = await listTreeProjects(member.id, account.id);
    expect(mine.projects.map((p) => p.id)).toEqual([project.id]);

    const search = await listTreeProjects(admin.id, account.id, { q: "needle" });
    expect(search.projects.map((p) => [p.id, p.matchingSubprojects])).toEqual([[beta.id, 1]]);
    expect((await listTreeProjects(member.id, account.id, { q: "needle" })).projects).toEqual([]);
    expect((await listTreeProjects(admin.id, account.id, { label: "region=apac" })).projects.map((p) => p.id)).toEqual([beta.id]);
    expect((await listSubprojectsByName(project.id, { label: "region:eu" })).subprojects.map((s) => s.displayName)).toEqual(["Customer one"]);
    // LIKE wildcards are literal.
    expect((await listTreeProjects(admin.id, account.id, { q: "%" })).projects).toEqual([]);
  });

  it("pages subprojects by name with a keyset cursor that visits each exactly once", async () => {
    const { project } = await makeTree();
    for (let i = 0; i < 23; i++) await createSubproject(cliActor, { parentProjectId: project.id, displayName: `Bulk ${String(i).padStart(2, "0")}` }, unlimited);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listSubprojectsByName>> = await listSubprojectsByName(project.id, { limit: 7, cursor });
      seen.push(...page.subprojects.map((s) => s.displayName));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    expect(seen).toEqual([...seen].sort());
    await expect(listSubprojectsByName(project.id, { cursor: "garbage" })).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
  });
});
