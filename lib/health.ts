import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import { migrationsFolder } from "@/db/migrate";

function expectedMigrations(): number {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: unknown[] };
  return journal.entries.length;
}

/** Database reachable and migrated to the code's version. */
export async function isDatabaseReady(): Promise<{ ok: boolean; migrations?: number; expected?: number; error?: string }> {
  try {
    const db = await getDb();
    const rows = rowsOf<{ n: number | string }>(await db.execute(sql`select count(*) as n from drizzle.__drizzle_migrations`));
    const applied = Number(rows[0]?.n ?? 0);
    const expected = expectedMigrations();
    return { ok: applied >= expected, migrations: applied, expected };
  } catch {
    return { ok: false, error: "database unavailable" };
  }
}
