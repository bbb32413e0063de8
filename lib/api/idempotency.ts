import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import { ApiError } from "./errors";
import type { OperationResult } from "./operation";

/** Stored responses are replayable for at least this long. */
export const IDEMPOTENCY_RETENTION_HOURS = 24;

export function requestHash(method: string, path: string, body: string): string {
  return createHash("sha256").update(`${method}\n${path}\n${body}`).digest("hex");
}

function lockId(credential: string, key: string): bigint {
  return createHash("sha256").update(`${credential}\u0000${key}`).digest().readBigInt64BE(0);
}

/**
 * Call inside the request transaction, before the mutation. Returns a stored response to replay,
 * or null to go ahead (then call `rememberResponse` in the same transaction). A concurrent
 * request holding the same key is "in flight" (409); the same key with another request is 422.
 */
export async function claimIdempotencyKey(credential: string, key: string, hash: string): Promise<OperationResult | null> {
  const db = await getDb();
  const [lock] = rowsOf<{ locked: boolean }>(await db.execute(sql`select pg_try_advisory_xact_lock(${lockId(credential, key).toString()}::bigint) as locked`));
  if (!lock?.locked) throw new ApiError("ABORTED", "A request with this Idempotency-Key is still in flight; retry after it completes", [], { "Retry-After": "1" });
  const [stored] = rowsOf<{ request_hash: string; status: number; body: unknown; headers: Record<string, string> }>(
    await db.execute(sql`select request_hash, status, body, headers from idempotency_records where credential = ${credential} and key = ${key} and expires_at > now()`),
  );
  if (!stored) return null;
  if (stored.request_hash !== hash) {
    throw new ApiError("INVALID_ARGUMENT", "This Idempotency-Key was already used with a different request", [{ field: "Idempotency-Key", description: "reused with a different method, path or body" }], {}, 422);
  }
  return { status: stored.status, body: stored.body, headers: { ...stored.headers, "Idempotent-Replayed": "true" } };
}

export async function rememberResponse(credential: string, key: string, hash: string, result: OperationResult & { status: number }): Promise<void> {
  const db = await getDb();
  await db.execute(sql`
    insert into idempotency_records (credential, key, request_hash, status, body, headers, expires_at)
    values (${credential}, ${key}, ${hash}, ${result.status}, ${JSON.stringify(result.body ?? {})}::jsonb, ${JSON.stringify(result.headers ?? {})}::jsonb, now() + make_interval(hours => ${IDEMPOTENCY_RETENTION_HOURS}))
    on conflict (credential, key) do update set request_hash = excluded.request_hash, status = excluded.status, body = excluded.body, headers = excluded.headers, created_at = now(), expires_at = excluded.expires_at`);
}

export async function pruneIdempotencyRecords(): Promise<number> {
  const db = await getDb();
  return rowsOf(await db.execute(sql`delete from idempotency_records where expires_at < now() returning 1`)).length;
}

/** Idempotency keys: 1–255 printable characters. */
export function validIdempotencyKey(key: string): boolean {
  return /^[\x21-\x7e]{1,255}$/.test(key);
}
