import { randomUUID } from "node:crypto";
import { call, type Outcome } from "./client";

/** What the clients did successfully, to be checked against the database afterwards. */
export interface Ledger {
  subprojects: Map<string, string>; // idempotency key → subproject ID
  keys: Set<string>;
  numbers: Map<string, string | null>; // phone number → holder (null once released)
  rents: number;
  outcomes: Outcome[];
}

export interface WorkloadConfig {
  urls: string[];
  projectId: string;
  accountId: string;
  token: string;
  cookie: string;
  clients: number;
  seconds: number;
}

const REGIONS = ["US", "GB", "DE", "SE", "FR", "AU", "CA"];
const pick = <T>(items: T[]): T | undefined => items[Math.floor(Math.random() * items.length)];

/**
 * A mixed reseller workload: onboarding with idempotent retries, listing, key creation,
 * renting and releasing numbers, and portal reads, spread over every instance.
 */
export async function runWorkload(cfg: WorkloadConfig): Promise<Ledger> {
  const ledger: Ledger = { subprojects: new Map(), keys: new Set(), numbers: new Map(), rents: 0, outcomes: [] };
  const deadline = Date.now() + cfg.seconds * 1000;
  let sequence = 0;
  const url = () => cfg.urls[sequence++ % cfg.urls.length]!;
  const created = () => [...ledger.subprojects.values()];

  async function createSubproject(client: number) {
    const key = `load-${client}-${randomUUID().slice(0, 8)}`;
    // Retried with the same Idempotency-Key on another instance until it lands: exactly once.
    for (let attempt = 0; attempt < 5 && Date.now() < deadline + 15_000; attempt++) {
      const o = await call("createSubproject", `${url()}/v1/projects/${cfg.projectId}/subprojects`, { method: "POST", token: cfg.token, headers: { "idempotency-key": key }, body: { displayName: key, labels: { client: String(client) } } });
      ledger.outcomes.push(o);
      if (o.status === 200) return ledger.subprojects.set(key, (o.body as { subprojectId: string }).subprojectId);
      if (o.status > 0 && o.status < 500 && o.status !== 409 && o.status !== 429) return;
      await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
    }
  }

  async function step(client: number) {
    const roll = Math.random();
    if (roll < 0.25 || created().length < 5) return createSubproject(client);
    if (roll < 0.45) {
      ledger.outcomes.push(await call("listSubprojects", `${url()}/v1/projects/${cfg.projectId}/subprojects?pageSize=50`, { token: cfg.token }));
      return;
    }
    if (roll < 0.55) {
      const sub = pick(created())!;
      const o = await call("createKey", `${url()}/v1/projects/${sub}/accessKeys`, { method: "POST", token: cfg.token, body: { displayName: `k-${randomUUID().slice(0, 8)}` } });
      ledger.outcomes.push(o);
      if (o.status === 200) ledger.keys.add((o.body as { accessKey: { accessKeyId: string } }).accessKey.accessKeyId);
      return;
    }
    if (roll < 0.72) {
      const sub = pick(created())!;
      const o = await call("rentAny", `${url()}/v1/projects/${sub}/availableNumbers:rentAny`, { method: "POST", token: cfg.token, body: { regionCode: pick(REGIONS), type: "MOBILE" } });
      ledger.outcomes.push(o);
      if (o.status === 200) {
        ledger.numbers.set((o.body as { phoneNumber: string }).phoneNumber, sub);
        ledger.rents++;
      }
      return;
    }
    if (roll < 0.82) {
      const held = [...ledger.numbers.entries()].filter(([, holder]) => holder);
      const choice = pick(held);
      if (!choice) return;
      const [number, holder] = choice;
      ledger.numbers.set(number, null); // claimed by this client, so no other client releases it too
      const o = await call("release", `${url()}/v1/projects/${holder}/activeNumbers/${number}:release`, { method: "POST", token: cfg.token, body: {} });
      ledger.outcomes.push(o);
      if (o.status !== 200) ledger.numbers.set(number, holder!);
      return;
    }
    ledger.outcomes.push(await call("portalTree", `${url()}/api/accounts/${cfg.accountId}/tree`, { cookie: cfg.cookie }));
  }

  await Promise.all(
    Array.from({ length: cfg.clients }, async (_, client) => {
      while (Date.now() < deadline) await step(client);
    }),
  );
  return ledger;
}
