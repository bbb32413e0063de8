/**
 * Runs once when a server process starts: applies pending migrations (so a deploy needs no
 * separate step), stocks the number inventory on first start and, when BUILD_PORTAL_DEMO=1
 * (set by `npm start`), seeds the demo account.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { installProcessHandlers } = await import("./lib/observability/process-handlers");
  installProcessHandlers();
  const { migrateDatabase } = await import("./db/migrate");
  await migrateDatabase();
  // The number catalogue is reference data every install needs, demo or not.
  const { ensureNumberInventory } = await import("./lib/domain/number-inventory");
  await ensureNumberInventory();
  if (process.env.BUILD_PORTAL_DEMO === "1") {
    const { seedDemo } = await import("./lib/seed/demo");
    await seedDemo();
  }
  // Webhook delivery and housekeeping run in every server instance unless turned off.
  if (process.env.BUILD_PORTAL_WORKER !== "0") {
    const { startBackgroundWork } = await import("./lib/maintenance/background");
    startBackgroundWork();
  }
}
