import type { LedgerRow } from "@/lib/domain/usage-ledger";
import { unitPriceMinor, type MeteredProduct } from "@/lib/domain/usage";

function normal(random: () => number): number {
  // Box–Muller; 1 - u keeps log() away from zero.
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Poisson draw: Knuth's method for small means, a rounded normal for large ones. */
export function poisson(random: () => number, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(random)));
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
}

/** Traffic by day of week (Sunday first): businesses send on weekdays. */
export const WEEKDAY_FACTOR = [0.45, 1.05, 1.1, 1.1, 1.05, 0.95, 0.55];
const MEAN_WEEKDAY_FACTOR = WEEKDAY_FACTOR.reduce((a, b) => a + b, 0) / 7;
// Spread of customer sizes: with σ = 1.3 the largest of 100,000 customers sends ~500× the median.
const SIGMA = 1.3;

export interface CustomerNode {
  id: string;
  topProjectId: string;
}

export interface CustomerProfile {
  node: CustomerNode;
  /** Expected events on an average day. */
  dailyEvents: number;
  mix: Record<MeteredProduct, number>;
  /** Relative change in volume over the simulated period (−0.2 … +0.4). */
  growth: number;
}

/** Log-normal volumes with the given mean, a product mix per customer (some never call), a trend. */
export function customerProfiles(nodes: readonly CustomerNode[], meanDailyEvents: number, random: () => number): CustomerProfile[] {
  const mu = Math.log(meanDailyEvents) - (SIGMA * SIGMA) / 2;
  return nodes.map((node) => {
    const sms = 0.3 + random();
    const voice = random() < 0.35 ? 0 : random() * 0.6;
    const verification = random() < 0.3 ? 0 : random() * 0.4;
    const sum = sms + voice + verification;
    return { node, dailyEvents: Math.exp(mu + SIGMA * normal(random)), mix: { sms: sms / sum, voice: voice / sum, verification: verification / sum }, growth: -0.2 + random() * 0.6 };
  });
}

/** The mean daily events per customer that makes `rows` ledger rows over `days` days, on average. */
export function meanForRows(rows: number, customers: number, days: number): number {
  return rows / Math.max(1, customers) / Math.max(1, days) / MEAN_WEEKDAY_FACTOR;
}

function pickProduct(mix: Record<MeteredProduct, number>, r: number): MeteredProduct {
  if (r < mix.sms) return "sms";
  return r < mix.sms + mix.voice ? "voice" : "verification";
}

function quantityOf(product: MeteredProduct, random: () => number): number {
  if (product === "verification") return 1;
  if (product === "sms") return random() < 0.85 ? 1 : 2 + Math.floor(random() * 3); // multi-part messages
  return Math.min(60, 1 + Math.floor(-Math.log(1 - random()) * 2.5)); // call minutes, mostly short
}

/**
 * One UTC day of traffic for every customer, in time order (the ledger is appended as it
 * happens), up to `until` on the current day. `dayIndex` / `days` drive each customer's trend.
 */
export function dayOfTraffic(profiles: readonly CustomerProfile[], day: string, dayIndex: number, days: number, currency: string, until: Date, random: () => number): LedgerRow[] {
  const start = Date.parse(`${day}T00:00:00Z`);
  const weekday = WEEKDAY_FACTOR[new Date(start).getUTCDay()]!;
  const prices = { sms: unitPriceMinor("sms", currency), voice: unitPriceMinor("voice", currency), verification: unitPriceMinor("verification", currency) };
  const rows: LedgerRow[] = [];
  for (const p of profiles) {
    const trend = 1 + p.growth * (days > 1 ? dayIndex / (days - 1) : 1);
    const n = poisson(random, p.dailyEvents * weekday * trend);
    for (let i = 0; i < n; i++) {
      // Most traffic in business hours (08–20 UTC), the rest around the clock.
      const ms = random() < 0.7 ? 8 * 3_600_000 + random() * 12 * 3_600_000 : random() * 86_400_000;
      const occurredAt = new Date(start + Math.floor(ms));
      if (occurredAt > until) continue;
      const product = pickProduct(p.mix, random());
      rows.push({ projectId: p.node.id, topProjectId: p.node.topProjectId, product, quantity: quantityOf(product, random), unitPriceMinor: prices[product], occurredAt });
    }
  }
  return rows.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
}
