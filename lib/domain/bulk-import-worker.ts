import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { getDb, rowsOf, type Transaction } from "@/db/client";
import { bulkImportRows, bulkImports, projects, users } from "@/db/schema";
import { createSubprojectInput } from "@/lib/schemas/projects";
import type { Actor } from "./actor";
import { recordAudits } from "./audit";
import { assertRoomForBatch } from "./bulk-import-limits";
import type { BulkImportState } from "./bulk-imports";
import { DomainError, sqlState } from "./errors";
import { newSubprojectId } from "./ids";
import { auditPlacement, auditView, toNode } from "./nodes";
import { parseInput } from "./validate";

/** How long a claimed job stays with its worker without a sign of life; a crashed worker's job waits this long. */
export const LEASE_SECONDS = 30;

/**
 * Claims the oldest runnable import (queued, or running with a lapsed lease after a restart) and
 * leases it. SKIP LOCKED: several instances polling at once each get a different job or none.
 */
export async function claimBulkImport(): Promise<string | null> {
  const db = await getDb();
  const [row] = rowsOf<{ id: string }>(
    await db.execute(sql`
      with next as (
        select id from bulk_imports
        where state in ('queued', 'running') and (lease_until is null or lease_until < now())
        order by created_at
        limit 1
        for update skip locked
      )
      update bulk_imports b set state = 'running', lease_until = now() + make_interval(secs => ${LEASE_SECONDS}), updated_at = now()
      from next where b.id = next.id
      returning b.id`),
  );
  return row?.id ?? null;
}

/** Audit rows of created subprojects name the person who uploaded the file. */
async function uploaderActor(tx: Transaction, createdBy: string | null): Promise<Actor> {
  const [user] = createdBy ? await tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, createdBy)) : [];
  return user ? { type: "user", userId: user.id, label: user.email } : { type: "system", label: "bulk import" };
}

export interface BatchOutcome {
  state: BulkImportState;
  created: number;
}

/**
 * Creates the next `batchSize` pending rows of a job in one transaction: the subprojects (same
 * validation, audit rows and webhooks as createSubproject), the rows' subproject_id, the job's
 * counter and lease. The job row stays locked throughout, so batches of one job never overlap,
 * even when a lapsed lease lets a second worker in, and a cancel waits for the batch in flight.
 */
export async function runBulkImportBatch(importId: string, batchSize: number): Promise<BatchOutcome> {
  // At least one row per batch (else a job never finishes); at most what one insert statement binds comfortably.
  const size = Math.min(Math.max(Math.floor(batchSize) || 1, 1), 5000);
  const db = await getDb();
  try {
    return await db.transaction(async (tx): Promise<BatchOutcome> => {
      const [job] = await tx.select().from(bulkImports).where(eq(bulkImports.id, importId)).for("update");
      // Cancelled, or finished by another worker while this one waited for the lock.
      if (!job || job.state !== "running") return { state: (job?.state ?? "cancelled") as BulkImportState, created: 0 };
      const pending = await tx
        .select()
        .from(bulkImportRows)
        .where(and(eq(bulkImportRows.importId, importId), isNull(bulkImportRows.subprojectId)))
        .orderBy(asc(bulkImportRows.rowNumber))
        .limit(size);
      const created = pending.length ? await createBatch(tx, job, pending) : 0;
      const done = pending.length < size;
      await tx
        .update(bulkImports)
        .set({
          createdRows: sql`${bulkImports.createdRows} + ${created}`,
          state: done ? "completed" : "running",
          leaseUntil: done ? null : sql`now() + make_interval(secs => ${LEASE_SECONDS})`,
          updatedAt: new Date(),
        })
        .where(eq(bulkImports.id, importId));
      return { state: done ? "completed" : "running", created };
    });
  } catch (error) {
    // A problem no retry fixes (project gone, plan limit reached) ends the job with a message;
    // anything else (database down) propagates, and the lapsed lease brings the job back.
    const message = error instanceof DomainError ? error.message : sqlState(error) === "23514" ? "The project can no longer hold subprojects." : null;
    if (message === null) throw error;
    await db.update(bulkImports).set({ state: "failed", error: message, leaseUntil: null, updatedAt: new Date() }).where(and(eq(bulkImports.id, importId), eq(bulkImports.state, "running")));
    return { state: "failed", created: 0 };
  }
}

async function createBatch(tx: Transaction, job: typeof bulkImports.$inferSelect, pending: (typeof bulkImportRows.$inferSelect)[]): Promise<number> {
  const [parent] = await tx.select().from(projects).where(eq(projects.id, job.projectId));
  if (!parent || parent.deletedAt) throw new DomainError("FAILED_PRECONDITION", "The project was deleted; the remaining rows were not created.");
  await assertRoomForBatch(tx, parent.accountId, pending.length);
  const values = pending.map((row) => {
    // Rows were validated at upload; parsing again keeps the worker honest if the rules tighten.
    const input = parseInput(createSubprojectInput, { parentProjectId: parent.id, displayName: row.displayName, labels: row.labels });
    return { id: newSubprojectId(), accountId: parent.accountId, parentId: parent.id, displayName: input.displayName, labels: input.labels };
  });
  const inserted = await tx.insert(projects).values(values).returning();
  const links = sql.join(
    pending.map((row, i) => sql`(${row.rowNumber}::int, ${values[i]!.id})`),
    sql`, `,
  );
  await tx.execute(sql`
    update bulk_import_rows r set subproject_id = v.subproject_id
    from (values ${links}) as v(row_number, subproject_id)
    where r.import_id = ${job.id} and r.row_number = v.row_number`);
  const actor = await uploaderActor(tx, job.createdBy);
  await recordAudits(
    tx,
    actor,
    inserted.map(toNode).map((node) => ({ accountId: node.accountId, ...auditPlacement(node), action: "subproject.created", targetType: "subproject", targetId: node.id, after: auditView(node) })),
  );
  return inserted.length;
}

/** Ends the lease early so the next run, on any instance, continues without waiting for it to lapse. */
async function releaseLease(importId: string) {
  const db = await getDb();
  await db.update(bulkImports).set({ leaseUntil: null }).where(and(eq(bulkImports.id, importId), eq(bulkImports.state, "running")));
}

/**
 * The background step: claims runnable imports one at a time and creates their rows in batches
 * until none is left or `maxMs` has passed (checked between batches). Safe to run on every
 * instance at once. A job interrupted by a restart keeps its lease until it lapses, then resumes
 * with its pending rows; rows already linked to a subproject are never created again.
 */
export async function processBulkImports({ batchSize = 500, maxMs = 10_000 }: { batchSize?: number; maxMs?: number } = {}): Promise<{ jobs: number; createdRows: number }> {
  const deadline = Date.now() + maxMs;
  let jobs = 0;
  let createdRows = 0;
  while (Date.now() < deadline) {
    const importId = await claimBulkImport();
    if (!importId) break;
    jobs++;
    let outcome: BatchOutcome;
    do {
      outcome = await runBulkImportBatch(importId, batchSize);
      createdRows += outcome.created;
    } while (outcome.state === "running" && Date.now() < deadline);
    if (outcome.state === "running") await releaseLease(importId);
  }
  return { jobs, createdRows };
}
