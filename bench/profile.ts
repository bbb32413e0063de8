import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Where a sampled frame's code lives, coarse enough to say which layer a request spends its CPU in. */
function layer(url: string, fn: string): string {
  if (fn === "(garbage collector)") return "garbage collection";
  if (fn === "(idle)") return "idle (waiting on network / database)";
  if (fn === "(program)") return "V8/native (program)";
  if (url.includes("/node_modules/next/")) return "Next.js (node_modules/next)";
  if (url.includes("/node_modules/postgres/")) return "postgres.js driver";
  if (url.includes("/node_modules/")) return "other node_modules";
  if (url.includes("/.next/server/")) return "app server bundle (.next/server: app, drizzle, zod, jose…)";
  if (url.startsWith("node:") || url === "") return "Node.js internals (http, streams, crypto…)";
  // The API listener and the lib/ code it runs, loaded from source by tsx (scripts/server.ts).
  if (/\/(lib|db|scripts)\/[^/]/.test(url)) return "app code loaded by tsx (lib/, db/: the /v1 path)";
  return "other";
}

export interface ProfileSummary {
  totalMs: number;
  layers: { layer: string; ms: number; share: number }[];
  top: { fn: string; where: string; ms: number; share: number }[];
}

/**
 * Self time per layer and the heaviest functions of the .cpuprofile files in `dir`, counting only
 * the last `windowMs` before the last busy sample: the load phase, without start-up and shutdown.
 */
export function summarizeProfiles(dir: string, windowMs: number, topN = 15): ProfileSummary | null {
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  if (files.length === 0) return null;
  const byLayer = new Map<string, number>();
  const byFn = new Map<string, number>();
  let totalMs = 0;
  for (const f of files) {
    const prof = JSON.parse(readFileSync(path.join(dir, f), "utf8")) as CpuProfile;
    const nodes = new Map(prof.nodes.map((n) => [n.id, n]));
    const times: number[] = [];
    let t = prof.startTime;
    for (const d of prof.timeDeltas) times.push((t += d));
    let lastBusy = prof.startTime;
    prof.samples.forEach((id, i) => {
      if (nodes.get(id)?.callFrame.functionName !== "(idle)") lastBusy = times[i]!;
    });
    const from = lastBusy - windowMs * 1000;
    prof.samples.forEach((id, i) => {
      if (times[i]! < from || times[i]! > lastBusy) return;
      const n = nodes.get(id)!;
      const ms = (prof.timeDeltas[i + 1] ?? prof.timeDeltas[i]!) / 1000;
      totalMs += ms;
      const l = layer(n.callFrame.url, n.callFrame.functionName);
      byLayer.set(l, (byLayer.get(l) ?? 0) + ms);
      const where = n.callFrame.url ? `${n.callFrame.url.replace(/^.*\/(node_modules|\.next)\//, "$1/")}:${n.callFrame.lineNumber + 1}` : "";
      const key = `${n.callFrame.functionName || "(anonymous)"}\t${where}`;
      byFn.set(key, (byFn.get(key) ?? 0) + ms);
    });
  }
  const share = (ms: number) => Math.round((ms / totalMs) * 1000) / 10;
  return {
    totalMs: Math.round(totalMs),
    layers: [...byLayer].sort((a, b) => b[1] - a[1]).map(([l, ms]) => ({ layer: l, ms: Math.round(ms), share: share(ms) })),
    top: [...byFn]
      .sort((a, b) => b[1] - a[1])
      .slice(0, topN)
      .map(([k, ms]) => ({ fn: k.split("\t")[0]!, where: k.split("\t")[1]!, ms: Math.round(ms), share: share(ms) })),
  };
}
