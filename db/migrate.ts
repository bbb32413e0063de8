import path from "node:path";
import { getDatabaseKind, getDb } from "./client";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

// Arbitrary constant: serialises start-up migrations when several servers share one database.
const MIGRATION_LOCK = 7_240_117;

/**
 * Applies pending drizzle-kit migrations. Idempotent: applied ones are recorded in
 * drizzle.__drizzle_migrations and never re-run.
 */
export async function migrateDatabase(): Promise<void> {
  if ((await getDatabaseKind()) === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate((await getDb()) as never, { migrationsFolder });
    return;
  }
  // A dedicated single connection, so the advisory lock and the migration share one session.
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const client = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(drizzle(client), { migrationsFolder });
  } finally {
    await client`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
    await client.end({ timeout: 5 });
  }
}
