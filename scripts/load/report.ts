import { percentile, type Outcome } from "./client";

/** Prints throughput, latency and status counts per action; returns the count of server errors. */
export function report(outcomes: Outcome[], seconds: number): { serverErrors: number; timeouts: number } {
  const actions = [...new Set(outcomes.map((o) => o.action))].sort();
  console.log(`\n${outcomes.length} requests in ${seconds} s = ${(outcomes.length / seconds).toFixed(1)} req/s`);
  console.log("action              count    p50 ms   p99 ms   statuses");
  for (const action of actions) {
    const mine = outcomes.filter((o) => o.action === action);
    const statuses = Object.entries(mine.reduce<Record<number, number>>((acc, o) => ((acc[o.status] = (acc[o.status] ?? 0) + 1), acc), {}))
      .map(([s, n]) => `${s}:${n}`)
      .join(" ");
    const ms = mine.map((o) => o.ms);
    console.log(`${action.padEnd(18)} ${String(mine.length).padStart(6)} ${percentile(ms, 50).toFixed(1).padStart(9)} ${percentile(ms, 99).toFixed(1).padStart(8)}   ${statuses}`);
  }
  const serverErrors = outcomes.filter((o) => o.status >= 500 && o.status !== 503).length;
  const timeouts = outcomes.filter((o) => o.status === -1).length;
  return { serverErrors, timeouts };
}
