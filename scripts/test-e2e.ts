/**
 * `npm run test:e2e`: production build, then Playwright against `next start` on a fresh database
 * of the same kind the integration tests use (real PostgreSQL when one can be found).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { acquirePostgres, createFreshDatabase, freePort } from "./test-support/postgres";

const nextBin = path.join("node_modules", "next", "dist", "bin", "next");

async function main(): Promise<number> {
  if (process.env.E2E_SKIP_BUILD !== "1") {
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) return build.status ?? 1;
  }
  const pg = await acquirePostgres();
  console.log(`[test-db] e2e server uses: ${pg.description}`);
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", E2E_PORT: String(await freePort()), NEXTAUTH_SECRET: "e2e-secret-not-for-production-use-000000" };
  let cleanup = async () => {};
  if (pg.adminUrl) {
    const fresh = await createFreshDatabase(pg.adminUrl, "e2e");
    env.DATABASE_URL = fresh.url;
    cleanup = fresh.drop;
  } else {
    delete env.DATABASE_URL;
    const dir = mkdtempSync(path.join(os.tmpdir(), "e2e-pglite-"));
    env.PGLITE_DIR = dir;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  try {
    const result = spawnSync(process.execPath, [path.join("node_modules", "@playwright", "test", "cli.js"), "test", ...process.argv.slice(2)], { stdio: "inherit", env });
    return result.status ?? 1;
  } finally {
    await cleanup().catch(() => {});
    await pg.stop();
  }
}

main().then((code) => process.exit(code));
