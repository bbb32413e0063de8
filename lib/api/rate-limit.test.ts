import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { hitRateLimit } from "./rate-limit";

const WINDOW = 60;
const windowStart = (now: number) => new Date(Math.floor(now / (WINDOW * 1000)) * WINDOW * 1000).toISOString();

async function storedHits(bucket: string): Promise<number | null> {
  const db = await getDb();
  const [row] = rowsOf<{ hits: number }>(await db.execute(sql`select hits from rate_limit_windows where bucket = ${bucket}`));
  return row ? Number(row.hits) : null;
}

/** Hits another server instance recorded in the shared row. */
async function otherInstanceHits(bucket: string, now: number, hits: number): Promise<void> {
  const db = await getDb();
  await db.execute(sql`insert into rate_limit_windows (bucket, window_start, hits) values (${bucket}, ${windowStart(now)}::timestamptz, ${hits})
    on conflict (bucket, window_start) do update set hits = rate_limit_windows.hits + excluded.hits`);
}

describe("rate limits shared by server instances", () => {
  it("near the limit every hit waits for the shared count, so other instances' hits count at once", async () => {
    const bucket = `test:near:${Math.random()}`;
    const now = Date.now();
    await otherInstanceHits(bucket, now, 95);
    const first = await hitRateLimit(bucket, 100, WINDOW, now);
    expect(first).toMatchObject({ allowed: true, remaining: 4 });
    await otherInstanceHits(bucket, now, 3);
    expect(await hitRateLimit(bucket, 100, WINDOW, now)).toMatchObject({ allowed: true, remaining: 0 });
    expect(await hitRateLimit(bucket, 100, WINDOW, now)).toMatchObject({ allowed: false, remaining: 0 });
    expect(await storedHits(bucket)).toBe(101);
  });

  it("far from the limit, hits are counted in memory and written at most once a second", async () => {
    const bucket = `test:far:${Math.random()}`;
    const now = Date.now();
    const results = [];
    for (let i = 0; i < 20; i++) results.push(await hitRateLimit(bucket, 10_000, WINDOW, now));
    // Each caller still sees the exact count (this instance's hits are all local).
    expect(results.map((r) => r.remaining)).toEqual(Array.from({ length: 20 }, (_, i) => 10_000 - i - 1));
    // Only the window's first hit went to the database so far.
    expect(await storedHits(bucket)).toBe(1);
    await new Promise((r) => setTimeout(r, 1_050));
    await hitRateLimit(bucket, 10_000, WINDOW, now);
    await expect.poll(() => storedHits(bucket), { timeout: 3_000 }).toBe(21);
  });

  it("a new window starts from zero", async () => {
    const bucket = `test:window:${Math.random()}`;
    const now = Date.now();
    await hitRateLimit(bucket, 2, WINDOW, now);
    await hitRateLimit(bucket, 2, WINDOW, now);
    expect(await hitRateLimit(bucket, 2, WINDOW, now)).toMatchObject({ allowed: false });
    expect(await hitRateLimit(bucket, 2, WINDOW, now + WINDOW * 1000)).toMatchObject({ allowed: true, remaining: 1 });
  });
});
