/**
 * Finds a real PostgreSQL for the test suites, in the order README documents:
 * 1. DATABASE_URL (a fresh database is created in it per run),
 * 2. a throwaway `initdb` cluster in a temp dir (as the `postgres` OS user when run as root),
 * 3. PGlite, with a printed notice.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

export interface PostgresHandle {
  kind: "DATABASE_URL" | "initdb" | "pglite";
  /** Connection URL with rights to create databases; null for PGlite. */
  adminUrl: string | null;
  description: string;
  stop(): Promise<void>;
  /** Only for a cluster this harness started: take the server down and bring it back (fault tests). */
  control?: { stopServer(): void; startServer(): void };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function findPgBin(): string | null {
  const fromPath = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" }).stdout.trim();
  if (fromPath) return path.dirname(fromPath);
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(path.join(base, v, "bin", "initdb"))) return path.join(base, v, "bin");
  return null;
}

async function startCluster(bin: string): Promise<PostgresHandle> {
  const isRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(os.tmpdir(), "build-portal-pg-"));
  const run = (cmd: string, args: string[]) => {
    const full = path.join(bin, cmd);
    if (isRoot) execFileSync("runuser", ["-u", "postgres", "--", full, ...args], { stdio: "pipe" });
    else execFileSync(full, args, { stdio: "pipe" });
  };
  if (isRoot) execFileSync("chown", ["postgres:postgres", dir]);
  const data = path.join(dir, "data");
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"]);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run("pg_ctl", ["start", "-D", data, "-o", opts, "-w", "-t", "30", "-l", path.join(dir, "server.log")]);
  const version = execFileSync(path.join(bin, "postgres"), ["--version"], { encoding: "utf8" }).trim();
  return {
    kind: "initdb",
    control: {
      stopServer: () => run("pg_ctl", ["stop", "-D", data, "-m", "fast", "-w"]),
      startServer: () => run("pg_ctl", ["start", "-D", data, "-o", opts, "-w", "-t", "30", "-l", path.join(dir, "server.log")]),
    },
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    description: `throwaway initdb cluster (${version}) on 127.0.0.1:${port}`,
    async stop() {
      try {
        run("pg_ctl", ["stop", "-D", data, "-m", "immediate", "-w"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export async function acquirePostgres(): Promise<PostgresHandle> {
  const url = process.env.DATABASE_URL;
  if (url) return { kind: "DATABASE_URL", adminUrl: url, description: `DATABASE_URL (${new URL(url).host})`, stop: async () => {} };
  const bin = findPgBin();
  if (bin) {
    try {
      return await startCluster(bin);
    } catch (error) {
      console.warn(`[test-db] initdb cluster failed to start (${(error as Error).message.split("\n")[0]}); falling back to PGlite`);
    }
  }
  console.warn("[test-db] NOTICE: no PostgreSQL server found; tests run on embedded PGlite instead of real PostgreSQL");
  return { kind: "pglite", adminUrl: null, description: "embedded PGlite (no PostgreSQL server found)", stop: async () => {} };
}

/** Creates an empty database named for this run and returns its URL, with a function to drop it. */
export async function createFreshDatabase(adminUrl: string, label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `bp_${label}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await a.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}
