/** Percentile of a list of samples (nearest rank), e.g. pct(xs, 99). */
export function pct(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Times `fn` over `calls` sequential calls (after `warmup` untimed ones), in microseconds; stops early at `maxMs`. */
export async function timeCalls(calls: number, fn: (i: number) => Promise<unknown>, warmup = 200, maxMs = 60_000): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  const deadline = performance.now() + maxMs;
  for (let i = 0; i < calls && performance.now() < deadline; i++) {
    const start = performance.now();
    await fn(i);
    samples.push((performance.now() - start) * 1000);
  }
  return samples;
}
