import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { cliActor } from "@/lib/domain/actor";
import { createAccount } from "@/lib/domain/accounts";
import { newSubprojectId } from "@/lib/domain/ids";
import { createProject } from "@/lib/domain/projects";
import { pgArray } from "@/lib/domain/usage-ledger";

const REGIONS = ["eu", "us", "apac", "latam"];
const TIERS = ["gold", "silver", "bronze"];

/**
 * A large reseller for benchmarks: an account, `projects` top-level projects (through the
 * domain verbs) and `subprojects` labelled subprojects spread over them, inserted directly with
 * multi-row INSERTs (the database's own constraints and tree trigger still check every row).
 */
export async function createBulkTree(options: { name: string; projects: number; subprojects: number; currency?: string; batchSize?: number; log?: (message: string) => void }) {
  const account = await createAccount(cliActor, { name: options.name, plan: "enterprise", currency: options.currency ?? "EUR" });
  const projectIds: string[] = [];
  for (let p = 0; p < options.projects; p++) projectIds.push((await createProject(cliActor, { accountId: account.id, displayName: `Reseller line ${p + 1}` }, { enforceSelfServiceLimits: false })).id);
  const db = await getDb();
  const batchSize = options.batchSize ?? 5_000;
  for (let start = 0; start < options.subprojects; start += batchSize) {
    const n = Math.min(batchSize, options.subprojects - start);
    const index = Array.from({ length: n }, (_, i) => start + i);
    await db.execute(sql`
      insert into projects (id, account_id, parent_id, display_name, labels)
      select id, ${account.id}::uuid, parent_id, display_name, labels::jsonb
      from unnest(
        ${pgArray(index.map(() => newSubprojectId()))}::text[],
        ${pgArray(index.map((i) => projectIds[i % projectIds.length]!))}::text[],
        ${pgArray(index.map((i) => `Customer ${i + 1}`))}::text[],
        ${pgArray(index.map((i) => JSON.stringify({ region: REGIONS[i % REGIONS.length], tier: TIERS[Math.floor(i / 7) % TIERS.length] })))}::text[]
      ) as u(id, parent_id, display_name, labels)`);
    options.log?.(`${start + n} subprojects`);
  }
  return { accountId: account.id, currency: account.currency, projectIds };
}
