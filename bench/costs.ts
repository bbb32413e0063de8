/**
 * Cost report benchmark: `npm run bench:costs -- [--subprojects 100000] [--rows 10000000] [--runs 15] [--keep]`.
 *
 * In a dedicated, freshly created PostgreSQL database: a reseller with `--subprojects`
 * subprojects (multi-row inserts), one full calendar month of simulated traffic of about `--rows`
 * ledger rows (the traffic simulator), then the median time of a one-month cost report for the
 * account and for one subproject (from rollups), against the same report computed from the raw
 * ledger. Budget: 300 ms at the median for each rollup report.
 *
 * `--keep` keeps the database when DATABASE_URL points at a server (an initdb cluster goes
 * away with the run); `--reuse URL` measures again on such a kept database without regenerating.
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { closeDb, getDb, rowsOf } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { addDays, addMonths, dayOf, monthOf, type DayRange } from "@/lib/domain/cost-range";
import { costReport } from "@/lib/domain/cost-reports";
import type { CostScope } from "@/lib/domain/cost-scope";
import { createBulkTree } from "@/lib/simulator/bulk-tree";
import { ledgerReport } from "@/lib/simulator/ledger-report";
import { simulateTraffic } from "@/lib/simulator/simulate";
import { acquirePostgres, createFreshDatabase } from "@/scripts/test-support/postgres";

const BUDGET_MS = 300;

const { values } = parseArgs({
  options: {
    subprojects: { type: "string", default: "100000" },
    rows: { type: "string", default: "10000000" },
    projects: { type: "string", default: "20" },
    runs: { type: "string", default: "15" },
    "raw-runs": { type: "string", default: "3" },
    keep: { type: "boolean", default: false },
    reuse: { type: "string" },
  },
});
const subprojects = Number(values.subprojects);
const targetRows = Number(values.rows);
const runs = Number(values.runs);
const rawRuns = Number(values["raw-runs"]);

async function medianMs(n: number, task: () => Promise<unknown>): Promise<number> {
  await task(); // warm-up: plans and caches, as on a server that has been running
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await task();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const log = (m: string) => console.error(`[bench:costs] ${m}`);

async function generate(month: DayRange, days: number) {
  let t = performance.now();
  const tree = await createBulkTree({ name: "Bench reseller", projects: Number(values.projects), subprojects, log: (m) => (/0000 /.test(m) ? log(m) : undefined) });
  const treeSeconds = (performance.now() - t) / 1000;
  log(`created ${subprojects} subprojects in ${treeSeconds.toFixed(1)} s`);
  t = performance.now();
  const simulated = await simulateTraffic({ days, accountId: tree.accountId, rows: targetRows, now: new Date(`${month.to}T23:59:59.999Z`), log });
  const simSeconds = (performance.now() - t) / 1000;
  log(`simulated ${simulated.rows} ledger rows in ${simSeconds.toFixed(1)} s (${Math.round(simulated.rows / simSeconds)} rows/s)`);
  return { accountId: tree.accountId, setup: `subprojects ${treeSeconds.toFixed(1)} s, simulator ${simSeconds.toFixed(1)} s (${Math.round(simulated.rows / simSeconds)} rows/s)` };
}

async function main() {
  // The last complete calendar month: a one-month report then covers exactly the simulated traffic.
  const month: DayRange = { from: addMonths(dayOf(new Date()), -1), to: addDays(monthOf(dayOf(new Date())), -1) };
  const days = Math.round((Date.parse(`${month.to}T00:00:00Z`) - Date.parse(`${month.from}T00:00:00Z`)) / 86_400_000) + 1;
  const pg = values.reuse ? null : await acquirePostgres();
  if (pg && !pg.adminUrl) throw new Error("This benchmark needs a PostgreSQL server (DATABASE_URL or initdb); PGlite is not representative.");
  const fresh = pg ? await createFreshDatabase(pg.adminUrl!, "bench_costs") : null;
  process.env.DATABASE_URL = fresh?.url ?? values.reuse!;
  log(pg ? `database: ${pg.description}, fresh database ${new URL(fresh!.url).pathname.slice(1)}` : `reusing ${values.reuse}`);
  try {
    await migrateDatabase();
    let accountId: string;
    let setup = "reused";
    if (values.reuse) {
      const [biggest] = rowsOf<{ account_id: string }>(await (await getDb()).execute(sql`select account_id from projects where parent_id is not null group by 1 order by count(*) desc limit 1`));
      accountId = biggest!.account_id;
    } else ({ accountId, setup } = await generate(month, days));
    const tree = { accountId };
    const db = await getDb();
    await db.execute(sql`vacuum analyze`);
    const [counts] = rowsOf<Record<string, string>>(
      await db.execute(sql`select (select count(*) from usage_events) as ledger, (select count(*) from projects where parent_id is not null) as subprojects, (select count(*) from usage_daily_rollups) as daily,
        (select count(*) from usage_monthly_rollups) as monthly, (select count(*) from usage_daily_project_rollups) as project_daily`),
    );
    // The subproject with the most usage: the largest report a single customer can ask for.
    const [busiest] = rowsOf<{ project_id: string; top_project_id: string }>(
      await db.execute(sql`select project_id, top_project_id from usage_monthly_rollups where account_id = ${tree.accountId}::uuid and month = ${month.from}::date order by amount_minor desc limit 1`),
    );
    const accountScope: CostScope = { kind: "account", accountId: tree.accountId };
    const subScope: CostScope = { kind: "subproject", accountId: tree.accountId, projectId: busiest!.project_id, parentId: busiest!.top_project_id };

    const report = await costReport(accountScope, month, { by: "subproject" });
    const raw = await ledgerReport(accountScope, month);
    if (report.totalMinor !== raw.totalMinor) throw new Error(`rollups (${report.totalMinor}) and ledger (${raw.totalMinor}) disagree`);

    const results = [
      { name: "account, one month", rollup: await medianMs(runs, () => costReport(accountScope, month, { by: "subproject" })), raw: await medianMs(rawRuns, () => ledgerReport(accountScope, month)) },
      { name: "subproject, one month", rollup: await medianMs(runs, () => costReport(subScope, month, { by: "product" })), raw: await medianMs(runs, () => ledgerReport(subScope, month)) },
    ];
    // Not budgeted: a window that cuts the month reads the month minus the day left out (daily rollups).
    const shifted = { from: addDays(month.from, 1), to: month.to };
    const partial = await medianMs(Math.min(runs, 5), () => costReport(accountScope, shifted, { by: "subproject" }));

    console.log(`\nCost reports — ${Number(counts!.ledger).toLocaleString("en")} ledger rows, ${Number(counts!.subprojects).toLocaleString("en")} subprojects, month ${month.from}..${month.to}`);
    console.log(`rollup rows: ${Number(counts!.daily).toLocaleString("en")} daily, ${Number(counts!.monthly).toLocaleString("en")} monthly, ${Number(counts!.project_daily).toLocaleString("en")} per-project daily`);
    console.log(`setup: ${setup}`);
    console.log(`median of ${runs} runs (raw account scan: ${rawRuns}); budget ${BUDGET_MS} ms per rollup report`);
    for (const r of results) {
      console.log(`  ${r.name.padEnd(24)} rollups ${r.rollup.toFixed(1).padStart(8)} ms   raw ledger ${r.raw.toFixed(1).padStart(9)} ms   ratio ${(r.raw / r.rollup).toFixed(1).padStart(6)}×   ${r.rollup < BUDGET_MS ? "within budget" : "OVER BUDGET"}`);
    }
    console.log(`  ${"account, days 2..end".padEnd(24)} rollups ${partial.toFixed(1).padStart(8)} ms   (cuts the month: monthly rollups minus one day of daily ones; not budgeted)`);
    process.exitCode = results.every((r) => r.rollup < BUDGET_MS) ? 0 : 1;
  } finally {
    await closeDb();
    if (fresh && !values.keep) await fresh.drop();
    else if (fresh) log(`kept database: ${fresh.url}`);
    await pg?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
