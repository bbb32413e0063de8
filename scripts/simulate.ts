/**
 * Traffic simulator: `npm run simulate -- --days 30 [--account ID] [--rows N] [--mean N] [--seed N]`.
 * Writes realistic SMS / voice / verification usage for the existing subprojects into the
 * database the server uses (DATABASE_URL, else the embedded one in .data/: stop `npm start`
 * first in that case, since PGlite allows one process at a time).
 */
import { parseArgs } from "node:util";
import { closeDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { simulateTraffic } from "@/lib/simulator/simulate";

const USAGE = "Usage: npm run simulate -- --days 30 [--account ACCOUNT_ID] [--rows N | --mean EVENTS_PER_CUSTOMER_DAY] [--seed N] [--quiet]";

function positive(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
  return n;
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { days: { type: "string", default: "30" }, account: { type: "string" }, rows: { type: "string" }, mean: { type: "string" }, seed: { type: "string" }, quiet: { type: "boolean" }, help: { type: "boolean" } },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  try {
    const days = positive("days", values.days)!;
    if (!Number.isInteger(days) || days > 731) throw new Error("--days must be a whole number from 1 to 731");
    await migrateDatabase();
    const result = await simulateTraffic({
      days,
      accountId: values.account,
      rows: positive("rows", values.rows),
      meanDailyEvents: positive("mean", values.mean),
      seed: positive("seed", values.seed),
      log: values.quiet ? undefined : (m) => console.error(m),
    });
    console.log(`Wrote ${result.rows} usage rows for ${result.customers} subprojects in ${result.accounts} account(s) over ${days} days in ${result.seconds.toFixed(1)} s.`);
    return 0;
  } catch (error) {
    console.error(`error: ${(error as Error).message}\n${USAGE}`);
    return 1;
  } finally {
    await closeDb();
  }
}

main().then((code) => process.exit(code));
