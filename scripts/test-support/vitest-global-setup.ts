import type { TestProject } from "vitest/node";
import { acquirePostgres, createFreshDatabase } from "./postgres";

/** Provisions one fresh, migrated database for the whole vitest run and says which PostgreSQL it is. */
export default async function setup(project: TestProject) {
  const pg = await acquirePostgres();
  console.log(`[test-db] integration tests use: ${pg.description}`);
  let drop = async () => {};
  if (pg.adminUrl) {
    const fresh = await createFreshDatabase(pg.adminUrl, "vitest");
    process.env.DATABASE_URL = fresh.url;
    drop = fresh.drop;
    const { migrateDatabase } = await import("../../db/migrate");
    const { closeDb } = await import("../../db/client");
    const { ensureNumberInventory } = await import("../../lib/domain/number-inventory");
    await migrateDatabase();
    await ensureNumberInventory();
    await closeDb();
  } else {
    delete process.env.DATABASE_URL;
  }
  project.provide("databaseKind", pg.kind);
  return async () => {
    await drop().catch(() => {});
    await pg.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseKind: "DATABASE_URL" | "initdb" | "pglite";
  }
}
