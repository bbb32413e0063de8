/**
 * Runs once when a server process starts: applies pending migrations (so a deploy needs no
 * separate step) and, when BUILD_PORTAL_DEMO=1 (set by `npm start`), seeds the demo account.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { migrateDatabase } = await import("./db/migrate");
  await migrateDatabase();
  if (process.env.BUILD_PORTAL_DEMO === "1") {
    const { seedDemo } = await import("./lib/seed/demo");
    await seedDemo();
  }
}
