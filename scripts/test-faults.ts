/**
 * `npm run test:faults`: (1) restarts PostgreSQL in the middle of a load run: requests during the
 * outage must get 503 UNAVAILABLE (never a 500, never a hang past the client timeout), service
 * must recover within 5 s of the database returning, and nothing partial may remain;
 * (2) kills a server instance mid-request: the client's idempotent retry against the other
 * instance must complete exactly once. Needs a PostgreSQL cluster this script can restart.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { chromium, type Page } from "@playwright/test";
import postgres from "postgres";
import { CHROMIUM_ARGS, chromiumPath } from "./test-support/chromium";
import { acquirePostgres, createFreshDatabase } from "./test-support/postgres";
import { call, CLIENT_TIMEOUT_MS, portalSession, tokenFor } from "./load/client";
import { report } from "./load/report";
import { ensureBuild, startInstances, stopAll, type Instance } from "./load/servers";
import { verifyNothingLost } from "./load/verify";
import { runWorkload } from "./load/workload";

const check = (ok: boolean, what: string, failures: string[]) => {
  console.log(`  ${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
};

interface PortalDuringOutage {
  sawUnavailable: boolean;
  recoveredAt: number;
  error: string;
  /** Document loads of the page (time, HTTP status), to tell a slow render from a failed one. */
  loads: { at: number; status: number }[];
  /** The page's own /readyz checks (status 0: failed or timed out). */
  readiness: { at: number; status: number }[];
}

/** Opens the account tree while the database is down, and waits for it to come back by itself. */
async function watchPortalPage(page: Page, base: string): Promise<PortalDuringOutage> {
  const result: PortalDuringOutage = { sawUnavailable: false, recoveredAt: 0, error: "", loads: [], readiness: [] };
  page.on("response", (r) => {
    if (r.request().resourceType() === "document") result.loads.push({ at: Date.now(), status: r.status() });
    if (r.url().endsWith("/readyz")) result.readiness.push({ at: Date.now(), status: r.status() });
  });
  page.on("requestfailed", (r) => {
    if (r.url().endsWith("/readyz")) result.readiness.push({ at: Date.now(), status: 0 });
  });
  try {
    await new Promise((r) => setTimeout(r, 300));
    await page.goto(`${base}/`);
    await page.getByText("The service is briefly unavailable").waitFor({ timeout: 3_500 });
    result.sawUnavailable = true;
    await page.getByTestId("tree-project").first().waitFor({ timeout: 15_000 });
    result.recoveredAt = Date.now();
  } catch (error) {
    result.error = String(error).split("\n")[0]!;
  }
  return result;
}

async function main(): Promise<number> {
  ensureBuild();
  const pg = await acquirePostgres();
  if (!pg.control || !pg.adminUrl) {
    console.error("test:faults needs a PostgreSQL cluster it can restart: unset DATABASE_URL and install PostgreSQL's server binaries (initdb)");
    return 2;
  }
  const db = await createFreshDatabase(pg.adminUrl, "faults");
  const secret = randomBytes(24).toString("hex");
  const env = { DATABASE_URL: db.url, NEXTAUTH_SECRET: secret, API_RATE_LIMIT_BEARER: "10000000", BUILD_PORTAL_WORKER: "1" };
  let instances: Instance[] = [];
  const failures: string[] = [];
  try {
    instances = await startInstances(2, env);
    process.env.DATABASE_URL = db.url;
    const { setupReseller } = await import("./load/setup");
    const reseller = await setupReseller();
    const token = await tokenFor(instances[0]!.url, reseller.keyId, reseller.secret);
    const cookie = await portalSession(instances[0]!.url, reseller.email, reseller.password);

    console.log("\n[faults] part 1: PostgreSQL goes down for 4 s in the middle of a 25 s load run");
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    const context = await browser.newContext();
    const [name, ...value] = cookie.split("=");
    await context.addCookies([{ name: name!, value: value.join("="), url: instances[0]!.url }]);
    const page = await context.newPage();
    let portal: PortalDuringOutage = { sawUnavailable: false, recoveredAt: 0, error: "not run", loads: [], readiness: [] };
    let downAt = 0;
    let upAt = 0;
    const outage = (async () => {
      await new Promise((r) => setTimeout(r, 8_000));
      downAt = Date.now();
      pg.control!.stopServer();
      const watched = watchPortalPage(page, instances[0]!.url);
      await new Promise((r) => setTimeout(r, 4_000));
      pg.control!.startServer();
      upAt = Date.now();
      portal = await watched;
    })();
    const ledger = await runWorkload({ urls: instances.map((i) => i.url), projectId: reseller.projectId, accountId: reseller.accountId, token, cookie, clients: 16, seconds: 25 });
    await outage;
    const { serverErrors, timeouts } = report(ledger.outcomes, 25);
    const during = ledger.outcomes.filter((o) => o.at >= downAt && o.at < upAt);
    const unavailable = during.filter((o) => o.status === 503);
    const envelopes = unavailable.every((o) => (o.body as { error?: { status?: string; code?: unknown } })?.error?.status === "UNAVAILABLE" || (o.body as { error?: { code?: string } })?.error?.code === "UNAVAILABLE");
    const firstOkAfter = ledger.outcomes.filter((o) => o.at >= upAt && o.status === 200).sort((a, b) => a.at + a.ms - (b.at + b.ms))[0];
    const recoveryMs = firstOkAfter ? firstOkAfter.at + firstOkAfter.ms - upAt : Infinity;
    console.log(`  outage ${upAt - downAt} ms: ${during.length} requests started, ${unavailable.length} answered 503; first success ${recoveryMs.toFixed(0)} ms after the database returned`);
    check(serverErrors === 0, `no 500 (or other 5xx but 503) responses (saw ${serverErrors})`, failures);
    check(timeouts === 0, `no request hung past the ${CLIENT_TIMEOUT_MS / 1000} s client timeout (saw ${timeouts})`, failures);
    check(unavailable.length > 0, "requests during the outage were answered 503", failures);
    check(envelopes, "every 503 carries the UNAVAILABLE error envelope", failures);
    await browser.close();
    const pageBack = portal.recoveredAt ? portal.recoveredAt - upAt : Infinity;
    console.log(`  portal page opened during the outage: ${portal.sawUnavailable ? "said the service is briefly unavailable" : `did not say so (${portal.error})`}; showed the tree ${Number.isFinite(pageBack) ? `${pageBack} ms after the database returned` : "never"}`);
    console.log(`  its document loads (ms after the database returned: status): ${portal.loads.map((l) => `${l.at - upAt}: ${l.status}`).join(", ")}${portal.error ? `; ${portal.error}` : ""}; its /readyz checks: ${portal.readiness.map((l) => `${l.at - upAt}: ${l.status}`).join(", ")}`);
    check(portal.sawUnavailable, "a portal page opened during the outage says the service is briefly unavailable", failures);
    check(pageBack <= 5_000, "that page reloaded by itself within 5 s of the database returning", failures);
    check(recoveryMs <= 5_000, `service recovered within 5 s of the database returning (${recoveryMs.toFixed(0)} ms)`, failures);
    const problems = await verifyNothingLost(db.url, reseller.projectId, reseller.accountId, ledger, { exactRents: false });
    for (const p of problems) console.log(`    ${p}`);
    check(problems.length === 0, "no partial subproject, key or number assignment; every 200 took effect", failures);

    console.log("\n[faults] part 2: a server instance is killed mid-request; the idempotent retry goes to the other one");
    const sql = postgres(db.url, { max: 1, onnotice: () => {} });
    try {
      for (let round = 0; round < 3; round++) {
        const [victim] = await startInstances(1, env);
        const survivor = instances[round % 2]!;
        const key = `kill-${round}-${randomUUID().slice(0, 8)}`;
        const body = { displayName: key };
        const headers = { "idempotency-key": key };
        const inFlight = call("createSubproject", `${victim!.url}/v1/projects/${reseller.projectId}/subprojects`, { method: "POST", token, headers, body });
        await new Promise((r) => setTimeout(r, 5 + round * 10));
        victim!.kill("SIGKILL");
        const first = await inFlight;
        let retry = await call("createSubproject", `${survivor.url}/v1/projects/${reseller.projectId}/subprojects`, { method: "POST", token, headers, body });
        // As a client with an Idempotency-Key does: retry while the first attempt is still held
        // (409) or the instance answers 503 with Retry-After.
        for (let i = 0; i < 10 && (retry.status === 409 || retry.status === 503); i++) {
          await new Promise((r) => setTimeout(r, 300));
          retry = await call("createSubproject", `${survivor.url}/v1/projects/${reseller.projectId}/subprojects`, { method: "POST", token, headers, body });
        }
        const [{ n }] = (await sql`select count(*)::int as n from projects where parent_id = ${reseller.projectId} and display_name = ${key}`) as unknown as [{ n: number }];
        console.log(`  round ${round + 1}: killed instance answered ${first.status || "nothing"}; retry on the other answered ${retry.status}${retry.status === 200 ? "" : ` ${JSON.stringify(retry.body).slice(0, 120)}`}; subprojects named ${key}: ${n}`);
        check(retry.status === 200 && n === 1, `round ${round + 1}: the retry completed and the subproject exists exactly once`, failures);
      }
    } finally {
      await sql.end();
    }
    console.log("\n[faults] part 3: SIGTERM while requests are in flight (graceful shutdown)");
    const [draining] = await startInstances(1, env);
    const target = [...ledger.subprojects.values()][0]!;
    const locker = postgres(db.url, { max: 1, onnotice: () => {} });
    let inFlight: ReturnType<typeof call>[] = [];
    try {
      // Hold the subproject's row lock so the PATCHes below are provably in flight (waiting
      // inside the server) when SIGTERM arrives; committing releases it a second later.
      await locker.begin(async (tx) => {
        await tx`select 1 from projects where id = ${target} for update`;
        inFlight = Array.from({ length: 3 }, (_, i) =>
          call("patchSubproject", `${draining!.url}/v1/subprojects/${target}`, { method: "PATCH", token, body: { displayName: `draining ${i}` } }),
        );
        await new Promise((r) => setTimeout(r, 1_000));
        draining!.kill("SIGTERM");
        await new Promise((r) => setTimeout(r, 1_000));
      });
    } finally {
      await locker.end();
    }
    const finished = await Promise.all(inFlight);
    const exitCode = await new Promise<number | null>((resolve) => {
      if (draining!.process.exitCode !== null) return resolve(draining!.process.exitCode);
      draining!.process.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : null)));
      setTimeout(() => resolve(null), 15_000);
    });
    console.log(`  in-flight answers: ${finished.map((o) => o.status).join(" ")}; process exited with ${exitCode}`);
    check(finished.length === 3 && finished.every((o) => o.status === 200), "every request in flight at SIGTERM completed with 200", failures);
    check(exitCode !== null, "the instance exited by itself after draining", failures);

    console.log(`\n${failures.length === 0 ? 1 : 0} passed, ${failures.length === 0 ? 0 : 1} failed`);
    return failures.length === 0 ? 0 : 1;
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
