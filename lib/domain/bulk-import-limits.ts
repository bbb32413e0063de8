import { and, count, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { rowsOf, type Transaction } from "@/db/client";
import { accounts, projects, type Account } from "@/db/schema";
import { DomainError } from "./errors";

/**
 * The account of a self-service (non-enterprise) plan, locked as createSubproject locks it, so
 * limit checks of concurrent creations (single ones, uploads, worker batches) see each other.
 * Enterprise accounts have no limit and are not locked: a 100,000-row upload would otherwise
 * stall every other creation in the account while it inserts.
 */
async function limitedAccount(tx: Transaction, accountId: string): Promise<Account | null> {
  const [account] = await tx.select().from(accounts).where(eq(accounts.id, accountId));
  if (!account) throw new DomainError("NOT_FOUND", `Account ${accountId} not found`);
  if (account.plan === "enterprise") return null;
  const [locked] = await tx.select().from(accounts).where(eq(accounts.id, accountId)).for("update");
  return locked!.plan === "enterprise" ? null : locked!;
}

async function liveSubprojects(tx: Transaction, accountId: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(projects).where(and(eq(projects.accountId, accountId), isNotNull(projects.parentId), isNull(projects.deletedAt)));
  return Number(row?.n ?? 0);
}

/** Rows of unfinished imports in the account: room they already claimed at upload. */
async function reservedRows(tx: Transaction, accountId: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await tx.execute(sql`
      select count(*)::int as n from bulk_import_rows r
      join bulk_imports i on i.id = r.import_id
      join projects p on p.id = i.project_id
      where p.account_id = ${accountId} and i.state in ('queued', 'running') and r.subproject_id is null`),
  );
  return Number(row?.n ?? 0);
}

function limitError(account: Account, live: number, detail: string): DomainError {
  return new DomainError(
    "FAILED_PRECONDITION",
    `Your ${account.plan} plan allows ${account.subprojectLimit} subprojects and the account has ${live}${detail}. Ask for a higher limit, an enterprise plan, or create them through the API.`,
  );
}

/**
 * Upload-time check: the file's rows, plus the rows other unfinished imports of the account will
 * still create, must fit in the self-service limit. Refusing the whole file up front beats
 * failing it half-way.
 */
export async function assertRoomForImport(tx: Transaction, accountId: string, rows: number): Promise<void> {
  const account = await limitedAccount(tx, accountId);
  if (!account) return;
  const live = await liveSubprojects(tx, account.id);
  const reserved = await reservedRows(tx, account.id);
  if (live + reserved + rows > account.subprojectLimit) {
    const waiting = reserved ? ` with ${reserved} more waiting in other imports` : "";
    throw limitError(account, live, `${waiting}; this file's ${rows} rows would exceed it`);
  }
}

/**
 * Batch-time check: the limit still holds when subprojects were created in the portal after the
 * upload took its room (the job then fails with this message instead of overshooting).
 */
export async function assertRoomForBatch(tx: Transaction, accountId: string, rows: number): Promise<void> {
  const account = await limitedAccount(tx, accountId);
  if (!account) return;
  const live = await liveSubprojects(tx, account.id);
  if (live + rows > account.subprojectLimit) throw limitError(account, live, `; the next ${rows} rows of this import would exceed it`);
}
