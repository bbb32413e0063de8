import autocannon from "autocannon";
import { pct, round } from "./stats";

/** One load run's figures: successful responses per second and latency percentiles in ms. */
export interface LoadFigures {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** CPU ms per request of the server process tree and of the database backends (from /proc). */
  serverCpuMs: number;
  dbCpuMs: number;
}

/** Cumulative CPU ms of the server under test and of the database backends, read before and after a run. */
export type CpuProbe = () => { server: number; db: number };

async function load(base: string, token: string, paths: string[], connections: number, seconds: number, cpu: CpuProbe): Promise<LoadFigures> {
  let i = 0;
  const before = cpu();
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    timeout: 10,
    headers: { authorization: `Bearer ${token}`, accept: "application/json" },
    // A different subproject per request, the same sequence on both servers.
    requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
  });
  const after = cpu();
  const perRequest = (ms: number) => round(ms / Math.max(result.requests.total, 1), 2);
  return {
    rps: round(result["2xx"] / result.duration, 0),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    serverCpuMs: perRequest(after.server - before.server),
    dbCpuMs: perRequest(after.db - before.db),
  };
}

/** Averages rounds: throughput and p50 by mean, p99 by the worst round (a budget is a ceiling). */
function combine(runs: LoadFigures[]): LoadFigures {
  const mean = (f: (r: LoadFigures) => number) => round(runs.reduce((s, r) => s + f(r), 0) / runs.length, 1);
  return {
    rps: mean((r) => r.rps),
    p50: mean((r) => r.p50),
    p99: Math.max(...runs.map((r) => r.p99)),
    non2xx: runs.reduce((s, r) => s + r.non2xx, 0),
    errors: runs.reduce((s, r) => s + r.errors, 0),
    serverCpuMs: round(mean((r) => r.serverCpuMs), 2),
    dbCpuMs: round(mean((r) => r.dbCpuMs), 2),
  };
}

/** A server under test: the app (scripts/server.ts), the same handlers as Next.js route handlers (`next start`), or the raw floor. */
export interface Contender {
  name: "floor" | "nextRoute" | "app";
  url: string;
  cpu: CpuProbe;
}

export interface ApiComparison {
  endpoint: string;
  figures: Record<Contender["name"], LoadFigures>;
  /** App throughput as a share of the floor's (budget ≥ 0.5). */
  ratio: number;
  /** The same handlers behind the Next.js route pipeline (`next start`, as the catch-all routes serve them). */
  nextRouteRatio: number;
}

/**
 * Benchmark (a): the same requests against each contender, warm-up first, then rounds that
 * rotate through them so drift in machine load (2 shared cores) hits all alike.
 */
export async function compareApi(opts: { contenders: Contender[]; token: string; endpoints: { name: string; paths: string[] }[]; connections: number; seconds: number; rounds: number; log: (s: string) => void }): Promise<ApiComparison[]> {
  const out: ApiComparison[] = [];
  for (const ep of opts.endpoints) {
    for (const c of opts.contenders) await load(c.url, opts.token, ep.paths, opts.connections, 3, c.cpu);
    const runs = new Map<Contender["name"], LoadFigures[]>(opts.contenders.map((c) => [c.name, []]));
    for (let r = 0; r < opts.rounds; r++) {
      const line: string[] = [];
      for (const c of opts.contenders) {
        const f = await load(c.url, opts.token, ep.paths, opts.connections, opts.seconds, c.cpu);
        runs.get(c.name)!.push(f);
        line.push(`${c.name} ${f.rps} req/s p99 ${f.p99} ms (${f.serverCpuMs} ms CPU/req)`);
      }
      opts.log(`  ${ep.name} round ${r + 1}: ${line.join(", ")}`);
    }
    const figures = Object.fromEntries([...runs].map(([name, xs]) => [name, combine(xs)])) as Record<Contender["name"], LoadFigures>;
    out.push({ endpoint: ep.name, figures, ratio: round(figures.app.rps / figures.floor.rps, 2), nextRouteRatio: round(figures.nextRoute.rps / figures.floor.rps, 2) });
  }
  return out;
}

async function getJson(url: string, token: string): Promise<{ subprojects: { subprojectId: string }[]; nextPageToken: string }> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${await res.text()}`);
  return res.json() as Promise<{ subprojects: { subprojectId: string }[]; nextPageToken: string }>;
}

export interface DepthFigures {
  pagesWalked: number;
  distinctIds: number;
  walkSeconds: number;
  page1: { p50: number; p99: number };
  page1000: { p50: number; p99: number };
  /** p50(page 1,000) / p50(page 1): keyset pagination keeps it near 1. */
  ratio: number;
}

/**
 * Benchmark (d): walks nextPageToken from page 1 to page 1,000 (checking no ID repeats), then
 * times page 1 and page 1,000 alternately, one request at a time, so both see the same conditions.
 */
export async function listDepth(base: string, token: string, parentId: string, samples: number, log: (s: string) => void): Promise<DepthFigures> {
  const pageUrl = (t: string) => `${base}/v1/projects/${parentId}/subprojects?pageSize=100${t ? `&pageToken=${encodeURIComponent(t)}` : ""}`;
  const seen = new Set<string>();
  let pageToken = "";
  const started = performance.now();
  let pages = 0;
  while (pages < 999) {
    const page = await getJson(pageUrl(pageToken), token);
    page.subprojects.forEach((s) => seen.add(s.subprojectId));
    pages++;
    if (!page.nextPageToken) throw new Error(`The list ended after ${pages} pages: the big project needs 100,000 live subprojects`);
    pageToken = page.nextPageToken;
  }
  const walkSeconds = round((performance.now() - started) / 1000, 1);
  log(`  walked ${pages} pages (${seen.size} distinct IDs) in ${walkSeconds} s to reach page 1,000`);
  const first: number[] = [];
  const deep: number[] = [];
  for (let i = 0; i < samples; i++) {
    for (const [url, into] of [[pageUrl(""), first], [pageUrl(pageToken), deep]] as const) {
      const t = performance.now();
      const page = await getJson(url, token);
      into.push(performance.now() - t);
      if (page.subprojects.length !== 100) throw new Error("a page of 100 was expected");
    }
  }
  const p50 = (xs: number[]) => round(pct(xs, 50), 2);
  const figures = (xs: number[]) => ({ p50: p50(xs), p99: round(pct(xs, 99), 2) });
  return { pagesWalked: pages, distinctIds: seen.size, walkSeconds, page1: figures(first), page1000: figures(deep), ratio: round(p50(deep) / p50(first), 2) };
}
