import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { ApiComparison, DepthFigures } from "./api";
import type { PortalFigures } from "./portal";
import type { ProfileSummary } from "./profile";

type Timing = { calls: number; p50us: number; p99us: number };
export interface AuthzFigures {
  authorizeKey: Timing & { statementsPerCall: number; roundTripsPerCall: number };
  authorizeKeyRaw: Timing & { roundTripsPerCall: number; unnamedRoundTripsPerCall: number };
  authorizeKeyRawUnnamed: Timing;
  resolveNodeAccess: Timing & { statementsPerCall: number; roundTripsPerCall: number };
  resolveNodeAccessRaw: Timing;
  components: Record<"verifyAccessToken" | "hitRateLimit" | "getNode" | "listSubprojectsById", Timing> & { roundTrips: { hitRateLimit: number; getNode: number } };
}

export interface BenchReport {
  date: string;
  command: string;
  commit: string;
  machine: { nproc: string; memory: string; node: string; postgres: string; database: string; loadStart: string; loadEnd: string };
  fixture: { subprojects: number; bigProject: number; numbers: number; rented: number; keys: number; seconds: number; command: string };
  build: string;
  api?: { seconds: number; rounds: number; connections: number; results: ApiComparison[] };
  depth?: DepthFigures;
  authz?: AuthzFigures;
  portal?: PortalFigures;
  portalSql?: Record<string, number>;
  profile?: ProfileSummary | null;
}

const START = "<!-- bench:start — written by `npm run bench` (bench/run.ts); everything outside these markers is kept -->";
const END = "<!-- bench:end -->";
const ok = (met: boolean) => (met ? "**met**" : "**missed**");
const n = (x: number) => x.toLocaleString("en");

/** The budgets of issue 7, judged the same way in the console and in RESULTS.md. */
export function verdicts(r: BenchReport): { name: string; met: boolean }[] {
  const out: { name: string; met: boolean }[] = [];
  // Each budget on its own row, with the floor's figure beside a latency budget: on 2 shared
  // cores the floor's own p99 is the limit any server of this stack can reach.
  for (const a of r.api?.results ?? []) {
    out.push({ name: `API ${a.endpoint}: throughput ≥ 50 % of the floor's`, met: a.ratio >= 0.5 && a.figures.app.non2xx === 0 });
    out.push({ name: `API ${a.endpoint}: p99 < 25 ms at ${r.api!.connections} connections (floor's own p99: ${a.figures.floor.p99} ms)`, met: a.figures.app.p99 < 25 });
  }
  if (r.authz) {
    for (const [name, own, raw] of [
      ["authorizeKey", r.authz.authorizeKey, r.authz.authorizeKeyRaw],
      ["resolveNodeAccess", r.authz.resolveNodeAccess, r.authz.resolveNodeAccessRaw],
    ] as const) {
      out.push({ name: `${name}: one statement, one round trip`, met: own.statementsPerCall <= 1 && own.roundTripsPerCall <= 1 });
      out.push({ name: `${name}: p99 ≤ 1 ms including the query (the same SQL sent raw: p99 ${raw.p99us} µs)`, met: own.p99us <= 1000 });
    }
  }
  if (r.portal) {
    out.push({ name: "account tree TTFB < 300 ms", met: r.portal.pages[0]!.ttfb < 300 });
    out.push({ name: "first page of subprojects < 150 ms server time (JSON route p50)", met: r.portal.firstPageJson.p50 < 150 });
    out.push({ name: "first page of subprojects < 150 ms server time (project page TTFB)", met: r.portal.pages[1]!.ttfb < 150 });
  }
  if (r.depth) out.push({ name: "list depth: page 1,000 / page 1 near 1 (≤ 1.5)", met: r.depth.ratio <= 1.5 });
  return out;
}

export function renderMarkdown(r: BenchReport): string {
  const L: string[] = [START, "## API, authorization, portal and list-depth benchmarks (issue 7)", ""];
  L.push(`- **Run**: ${r.date}, commit \`${r.commit}\`, command \`${r.command}\``);
  L.push(`- **Machine**: ${r.machine.nproc} cores (\`nproc\`); memory (\`free -h\`): ${r.machine.memory}; Node ${r.machine.node}; ${r.machine.postgres}; database: ${r.machine.database}`);
  L.push(`- **Load average** (1/5/15 min, shared machine): ${r.machine.loadStart} at start, ${r.machine.loadEnd} at end`);
  L.push(`- **Fixture**: \`${r.fixture.command}\` → ${n(r.fixture.subprojects)} subprojects (${n(r.fixture.bigProject)} in the big project), ${n(r.fixture.numbers)} numbers (${n(r.fixture.rented)} rented), ${n(r.fixture.keys)} subproject keys, in ${r.fixture.seconds} s`);
  L.push(`- **Server**: scripts/server.ts as \`npm start\` runs it (production build: ${r.build}; /v1 on node:http, pages on Next.js), one process, DATABASE_POOL_SIZE 10; floor: bench/floor-server.ts (node:http + postgres.js, pool 10)`, "");
  L.push("| budget | result |", "| --- | --- |", ...verdicts(r).map((v) => `| ${v.name} | ${ok(v.met)} |`), "");
  if (r.api) {
    L.push(`### a. API under load: ${r.api.connections} connections, ${r.api.rounds} × ${r.api.seconds} s per server, rotating floor → Next.js route handler → app`, "");
    L.push("| endpoint | server | req/s | p50 / p99 ms | ÷ floor | non-2xx | server CPU ms/req | DB backends CPU ms/req |", "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    const label = { app: "app (scripts/server.ts, as `npm start`)", nextRoute: "same handlers as Next.js route handlers (`next start`)", floor: "floor (bench/floor-server.ts)" } as const;
    for (const a of r.api.results) {
      for (const name of ["app", "nextRoute", "floor"] as const) {
        const f = a.figures[name];
        L.push(`| \`${a.endpoint}\` | ${label[name]} | ${n(f.rps)} | ${f.p50} / ${f.p99} | ${name === "app" ? `**${a.ratio}**` : name === "nextRoute" ? a.nextRouteRatio : 1} | ${f.non2xx} | ${f.serverCpuMs} | ${f.dbCpuMs} |`);
      }
    }
    L.push("", "CPU per request comes from /proc (user + system time of the server's process tree and of the PostgreSQL backends of the bench database): unlike latency it stays meaningful when other work shares the 2 cores.", "");
  }
  if (r.authz) {
    const z = r.authz;
    L.push(`### b. Authorization, in-process, ${n(z.authorizeKey.calls)} sequential calls each (µs)`, "");
    L.push("| check | p50 | p99 | statements / call | network round trips / call | same SQL raw (postgres.js, prepared) p50 / p99 | resolver ÷ raw (p50) |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    L.push(`| \`authorizeKey\` | ${z.authorizeKey.p50us} | ${z.authorizeKey.p99us} | ${z.authorizeKey.statementsPerCall} | ${z.authorizeKey.roundTripsPerCall} | ${z.authorizeKeyRaw.p50us} / ${z.authorizeKeyRaw.p99us} (${z.authorizeKeyRaw.roundTripsPerCall} trip; unnamed: ${z.authorizeKeyRaw.unnamedRoundTripsPerCall}) | ${(z.authorizeKey.p50us / z.authorizeKeyRaw.p50us).toFixed(2)} |`);
    L.push(`| \`resolveNodeAccess\` | ${z.resolveNodeAccess.p50us} | ${z.resolveNodeAccess.p99us} | ${z.resolveNodeAccess.statementsPerCall} | ${z.resolveNodeAccess.roundTripsPerCall} | ${z.resolveNodeAccessRaw.p50us} / ${z.resolveNodeAccessRaw.p99us} | ${(z.resolveNodeAccess.p50us / z.resolveNodeAccessRaw.p50us).toFixed(2)} |`, "");
    L.push(`The key statement sent raw but unnamed, as drizzle sends it (Parse/Describe, wait, Bind/Execute; planned every time): p50 ${z.authorizeKeyRawUnnamed.p50us} µs, p99 ${z.authorizeKeyRawUnnamed.p99us} µs.`, "");
    const c = z.components;
    L.push("Other steps of one `/v1` request, timed alone (µs, p50 / p99): " + [`JWT verify ${c.verifyAccessToken.p50us} / ${c.verifyAccessToken.p99us}`, `rate-limit upsert ${c.hitRateLimit.p50us} / ${c.hitRateLimit.p99us} (${c.roundTrips.hitRateLimit} round trips)`, `subproject fetch via drizzle ${c.getNode.p50us} / ${c.getNode.p99us} (${c.roundTrips.getNode} round trips)`, `list page of 100 ${c.listSubprojectsById.p50us} / ${c.listSubprojectsById.p99us}`].join("; ") + ".", "");
  }
  if (r.portal) {
    const p = r.portal;
    L.push("### c. Portal in Chromium, signed in as the fixture admin (ms, medians)", "");
    L.push("| page | TTFB (server) | TTFB p90 | interactive (element visible + hydrated) | DOMContentLoaded | TTFB ÷ /healthz | requests per load (of them RSC prefetches) |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const pg of p.pages) L.push(`| ${pg.name} \`${pg.path.replace(/[0-9a-f]{32}|[0-9A-Z]{26}/g, "…")}\` | ${pg.ttfb} | ${pg.ttfbP90} | ${pg.interactive} | ${pg.domContentLoaded} | ${(pg.ttfb / p.healthz.p50).toFixed(1)} | ${pg.requests} (${pg.prefetches}) |`);
    L.push("", `First page of subprojects through the portal JSON route \`/api/projects/{big}/subprojects\`: p50 **${p.firstPageJson.p50} ms**, p99 ${p.firstPageJson.p99} ms over ${p.firstPageJson.samples} requests; \`/healthz\` p50 ${p.healthz.p50} ms.`);
    if (r.portalSql) L.push("", "SQL behind these pages, sent raw (ms, p50 of 30): " + Object.entries(r.portalSql).map(([k, v]) => `${k} ${v}`).join("; ") + ".");
    L.push("");
  }
  if (r.depth) {
    const d = r.depth;
    L.push("### d. List depth (`GET /v1/projects/{big}/subprojects?pageSize=100`, one request at a time)", "");
    L.push(`Walked nextPageToken through ${n(d.pagesWalked)} pages (${n(d.distinctIds)} distinct IDs, none repeated) in ${d.walkSeconds} s. Page 1: p50 ${d.page1.p50} ms, p99 ${d.page1.p99} ms; page 1,000: p50 ${d.page1000.p50} ms, p99 ${d.page1000.p99} ms; **ratio ${d.ratio}**.`, "");
  }
  if (r.profile) {
    L.push(`### CPU profile of the app server under the GET-subproject load (\`node --cpu-prof\`, ${n(r.profile.totalMs)} ms sampled)`, "");
    L.push("| layer | self time ms | share |", "| --- | ---: | ---: |", ...r.profile.layers.map((l) => `| ${l.layer} | ${n(l.ms)} | ${l.share} % |`), "");
    L.push("| heaviest functions (self time) | where | share |", "| --- | --- | ---: |", ...r.profile.top.map((t) => `| \`${t.fn}\` | ${t.where} | ${t.share} % |`), "");
  }
  L.push(END);
  return L.join("\n");
}

/** Replaces this benchmark's section of RESULTS.md (re-read now, so others' sections survive). */
export function writeResults(file: string, section: string): void {
  const current = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmark results\n";
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const next =
    start >= 0 && end > start ? current.slice(0, start) + section + current.slice(end + END.length) : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}
