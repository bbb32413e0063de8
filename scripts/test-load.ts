/**
 * `npm run test:load`: a mixed reseller workload (LOAD_SECONDS, default 60 s, 32 clients) against
 * two production server instances sharing one PostgreSQL, then checks that nothing was lost.
 * Loopback only; bounded in time.
 */
import { randomBytes } from "node:crypto";
import { acquirePostgres, createFreshDatabase } from "./test-support/postgres";
import { portalSession, tokenFor } from "./load/client";
import { report } from "./load/report";
import { ensureBuild, startInstances, stopAll, type Instance } from "./load/servers";
import { verifyNothingLost } from "./load/verify";
import { runWorkload } from "./load/workload";

async function main(): Promise<number> {
  const seconds = Number(process.env.LOAD_SECONDS ?? 60);
  const clients = Number(process.env.LOAD_CLIENTS ?? 32);
  ensureBuild();
  const pg = await acquirePostgres();
  if (!pg.adminUrl) {
    console.error("test:load needs PostgreSQL (two servers cannot share an embedded PGlite database)");
    return 2;
  }
  console.log(`[load] database: ${pg.description}`);
  const db = await createFreshDatabase(pg.adminUrl, "load");
  let instances: Instance[] = [];
  try {
    instances = await startInstances(2, { DATABASE_URL: db.url, NEXTAUTH_SECRET: randomBytes(24).toString("hex"), API_RATE_LIMIT_BEARER: "10000000", BUILD_PORTAL_WORKER: "1" });
    process.env.DATABASE_URL = db.url;
    const { setupReseller } = await import("./load/setup");
    const reseller = await setupReseller();
    const token = await tokenFor(instances[0]!.url, reseller.keyId, reseller.secret);
    const cookie = await portalSession(instances[0]!.url, reseller.email, reseller.password);
    console.log(`[load] ${clients} clients for ${seconds} s against ${instances.map((i) => i.url).join(" and ")}`);
    const ledger = await runWorkload({ urls: instances.map((i) => i.url), projectId: reseller.projectId, accountId: reseller.accountId, token, cookie, clients, seconds });
    const { serverErrors, timeouts } = report(ledger.outcomes, seconds);
    const problems = await verifyNothingLost(db.url, reseller.projectId, reseller.accountId, ledger, { exactRents: true });
    const releases = ledger.outcomes.filter((o) => o.action === "release" && o.status === 200).length;
    console.log(`\nverified: ${ledger.subprojects.size} subprojects, ${ledger.keys.size} keys, ${ledger.rents} rentals, ${releases} releases`);
    for (const p of problems) console.log(`  PROBLEM: ${p}`);
    const ok = problems.length === 0 && serverErrors === 0 && timeouts === 0;
    console.log(`\n${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed (server errors: ${serverErrors}, client timeouts: ${timeouts}, consistency problems: ${problems.length})`);
    return ok ? 0 : 1;
  } finally {
    stopAll(instances);
    await db.drop().catch(() => {});
    await pg.stop();
  }
}

main().then((code) => process.exit(code), (error) => {
  console.error(error);
  process.exit(1);
});
