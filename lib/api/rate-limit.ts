import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";

export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the current window ends. */
  resetSeconds: number;
}

/**
 * Counts one hit in a fixed window shared by every server instance (a Postgres upsert, no lock
 * held across requests) and says whether it is within `limit`.
 */
export async function hitRateLimit(bucket: string, limit: number, windowSeconds: number, now = Date.now()): Promise<RateLimitResult> {
  const windowMs = windowSeconds * 1000;
  const start = Math.floor(now / windowMs) * windowMs;
  const db = await getDb();
  const [row] = rowsOf<{ hits: number }>(
    await db.execute(sql`
      insert into rate_limit_windows (bucket, window_start, hits) values (${bucket}, ${new Date(start).toISOString()}::timestamptz, 1)
      on conflict (bucket, window_start) do update set hits = rate_limit_windows.hits + 1
      returning hits`),
  );
  const hits = Number(row?.hits ?? 1);
  return { allowed: hits <= limit, limit, remaining: Math.max(0, limit - hits), resetSeconds: Math.max(1, Math.ceil((start + windowMs - now) / 1000)) };
}

/** Drops windows that ended (run from the periodic maintenance job). */
export async function pruneRateLimitWindows(olderThanSeconds = 3600): Promise<void> {
  const db = await getDb();
  await db.execute(sql`delete from rate_limit_windows where window_start < now() - make_interval(secs => ${olderThanSeconds})`);
}

export function rateLimitHeaders(result: RateLimitResult): Record<string, string> {
  const headers: Record<string, string> = {
    "RateLimit-Limit": String(result.limit),
    "RateLimit-Remaining": String(result.remaining),
    "RateLimit-Reset": String(result.resetSeconds),
  };
  if (!result.allowed) headers["Retry-After"] = String(result.resetSeconds);
  return headers;
}
