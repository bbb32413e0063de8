import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts, projects } from "@/db/schema";
import { addDays, dayOf } from "@/lib/domain/cost-range";
import { enforceSpendCaps } from "@/lib/domain/spend-caps";
import { appendLedgerRows } from "@/lib/domain/usage-ledger";
import { prng } from "@/lib/prng";
import { customerProfiles, dayOfTraffic, meanForRows } from "./traffic";

export interface SimulateOptions {
  /** Days of history, ending now (today is filled up to the current time). */
  days: number;
  /** Only this account; default every account. */
  accountId?: string;
  /** Aim for about this many ledger rows in total (over all accounts); else `meanDailyEvents`. */
  rows?: number;
  /** Mean events per customer per day (default 12); volumes are log-normal around it. */
  meanDailyEvents?: number;
  seed?: number;
  now?: Date;
  /** Ledger rows per INSERT statement. */
  batchSize?: number;
  /** Concurrent writers (default 2: one per core of a small server). */
  lanes?: number;
  log?: (message: string) => void;
}

export interface SimulateResult {
  accounts: number;
  customers: number;
  rows: number;
  seconds: number;
}

async function customersOf(accountId: string) {
  const db = await getDb();
  // Suspended and deleted customers carry no traffic.
  return db
    .select({ id: projects.id, topProjectId: projects.parentId })
    .from(projects)
    .where(and(eq(projects.accountId, accountId), isNotNull(projects.parentId), isNull(projects.deletedAt), isNull(projects.suspendedAt)))
    .orderBy(projects.id)
    .then((rows) => rows.map((r) => ({ id: r.id, topProjectId: r.topProjectId! })));
}

/**
 * Writes realistic metered usage (SMS, voice minutes, verifications) for the existing
 * subprojects: log-normal volumes per customer, a weekday pattern, a trend, business hours.
 * Rows are appended day by day in time order, `batchSize` per multi-row INSERT that also
 * updates the rollups; the next batch is generated while the database writes the previous one.
 * Spend caps are re-checked at the end (bulk writes do not go through recordUsage).
 */
export async function simulateTraffic(options: SimulateOptions): Promise<SimulateResult> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 10_000;
  const lanes = Math.max(1, options.lanes ?? 2);
  const log = options.log ?? (() => {});
  const random = prng(options.seed ?? 42);
  const db = await getDb();
  const targets = await db
    .select({ id: accounts.id, currency: accounts.currency })
    .from(accounts)
    .where(options.accountId ? eq(accounts.id, options.accountId) : undefined);
  const perAccount = await Promise.all(targets.map(async (a) => ({ account: a, customers: await customersOf(a.id) })));
  const customers = perAccount.reduce((n, a) => n + a.customers.length, 0);
  const mean = options.rows ? meanForRows(options.rows, customers, options.days) : (options.meanDailyEvents ?? 12);
  const today = dayOf(now);
  let written = 0;
  for (const { account, customers: nodes } of perAccount) {
    if (nodes.length === 0) continue;
    const profiles = customerProfiles(nodes, mean, random);
    // Writers split by top-level project never touch the same rollup row, so they neither wait
    // for nor deadlock with each other; each keeps one statement in flight.
    const tops = [...new Set(nodes.map((n) => n.topProjectId))].sort();
    const laneOf = new Map(tops.map((t, i) => [t, i % lanes]));
    const pending: Promise<unknown>[] = Array.from({ length: lanes }, () => Promise.resolve());
    for (let d = 0; d < options.days; d++) {
      const day = addDays(today, d - options.days + 1);
      const rows = dayOfTraffic(profiles, day, d, options.days, account.currency, now, random);
      for (let lane = 0; lane < lanes; lane++) {
        const laneRows = lanes === 1 ? rows : rows.filter((r) => laneOf.get(r.topProjectId) === lane);
        for (let i = 0; i < laneRows.length; i += batchSize) {
          const batch = laneRows.slice(i, i + batchSize);
          await pending[lane];
          const write = appendLedgerRows(db, { accountId: account.id, currency: account.currency }, batch);
          // Awaited before this lane's next batch; a handler now keeps a failure from counting as unhandled meanwhile.
          write.catch(() => {});
          pending[lane] = write;
          written += batch.length;
        }
      }
      log(`${day}: ${rows.length} rows (${written} so far)`);
    }
    await Promise.all(pending);
    await enforceSpendCaps(account.id);
  }
  return { accounts: perAccount.length, customers, rows: written, seconds: (Date.now() - started) / 1000 };
}
