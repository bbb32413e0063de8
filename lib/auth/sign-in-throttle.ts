import { and, eq, lt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { signInFailures } from "@/db/schema";

// Fixed 15-minute windows: 5 wrong passwords per email, 30 per client address.
const WINDOW_MS = 15 * 60 * 1000;
export const SIGN_IN_LIMITS = { email: 5, ip: 30 } as const;
type Scope = keyof typeof SIGN_IN_LIMITS;

function windowStart(now: number): Date {
  return new Date(Math.floor(now / WINDOW_MS) * WINDOW_MS);
}

/** True when the email or the address has used up its failures in the current window. */
export async function isSignInThrottled(email: string, ip: string | null, now = Date.now()): Promise<boolean> {
  const db = await getDb();
  const keys: Array<[Scope, string]> = [["email", email]];
  if (ip) keys.push(["ip", ip]);
  for (const [scope, key] of keys) {
    const [row] = await db
      .select({ failures: signInFailures.failures })
      .from(signInFailures)
      .where(and(eq(signInFailures.scope, scope), eq(signInFailures.key, key), eq(signInFailures.windowStart, windowStart(now))));
    if (row && row.failures >= SIGN_IN_LIMITS[scope]) return true;
  }
  return false;
}

/** Counts one failure for the email and the address: a single atomic upsert each, no lock held between requests. */
export async function recordSignInFailure(email: string, ip: string | null, now = Date.now()): Promise<void> {
  const db = await getDb();
  const rows = [{ scope: "email", key: email, windowStart: windowStart(now), failures: 1 }];
  if (ip) rows.push({ scope: "ip", key: ip, windowStart: windowStart(now), failures: 1 });
  await db
    .insert(signInFailures)
    .values(rows)
    .onConflictDoUpdate({
      target: [signInFailures.scope, signInFailures.key, signInFailures.windowStart],
      set: { failures: sql`${signInFailures.failures} + 1` },
    });
  // Old windows are useless; trimming them now and then keeps the table small without a cron job.
  if (Math.random() < 0.01) await pruneSignInFailures(now);
}

/** Deletes counters of windows that ended; returns how many rows went. */
export async function pruneSignInFailures(now = Date.now()): Promise<number> {
  const db = await getDb();
  const gone = await db.delete(signInFailures).where(lt(signInFailures.windowStart, new Date(now - 2 * WINDOW_MS))).returning({ key: signInFailures.key });
  return gone.length;
}
