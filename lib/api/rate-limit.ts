import { sql } from "drizzle-orm";
import { executePrepared, getDb, rowsOf } from "@/db/client";

export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the current window ends. */
  resetSeconds: number;
}

/** A bucket's current window as this process sees it. */
interface Window {
  start: number;
  /** Hits of every instance as of this process's last write. */
  shared: number;
  /** Hits this process counted since then. */
  unsent: number;
  lastSentAt: number;
  sending: Promise<void> | null;
}

const windows = new Map<string, Window>();
/** How stale another instance's hits may be while a bucket is far from its limit. */
const SYNC_INTERVAL_MS = 1000;

/** Adds this process's unsent hits to the shared row and learns everyone's total. */
async function send(bucket: string, w: Window): Promise<void> {
  const delta = w.unsent;
  w.unsent = 0;
  w.lastSentAt = Date.now();
  try {
    const db = await getDb();
    const [row] = rowsOf<{ hits: number }>(
      await executePrepared(
        db,
        "rate_limit_hit",
        sql`insert into rate_limit_windows (bucket, window_start, hits) values (${bucket}, ${new Date(w.start).toISOString()}::timestamptz, ${delta}::int)
            on conflict (bucket, window_start) do update set hits = rate_limit_windows.hits + excluded.hits
            returning hits`,
      ),
    );
    w.shared = Number(row?.hits ?? w.shared + delta);
  } catch (error) {
    w.unsent += delta;
    throw error;
  }
}

function dropEndedWindows(now: number): void {
  for (const [bucket, w] of windows) if (w.start + 3_600_000 < now) windows.delete(bucket);
}

/**
 * Counts one hit in a fixed window shared by every server instance and says whether it is within
 * `limit`. The count lives in Postgres (an upsert, no lock held across requests), but a hit far
 * from the limit is counted in memory and sent with others at most once a second: one write per
 * key per second instead of a write on the same hot row for every request. The first hit of a
 * window, and every hit once a bucket is within 10 % of its limit, waits for the shared total, so
 * the limit holds across instances where it matters.
 */
export async function hitRateLimit(bucket: string, limit: number, windowSeconds: number, now = Date.now()): Promise<RateLimitResult> {
  const windowMs = windowSeconds * 1000;
  const start = Math.floor(now / windowMs) * windowMs;
  let w = windows.get(bucket);
  if (!w || w.start !== start) {
    if (windows.size > 50_000) dropEndedWindows(now);
    w = { start, shared: 0, unsent: 0, lastSentAt: 0, sending: null };
    windows.set(bucket, w);
  }
  w.unsent++;
  const nearLimit = limit - (w.shared + w.unsent) < Math.max(10, limit / 10);
  if (w.lastSentAt === 0 || nearLimit) {
    await w.sending;
    await send(bucket, w);
  } else if (!w.sending && Date.now() - w.lastSentAt >= SYNC_INTERVAL_MS) {
    const current = w;
    current.sending = send(bucket, current)
      .catch(() => {}) // counted again with the next send
      .finally(() => void (current.sending = null));
  }
  const hits = w.shared + w.unsent;
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
