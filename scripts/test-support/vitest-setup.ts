// Request logs are for servers; tests only want warnings and errors.
process.env.LOG_LEVEL ??= "warn";

import { afterAll, beforeAll } from "vitest";
import { closeDb } from "../../db/client";

// On the PGlite fallback each worker has its own in-memory database, migrated here.
beforeAll(async () => {
  if (!process.env.DATABASE_URL) {
    process.env.PGLITE_DIR = "memory://";
    const { migrateDatabase } = await import("../../db/migrate");
    await migrateDatabase();
    const { ensureNumberInventory } = await import("../../lib/domain/number-inventory");
    await ensureNumberInventory();
  }
});

afterAll(async () => {
  await closeDb();
});

// API tokens are signed with a secret derived from this (production sets its own).
process.env.NEXTAUTH_SECRET ??= "vitest-secret-not-for-production-0000000000";
