import { sql } from "drizzle-orm";
import { rowsOf, type Database, type Transaction } from "@/db/client";
import type { UsageProduct } from "@/db/schema";

/** One ledger row to append; the account and its currency are given once per batch. */
export interface LedgerRow {
  /** The project or subproject the charge belongs to. */
  projectId: string;
  /** Its top-level project (itself for a project). */
  topProjectId: string;
  product: UsageProduct;
  /** Negative for a correction: the ledger is append-only, so a refund is a new row. */
  quantity: number;
  unitPriceMinor: number;
  occurredAt: Date;
  reference?: string | null;
}

/** A Postgres array literal. Every element is quoted, so IDs, references and timestamps need no other escaping. */
export function pgArray(values: readonly (string | number | null)[]): string {
  return `{${values.map((v) => (v === null ? "NULL" : typeof v === "number" ? String(v) : `"${v.replace(/["\\]/g, "\\$&")}"`)).join(",")}}`;
}

/**
 * Appends ledger rows and adds them to all three rollups in ONE statement (data-modifying CTEs),
 * so a row and its rollups commit together whether it is one SMS or a simulator batch of 10,000.
 * Arrays travel as single array-literal parameters: the same SQL works on postgres.js and PGlite.
 * The rollup inserts aggregate the batch first, so no upsert touches the same row twice.
 */
export async function appendLedgerRows(db: Transaction | Database, account: { accountId: string; currency: string }, rows: readonly LedgerRow[]): Promise<{ firstId: number; count: number }> {
  if (rows.length === 0) return { firstId: 0, count: 0 };
  const result = await db.execute(sql`
    with input as (
      select * from unnest(
        ${pgArray(rows.map((r) => r.projectId))}::text[],
        ${pgArray(rows.map((r) => r.topProjectId))}::text[],
        ${pgArray(rows.map((r) => r.product))}::usage_product[],
        ${pgArray(rows.map((r) => r.quantity))}::bigint[],
        ${pgArray(rows.map((r) => r.unitPriceMinor))}::bigint[],
        ${pgArray(rows.map((r) => r.occurredAt.toISOString()))}::timestamptz[],
        ${pgArray(rows.map((r) => r.reference ?? null))}::text[]
      ) as u(project_id, top_project_id, product, quantity, unit_price_minor, occurred_at, reference)
    ), ins as (
      insert into usage_events (account_id, project_id, top_project_id, product, quantity, unit_price_minor, amount_minor, currency, reference, occurred_at)
      select ${account.accountId}::uuid, project_id, top_project_id, product, quantity, unit_price_minor, quantity * unit_price_minor, ${account.currency}, reference, occurred_at
      from input
      returning id, project_id, top_project_id, product, quantity, amount_minor,
        (occurred_at at time zone 'UTC')::date as day,
        date_trunc('month', occurred_at at time zone 'UTC')::date as month
    ), daily as (
      insert into usage_daily_rollups as r (account_id, project_id, top_project_id, product, day, quantity, amount_minor, events)
      select ${account.accountId}::uuid, project_id, min(top_project_id), product, day, sum(quantity), sum(amount_minor), count(*)
      from ins group by project_id, product, day
      on conflict (project_id, product, day) do update
        set quantity = r.quantity + excluded.quantity, amount_minor = r.amount_minor + excluded.amount_minor, events = r.events + excluded.events
    ), monthly as (
      insert into usage_monthly_rollups as r (account_id, project_id, top_project_id, month, amount_minor, events)
      select ${account.accountId}::uuid, project_id, min(top_project_id), month, sum(amount_minor), count(*)
      from ins group by project_id, month
      on conflict (project_id, month) do update
        set amount_minor = r.amount_minor + excluded.amount_minor, events = r.events + excluded.events
    ), project_daily as (
      insert into usage_daily_project_rollups as r (account_id, top_project_id, product, day, quantity, amount_minor, events)
      select ${account.accountId}::uuid, top_project_id, product, day, sum(quantity), sum(amount_minor), count(*)
      from ins group by top_project_id, product, day
      on conflict (top_project_id, product, day) do update
        set quantity = r.quantity + excluded.quantity, amount_minor = r.amount_minor + excluded.amount_minor, events = r.events + excluded.events
    )
    select min(id)::bigint as first_id, count(*)::int as count from ins`);
  const [row] = rowsOf<{ first_id: string | number; count: number }>(result);
  return { firstId: Number(row!.first_id), count: Number(row!.count) };
}
