/**
 * `npm run bench [-- options]`: issue 7's benchmarks on a production build and real PostgreSQL.
 * Provisions a throwaway database, generates the scale fixture, builds when needed, starts
 * the production server (scripts/server.ts), `next start` and the raw floor server, then runs (a) API vs floor under load, (d) list depth,
 * (b) the permission resolvers in-process, (c) the portal in Chromium, and writes bench/RESULTS.md.
 *
 * Options: --dir DIR (checkout to build and run; env BENCH_APP_DIR; default: here), --results FILE,
 * --duration S (10), --rounds N (2), --connections N (32), --subprojects N (103000), --numbers N
 * (200000), --calls N (5000), --repeat N (5), --only api,depth,authz,portal, --profile.
 * Every load loop is bounded in time and targets 127.0.0.1 only.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import postgres from "postgres";
import { acquirePostgres, createFreshDatabase, freePort } from "../scripts/test-support/postgres";
import { compareApi, listDepth } from "./api";
import { databaseBackendsCpuMs, treeCpuMs } from "./cpu";
import { benchPortal } from "./portal";
import { summarizeProfiles } from "./profile";
import { renderMarkdown, verdicts, writeResults, type AuthzFigures, type BenchReport } from "./results";
import { build, fetchToken, generateFixture, needsBuild, startServer, type Running } from "./setup";
import { pct, round } from "./stats";

const { values: opt } = parseArgs({
  options: {
    dir: { type: "string" },
    results: { type: "string" },
    duration: { type: "string", default: "10" },
    rounds: { type: "string", default: "2" },
    connections: { type: "string", default: "32" },
    // 103,000 so the big project holds ≥ 100,000 live subprojects: page 1,000 of 100 must exist.
    subprojects: { type: "string", default: "103000" },
    numbers: { type: "string", default: "200000" },
    calls: { type: "string", default: "5000" },
    repeat: { type: "string", default: "5" },
    only: { type: "string", default: "api,depth,authz,portal" },
    profile: { type: "boolean", default: false },
  },
});
const dir = path.resolve(opt.dir ?? process.env.BENCH_APP_DIR ?? process.cwd());
const resultsFile = path.resolve(opt.results ?? path.join(process.cwd(), "bench", "RESULTS.md"));
const only = new Set(opt.only.split(","));
const num = (s: string) => Number(s);
const log = (s: string) => console.log(s);
const nextBin = path.join("node_modules", "next", "dist", "bin", "next");
const SECRET = "bench-secret-not-for-production-0000000000";
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(" / ");

function sh(cmd: string, args: string[], cwd = dir): string {
  try {
    return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "unknown";
  }
}

function appEnv(databaseUrl: string, base: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: SECRET,
    NEXTAUTH_URL: base,
    // The per-key limit (6,000/min) would turn most of a 32-connection run into 429s; raised so
    // every request takes the full path, its rate-limit upsert included.
    API_RATE_LIMIT_BEARER: "1000000000",
  };
  delete env.BUILD_PORTAL_DEMO;
  delete env.API_TOKEN_SECRET;
  return env;
}

async function startApp(databaseUrl: string, port: number, nodeArgs: string[] = []): Promise<Running> {
  const base = `http://127.0.0.1:${port}`;
  return startServer(process.execPath, [...nodeArgs, "--import", "tsx", "scripts/server.ts", "-p", String(port), "-H", "127.0.0.1"], { cwd: dir, env: appEnv(databaseUrl, base), readyUrl: `${base}/readyz`, logPrefix: "scripts/server.ts" });
}

/** The same build under plain `next start`: /v1 through the Next.js route handlers (as in `next dev`). */
async function startNextRoutes(databaseUrl: string, port: number): Promise<Running> {
  const base = `http://127.0.0.1:${port}`;
  return startServer(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: dir, env: { ...appEnv(databaseUrl, base), BUILD_PORTAL_WORKER: "0" }, readyUrl: `${base}/readyz`, logPrefix: "next start" });
}

/** p50 (ms) of each SQL statement behind the portal pages, sent raw: the floor under the page timings. */
async function portalSql(sql: postgres.Sql, accountId: string, big: string): Promise<Record<string, number>> {
  const cases: Record<string, () => Promise<unknown>> = {
    "tree page of projects with subproject counts": () => sql`
      select p.id, p.display_name, (select count(*)::int from projects c where c.parent_id = p.id and c.deleted_at is null) as n
      from projects p where p.account_id = ${accountId} and p.parent_id is null and p.deleted_at is null order by p.display_name, p.id limit 51`,
    "first 50 subprojects by name": () => sql`select * from projects where parent_id = ${big} and deleted_at is null order by display_name, id limit 51`,
    "count of the big project's subprojects": () => sql`select count(*) from projects where parent_id = ${big} and deleted_at is null`,
    "first 100 subprojects by ID (API)": () => sql`select * from projects where parent_id = ${big} and deleted_at is null order by id limit 101`,
  };
  const out: Record<string, number> = {};
  for (const [name, run] of Object.entries(cases)) {
    const xs: number[] = [];
    for (let i = 0; i < 33; i++) {
      const t = performance.now();
      await run();
      if (i >= 3) xs.push(performance.now() - t);
    }
    out[name] = round(pct(xs, 50), 2);
  }
  return out;
}

async function main(): Promise<number> {
  log(`[bench] app checkout: ${dir}; results: ${resultsFile}; load average ${load()}`);
  const loadStart = load();
  const pg = await acquirePostgres();
  if (!pg.adminUrl) throw new Error("The benchmarks need a real PostgreSQL (set DATABASE_URL or install initdb)");
  const fresh = await createFreshDatabase(pg.adminUrl, "bench");
  const running: Running[] = [];
  let sql: postgres.Sql | undefined;
  const profileDir = mkdtempSync(path.join(os.tmpdir(), "bench-prof-"));
  try {
    log(`[bench] database: ${pg.description}`);
    const genStart = performance.now();
    const fx = generateFixture(dir, fresh.url, num(opt.subprojects), num(opt.numbers));
    const genSeconds = round((performance.now() - genStart) / 1000, 1);
    log(`[bench] fixture: ${fx.subprojects.total} subprojects, ${fx.numbers.added} numbers in ${genSeconds} s (generator's own total ${fx.totalMs} ms)`);
    let buildNote = "existing build, up to date";
    if (needsBuild(dir)) {
      log(`[bench] building ${dir} (next build)…`);
      const t = performance.now();
      build(dir);
      buildNote = `built for this run in ${round((performance.now() - t) / 1000, 0)} s`;
    }
    const appPort = await freePort();
    const floorPort = await freePort();
    const app = `http://127.0.0.1:${appPort}`;
    const floor = `http://127.0.0.1:${floorPort}`;
    running.push(await startApp(fresh.url, appPort));
    // The same secret as the app (and no API_TOKEN_SECRET on either), so one token serves both.
    const floorEnv: NodeJS.ProcessEnv = { ...process.env, FLOOR_PORT: String(floorPort), DATABASE_URL: fresh.url, NEXTAUTH_SECRET: SECRET };
    delete floorEnv.API_TOKEN_SECRET;
    running.push(await startServer(process.execPath, ["--import", "tsx", "bench/floor-server.ts"], { cwd: dir, env: floorEnv, readyUrl: `${floor}/v1/none`, readyStatus: 401, logPrefix: "floor" }));
    // The same handlers behind the Next.js route pipeline: what serving /v1 from Next.js costs.
    running.push(await startNextRoutes(fresh.url, await freePort()));
    const token = await fetchToken(app, fx.bootstrapKey!);
    sql = postgres(fresh.url, { max: 2, onnotice: () => {} });
    const pgVersion = (await sql<{ v: string }[]>`select version() as v`)[0]!.v.split(" on ")[0]!;
    const ids = (await sql<{ id: string }[]>`select id from projects where parent_id = ${fx.bigProjectId} and deleted_at is null order by md5(id) limit 2000`).map((r) => r.id);
    const bigLive = (await sql<{ n: number }[]>`select count(*)::int as n from projects where parent_id = ${fx.bigProjectId} and deleted_at is null`)[0]!.n;

    const report: BenchReport = {
      date: new Date().toISOString(),
      command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
      commit: sh("git", ["rev-parse", "--short", "HEAD"]) + (sh("git", ["status", "--porcelain"]) ? " + uncommitted changes" : ""),
      machine: { nproc: sh("nproc", []), memory: sh("sh", ["-c", "free -h | awk '/^Mem/ {print $2\" total, \"$7\" available\"}'"]), node: process.version, postgres: pgVersion, database: pg.description, loadStart, loadEnd: "" },
      fixture: { subprojects: fx.subprojects.total, bigProject: bigLive, numbers: fx.numbers.added, rented: fx.numbers.rented, keys: fx.accessKeys, seconds: genSeconds, command: `npm run cli -- generate --subprojects ${opt.subprojects} --numbers ${opt.numbers}` },
      build: buildNote,
    };

    if (only.has("api")) {
      log(`[bench] (a) API: ${opt.connections} connections, ${opt.rounds} × ${opt.duration} s per server`);
      const endpoints = [
        { name: "GET /v1/subprojects/{id}", paths: ids.map((id) => `/v1/subprojects/${id}`) },
        { name: "GET /v1/projects/{id}/subprojects?pageSize=100", paths: [`/v1/projects/${fx.bigProjectId}/subprojects?pageSize=100`] },
      ];
      const dbName = new URL(fresh.url).pathname.slice(1);
      const probe = (r: Running) => () => ({ server: treeCpuMs(r.child.pid!), db: databaseBackendsCpuMs(dbName) });
      const [appRun, floorRun, nextRun] = running as [Running, Running, Running];
      const contenders = [
        { name: "floor" as const, url: floor, cpu: probe(floorRun) },
        { name: "nextRoute" as const, url: nextRun.url, cpu: probe(nextRun) },
        { name: "app" as const, url: app, cpu: probe(appRun) },
      ];
      const results = await compareApi({ contenders, token, endpoints, connections: num(opt.connections), seconds: num(opt.duration), rounds: num(opt.rounds), log });
      report.api = { seconds: num(opt.duration), rounds: num(opt.rounds), connections: num(opt.connections), results };
    }
    if (only.has("depth")) {
      log("[bench] (d) list depth: page 1 vs page 1,000");
      report.depth = await listDepth(app, token, fx.bigProjectId, 100, log);
    }
    if (only.has("authz")) {
      log(`[bench] (b) authorization in-process, ${opt.calls} calls each`);
      const input = { keyId: fx.bootstrapKey!.accessKeyId, targets: ids.slice(0, 500), userId: fx.admin.userId, nodes: [fx.bigProjectId, ...ids.slice(500, 999)], calls: num(opt.calls), token, bigProjectId: fx.bigProjectId };
      const r = spawnSync(process.execPath, ["--import", "tsx", "bench/authz.ts"], { cwd: dir, env: { ...process.env, DATABASE_URL: fresh.url, NEXTAUTH_SECRET: SECRET, BENCH_AUTHZ_INPUT: JSON.stringify(input) }, encoding: "utf8", timeout: 10 * 60_000 });
      if (r.status !== 0) throw new Error(`bench/authz.ts failed: ${r.stderr}`);
      report.authz = JSON.parse(r.stdout.trim().split("\n").at(-1)!) as AuthzFigures;
    }
    if (only.has("portal")) {
      log("[bench] (c) portal in Chromium");
      const admin = { email: fx.admin.email, password: fx.admin.password ?? "" };
      report.portal = await benchPortal({ base: app, admin, bigProjectId: fx.bigProjectId, subprojectId: fx.sampleSubprojectId!, repeat: num(opt.repeat), log });
      report.portalSql = await portalSql(sql, fx.accountId, fx.bigProjectId);
    }
    if (opt.profile) {
      log("[bench] CPU profile of the app under the GET-subproject load");
      await running.shift()!.stop();
      const profiled = await startApp(fresh.url, appPort, ["--cpu-prof", `--cpu-prof-dir=${profileDir}`]);
      running.unshift(profiled);
      await autocannon({ url: app, connections: num(opt.connections), duration: num(opt.duration), headers: { authorization: `Bearer ${token}` }, requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: `/v1/subprojects/${ids[Math.floor(Math.random() * ids.length)]}` }) }] });
      await profiled.stop();
      report.profile = summarizeProfiles(profileDir, num(opt.duration) * 1000);
    }
    report.machine.loadEnd = load();

    const section = renderMarkdown(report);
    writeResults(resultsFile, section);
    log(`\n${section}\n\n[bench] wrote ${resultsFile}`);
    for (const v of verdicts(report)) log(`[bench] ${v.met ? "met   " : "MISSED"} ${v.name}`);
    return 0;
  } finally {
    for (const r of running) await r.stop().catch(() => {});
    await sql?.end({ timeout: 5 }).catch(() => {});
    await fresh.drop().catch(() => {});
    await pg.stop();
    rmSync(profileDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
