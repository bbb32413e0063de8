import postgres from "postgres";
import type { Ledger } from "./workload";

/**
 * Checks the database against what the clients were told: every 200 took effect, idempotent
 * retries created nothing twice, and no half-written subproject, key or number assignment exists.
 * Returns the list of problems (empty = consistent).
 */
export async function verifyNothingLost(databaseUrl: string, projectId: string, accountId: string, ledger: Ledger, opts: { exactRents: boolean }): Promise<string[]> {
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  const problems: string[] = [];
  try {
    const subs = await sql<{ id: string; display_name: string }[]>`select id, display_name from projects where parent_id = ${projectId}`;
    const byId = new Map(subs.map((s) => [s.id, s.display_name]));
    for (const [key, id] of ledger.subprojects) if (byId.get(id) !== key) problems.push(`subproject ${id} (${key}) answered 200 but is not in the database`);
    const dupes = await sql`select display_name, count(*)::int as n from projects where parent_id = ${projectId} group by display_name having count(*) > 1`;
    for (const d of dupes) problems.push(`"${d.display_name}" exists ${d.n} times: an idempotent retry created it twice`);
    const unaudited = await sql`select p.id from projects p where p.parent_id = ${projectId} and not exists (select 1 from audit_events a where a.target_id = p.id and a.action = 'subproject.created')`;
    for (const u of unaudited) problems.push(`subproject ${u.id} has no creation audit row (partial write)`);

    const keys = [...ledger.keys];
    if (keys.length) {
      const found = await sql<{ id: string }[]>`select id::text from access_keys where id = any(${keys}::uuid[])`;
      if (found.length !== keys.length) problems.push(`${keys.length - found.length} access keys answered 200 but are missing`);
    }

    for (const [number, holder] of ledger.numbers) {
      const [row] = await sql<{ project_id: string | null }[]>`select project_id from phone_numbers where phone_number = ${number}`;
      if ((row?.project_id ?? null) !== holder) problems.push(`${number}: clients were told ${holder ?? "released"}, database says ${row?.project_id ?? "released"}`);
    }
    const orphans = await sql`
      select n.phone_number from phone_numbers n join projects p on p.id = n.project_id
      where p.account_id = ${accountId}
        and not exists (select 1 from usage_events u where u.reference = n.phone_number and u.project_id = n.project_id and u.product = 'number_setup')`;
    for (const o of orphans) problems.push(`${o.phone_number} is assigned without its setup charge (partial assignment)`);

    const [{ rents }] = (await sql`select count(*)::int as rents from usage_events where account_id = ${accountId} and product = 'number_setup'`) as unknown as [{ rents: number }];
    const [{ audited }] = (await sql`select count(*)::int as audited from audit_events where account_id = ${accountId} and action = 'number.rented'`) as unknown as [{ audited: number }];
    if (rents !== audited) problems.push(`ledger has ${rents} setup charges but the audit log ${audited} rentals`);
    if (opts.exactRents && rents !== ledger.rents) problems.push(`ledger has ${rents} setup charges; clients saw ${ledger.rents} successful rentals`);
    const rollupsExist = (await sql`select to_regclass('usage_daily_rollups') is not null as ok`)[0]?.ok;
    if (rollupsExist) {
      const mismatch = await sql`
        select l.project_id, l.product, l.amount, coalesce(r.amount, 0) as rolled from
          (select project_id, product, sum(amount_minor) as amount from usage_events where account_id = ${accountId} group by 1, 2) l
          left join (select project_id, product, sum(amount_minor) as amount from usage_daily_rollups where account_id = ${accountId} group by 1, 2) r using (project_id, product)
        where l.amount <> coalesce(r.amount, 0)`;
      for (const m of mismatch) problems.push(`rollups disagree with the ledger for ${m.project_id}/${m.product}: ${m.amount} vs ${m.rolled}`);
    }
  } finally {
    await sql.end();
  }
  return problems;
}
