import { randomUUID } from "node:crypto";
import { and, count, eq, inArray, isNull, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { auditEvents, bulkImportRows, bulkImports, projects, webhookDeliveries } from "@/db/schema";
import { makePerson, makeTree, unlimited } from "@/scripts/test-support/fixtures";
import { updateAccountSettings } from "./account-settings";
import { createAccount } from "./accounts";
import { cliActor, type Actor } from "./actor";
import { CsvRejectedError } from "./bulk-import-csv";
import { claimBulkImport, processBulkImports, runBulkImportBatch } from "./bulk-import-worker";
import { cancelBulkImport, getBulkImport, listBulkImports, startBulkImport } from "./bulk-imports";
import { createProject, createSubproject } from "./projects";
import { deleteSubproject } from "./subproject-lifecycle";
import { createWebhookEndpoint } from "./webhooks";
import { subprojectCsvChunks } from "./subproject-export";

// The worker claims any runnable job in the database, so every test that queues imports lives in
// this one file (files run in parallel, tests in a file in sequence) and leaves none runnable.
afterEach(async () => {
  const db = await getDb();
  await db.update(bulkImports).set({ state: "cancelled", leaseUntil: null }).where(inArray(bulkImports.state, ["queued", "running"]));
});

async function uploader(accountId: string): Promise<Actor> {
  const person = await makePerson(accountId, "admin");
  return { type: "user", userId: person.id, label: person.email };
}

const tag = () => randomUUID().slice(0, 8);
function csvOf(names: string[]): string {
  return "displayName,labels,label:tier\n" + names.map((n, i) => `${n},row=${i};kind=bulk,${i % 2 ? "gold" : ""}`).join("\n") + "\n";
}

/** How many live subprojects of the project carry each name: every value must be 1. */
async function namesIn(projectId: string): Promise<Map<string, number>> {
  const db = await getDb();
  const rows = await db.select({ name: projects.displayName, n: count() }).from(projects).where(and(eq(projects.parentId, projectId), isNull(projects.deletedAt))).groupBy(projects.displayName);
  return new Map(rows.map((r) => [r.name, Number(r.n)]));
}

async function drain(batchSize = 500) {
  for (let i = 0; i < 100 && (await processBulkImports({ batchSize, maxMs: 5_000 })).jobs > 0; i++);
}

describe("starting an import", () => {
  it("refuses a file with bad rows, listing them, and queues nothing", async () => {
    const { project } = await makeTree();
    const text = "displayName,labels\nGood,a=1\n,a=1\nAlso good,\nBad,=x\n";
    const error = await startBulkImport(cliActor, project.id, "bad.csv", text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvRejectedError);
    expect((error as CsvRejectedError).rowErrors.map((e) => [e.row, e.field])).toEqual([
      [3, "displayName"],
      [5, "labels"],
    ]);
    const db = await getDb();
    expect(await db.select().from(bulkImports).where(eq(bulkImports.projectId, project.id))).toHaveLength(0);
    expect((await namesIn(project.id)).size).toBe(2);
  });

  it("queues a file once: the same bytes again return the same job, before and after it ran", async () => {
    const { account, project } = await makeTree();
    const actor = await uploader(account.id);
    const text = csvOf(["One", "Two", "Three"]);
    // Two uploads racing: one creates the job, the other gets it.
    const racing = await Promise.all([startBulkImport(actor, project.id, "C:\\Users\\me\\customers.csv", text), startBulkImport(actor, project.id, "C:\\Users\\me\\customers.csv", text)]);
    expect(racing.map((r) => r.created).sort()).toEqual([false, true]);
    const first = racing.find((r) => r.created)!;
    expect(first).toMatchObject({ skippedRows: 0, bulkImport: { state: "queued", totalRows: 3, createdRows: 0, fileName: "customers.csv" } });
    expect(racing.map((r) => r.bulkImport.id)).toEqual([first.bulkImport.id, first.bulkImport.id]);
    expect(await startBulkImport(actor, project.id, "renamed.csv", text)).toMatchObject({ created: false, bulkImport: { id: first.bulkImport.id } });
    const db = await getDb();
    expect(await db.select().from(bulkImportRows).where(eq(bulkImportRows.importId, first.bulkImport.id))).toHaveLength(3);
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.targetId, first.bulkImport.id));
    expect(audit).toMatchObject({ action: "bulkImport.created", projectId: project.id, actorLabel: actor.label });

    await drain();
    const afterRun = await startBulkImport(actor, project.id, "customers.csv", text);
    expect(afterRun).toMatchObject({ created: false, bulkImport: { id: first.bulkImport.id, state: "completed", createdRows: 3 } });
    await drain();
    expect([...(await namesIn(project.id)).entries()].filter(([name]) => ["One", "Two", "Three"].includes(name))).toEqual(expect.arrayContaining([["One", 1], ["Two", 1], ["Three", 1]]));
    // The same file for another project is that project's own import.
    const other = await createProject(cliActor, { accountId: account.id, displayName: "Other" }, unlimited);
    expect((await startBulkImport(actor, other.id, "customers.csv", text)).created).toBe(true);
  });

  it("refuses a file that would take a standard account past its subproject limit", async () => {
    const account = await createAccount(cliActor, { name: `Std ${tag()}`, plan: "standard" });
    await updateAccountSettings(cliActor, { accountId: account.id, subprojectLimit: 5 });
    const project = await createProject(cliActor, { accountId: account.id, displayName: "P" }, unlimited);
    for (const name of ["a", "b"]) await createSubproject(cliActor, { parentProjectId: project.id, displayName: name }, unlimited);
    await expect(startBulkImport(cliActor, project.id, "f.csv", csvOf(["1", "2", "3", "4"]))).rejects.toMatchObject({ code: "FAILED_PRECONDITION", message: expect.stringMatching(/allows 5 subprojects/) });
    const { bulkImport } = await startBulkImport(cliActor, project.id, "f.csv", csvOf(["1", "2", "3"]));
    // Rows waiting in that import count against the limit too.
    await expect(startBulkImport(cliActor, project.id, "g.csv", csvOf(["4"]))).rejects.toMatchObject({ message: expect.stringMatching(/3 more waiting in other imports/) });
    // Created outside the portal meanwhile: the worker refuses the batch rather than overshoot.
    await createSubproject(cliActor, { parentProjectId: project.id, displayName: "c" }, unlimited);
    await drain();
    expect(await getBulkImport(project.id, bulkImport.id)).toMatchObject({ state: "failed", createdRows: 0, error: expect.stringMatching(/allows 5 subprojects/) });
    expect((await namesIn(project.id)).size).toBe(3);
  });

  it("keeps imports to their project and refuses subprojects as targets", async () => {
    const { account, project, sub1 } = await makeTree();
    const other = await createProject(cliActor, { accountId: account.id, displayName: "Other" }, unlimited);
    const { bulkImport } = await startBulkImport(cliActor, project.id, "a.csv", csvOf([`x${tag()}`]));
    await expect(getBulkImport(other.id, bulkImport.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getBulkImport(project.id, "not-a-uuid")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(cancelBulkImport(cliActor, other.id, bulkImport.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listBulkImports(project.id)).map((i) => i.id)).toEqual([bulkImport.id]);
    expect(await listBulkImports(other.id)).toEqual([]);
    await expect(startBulkImport(cliActor, sub1.id, "a.csv", csvOf(["y"]))).rejects.toMatchObject({ code: "FAILED_PRECONDITION" });
  });
});

describe("the import worker", () => {
  it("creates every row exactly once, with its labels, audited as the uploader, one webhook event each", async () => {
    const { account, project } = await makeTree();
    const actor = await uploader(account.id);
    // Port 9 (discard): nothing listens, and the deliveries stay queued in the outbox for us to count.
    const hooks = await Promise.all([1, 2].map((n) => createWebhookEndpoint(cliActor, project.id, { url: `http://127.0.0.1:9/bulk-${n}` })));
    const names = Array.from({ length: 7 }, (_, i) => `Customer ${i}`);
    const { bulkImport } = await startBulkImport(actor, project.id, "c.csv", csvOf(names));
    await drain(3);
    expect(await getBulkImport(project.id, bulkImport.id)).toMatchObject({ state: "completed", createdRows: 7, error: null });
    const db = await getDb();
    const created = await db.select().from(projects).where(and(eq(projects.parentId, project.id), inArray(projects.displayName, names)));
    expect(created.map((p) => [p.displayName, p.labels]).sort()).toEqual(names.map((n, i) => [n, { row: String(i), kind: "bulk", ...(i % 2 ? { tier: "gold" } : {}) }]).sort());
    const links = await db.select().from(bulkImportRows).where(eq(bulkImportRows.importId, bulkImport.id));
    expect(new Set(links.map((l) => l.subprojectId))).toEqual(new Set(created.map((p) => p.id)));
    const audits = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "subproject.created"), inArray(auditEvents.targetId, created.map((p) => p.id))));
    expect(audits).toHaveLength(7);
    expect(new Set(audits.map((a) => a.actorLabel))).toEqual(new Set([actor.label]));
    const deliveries = await db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.eventType, "subproject.created"), inArray(webhookDeliveries.endpointId, hooks.map((h) => h.endpoint.id))));
    expect(deliveries).toHaveLength(14);
    const events = deliveries.map((d) => d.payload as { id: string; subprojectId: string; data: { displayName: string } });
    expect(new Set(events.map((e) => e.id)).size).toBe(7);
    expect(new Set(events.map((e) => `${e.subprojectId} ${e.data.displayName}`))).toEqual(new Set(created.map((p) => `${p.id} ${p.displayName}`)));
    expect(deliveries.every((d) => d.eventId === (d.payload as { id: string }).id)).toBe(true);
  });

  it("stops between batches when cancelled; subprojects already created stay", async () => {
    const { project } = await makeTree();
    const { bulkImport } = await startBulkImport(cliActor, project.id, "c.csv", csvOf(["a1", "a2", "a3", "a4", "a5", "a6"]));
    expect(await claimBulkImport()).toBe(bulkImport.id);
    expect(await runBulkImportBatch(bulkImport.id, 2)).toEqual({ state: "running", created: 2 });
    // A cancel racing a batch waits for it: the count it reports is what exists.
    const [, cancelled] = await Promise.all([runBulkImportBatch(bulkImport.id, 2), cancelBulkImport(cliActor, project.id, bulkImport.id)]);
    expect(cancelled.state).toBe("cancelled");
    expect(await runBulkImportBatch(bulkImport.id, 2)).toEqual({ state: "cancelled", created: 0 });
    expect(await processBulkImports()).toEqual({ jobs: 0, createdRows: 0 });
    const names = await namesIn(project.id);
    expect([...names.keys()].filter((n) => n.startsWith("a"))).toHaveLength(cancelled.createdRows);
    expect(await cancelBulkImport(cliActor, project.id, bulkImport.id)).toMatchObject({ state: "cancelled" });
  });

  it("resumes after a crash once the lease lapses, creating nothing twice", async () => {
    const { project } = await makeTree();
    const names = Array.from({ length: 10 }, (_, i) => `r${i}`);
    const { bulkImport } = await startBulkImport(cliActor, project.id, "c.csv", csvOf(names));
    expect(await claimBulkImport()).toBe(bulkImport.id);
    await runBulkImportBatch(bulkImport.id, 4);
    // The worker "crashed" here: its lease still holds, so nobody else touches the job.
    expect(await processBulkImports({ batchSize: 4 })).toEqual({ jobs: 0, createdRows: 0 });
    const db = await getDb();
    await db.execute(sql`update bulk_imports set lease_until = now() - interval '1 second' where id = ${bulkImport.id}`);
    expect(await processBulkImports({ batchSize: 4 })).toEqual({ jobs: 1, createdRows: 6 });
    expect(await getBulkImport(project.id, bulkImport.id)).toMatchObject({ state: "completed", createdRows: 10 });
    const counts = await namesIn(project.id);
    expect(names.map((n) => counts.get(n))).toEqual(Array(10).fill(1));
  });

  it("never creates a row twice with two workers, on one job or racing for jobs", async () => {
    const { project } = await makeTree();
    const names = Array.from({ length: 40 }, (_, i) => `w${i}`);
    const { bulkImport } = await startBulkImport(cliActor, project.id, "c.csv", csvOf(names));
    const claims = await Promise.all([claimBulkImport(), claimBulkImport()]);
    expect(claims.filter(Boolean)).toEqual([bulkImport.id]);
    // Both keep working the same job, as after a lapsed lease while the first was still busy.
    const worker = async () => {
      let created = 0;
      for (let outcome = await runBulkImportBatch(bulkImport.id, 3); ; outcome = await runBulkImportBatch(bulkImport.id, 3)) {
        created += outcome.created;
        if (outcome.state !== "running") return created;
      }
    };
    const [a, b] = await Promise.all([worker(), worker()]);
    expect(a + b).toBe(40);
    const second = await startBulkImport(cliActor, project.id, "d.csv", csvOf(names.map((n) => `v${n}`)));
    const runs = await Promise.all([processBulkImports({ batchSize: 4 }), processBulkImports({ batchSize: 4 })]);
    expect(runs[0]!.createdRows + runs[1]!.createdRows).toBe(40);
    expect(await getBulkImport(project.id, second.bulkImport.id)).toMatchObject({ state: "completed", createdRows: 40 });
    const counts = await namesIn(project.id);
    expect([...names, ...names.map((n) => `v${n}`)].map((n) => counts.get(n))).toEqual(Array(80).fill(1));
  });
});

describe("export", () => {
  it("streams every subproject page by page, and the file imports back to the same subprojects", async () => {
    const { account, project, sub2 } = await makeTree();
    const tricky = { "a;b": "c=d", path: "C:\\x\\", " pad ": " both ", ünï: "✓" };
    await createSubproject(cliActor, { parentProjectId: project.id, displayName: 'Quote "and", comma', labels: tricky }, unlimited);
    await createSubproject(cliActor, { parentProjectId: project.id, displayName: "Two\nlines" }, unlimited);
    await deleteSubproject(cliActor, sub2.id);
    const chunks: string[] = [];
    for await (const chunk of subprojectCsvChunks(project.id, 2)) chunks.push(chunk);
    expect(chunks).toHaveLength(3); // header, then two pages of two
    const text = chunks.join("");
    expect(text.startsWith("\uFEFFid,displayName,labels,createTime,deleted\n")).toBe(true);
    expect(text).toContain(`${sub2.id},Customer two,region=us,${sub2.createTime.toISOString()},true`);

    const copy = await createProject(cliActor, { accountId: account.id, displayName: "Copy" }, unlimited);
    const started = await startBulkImport(cliActor, copy.id, "export.csv", text);
    expect(started).toMatchObject({ skippedRows: 1, bulkImport: { totalRows: 3 } });
    await drain();
    const db = await getDb();
    const live = async (parentId: string) =>
      rowsOf<{ display_name: string; labels: unknown }>(await db.execute(sql`select display_name, labels from projects where parent_id = ${parentId} and deleted_at is null order by display_name`));
    expect(await live(copy.id)).toEqual(await live(project.id));
    expect((await live(copy.id)).find((r) => r.display_name.startsWith("Quote"))?.labels).toEqual(tricky);
  });
});
