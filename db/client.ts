import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";

/** Both drivers expose the same query builder; code is written against this shared surface. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type DatabaseKind = "postgres" | "pglite";

interface Connection {
  db: Database;
  kind: DatabaseKind;
  close: () => Promise<void>;
}

// One connection per process, shared by every bundle that imports this module (Next.js may load
// it from several server chunks); two PGlite instances on one directory would corrupt it.
const globalKey = Symbol.for("build-portal.db");
type GlobalWithDb = typeof globalThis & { [globalKey]?: Promise<Connection> };

/** Where the embedded database lives when DATABASE_URL is unset. */
export function pgliteDirectory(): string {
  return process.env.PGLITE_DIR ?? path.join(process.cwd(), ".data", "pglite");
}

async function connect(): Promise<Connection> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(url, {
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      onnotice: () => {},
      // Fail fast while the database is down, so requests answer 503 instead of queueing.
      connect_timeout: 3,
      idle_timeout: 60,
      max_lifetime: 30 * 60,
    });
    return { db: drizzle(client, { schema }) as unknown as Database, kind: "postgres", close: () => client.end({ timeout: 5 }) };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const dir = pgliteDirectory();
  if (!dir.startsWith("memory://")) mkdirSync(dir, { recursive: true });
  // pg_trgm backs name search (migration 0001 creates the extension); PGlite ships it as a contrib module.
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const client = await PGlite.create(dir, { extensions: { pg_trgm } });
  return { db: drizzle(client, { schema }) as unknown as Database, kind: "pglite", close: () => client.close() };
}

function connection(): Promise<Connection> {
  const g = globalThis as GlobalWithDb;
  g[globalKey] ??= connect().catch((error: unknown) => {
    delete g[globalKey];
    throw error;
  });
  return g[globalKey];
}

// The transaction a whole request runs in, when its entry point opened one (see withTransaction).
const ambient = new AsyncLocalStorage<Transaction>();

/**
 * The database handle: the ambient request transaction when there is one, so every read and
 * write of a request (and the transactions verbs open, which become savepoints) share it;
 * otherwise the process-wide connection.
 */
export async function getDb(): Promise<Database> {
  return ambient.getStore() ?? (await connection()).db;
}

/**
 * Runs `fn` in one transaction that every getDb() call inside joins. The /v1 dispatcher uses it
 * so that a mutation, its audit row and its idempotency record commit (or vanish) together.
 */
export async function withTransaction<T>(fn: () => Promise<T>): Promise<T> {
  const current = ambient.getStore();
  if (current) return fn();
  const db = (await connection()).db;
  return db.transaction((tx) => ambient.run(tx, fn));
}

/** Runs `fn` outside any ambient transaction (work that must commit on its own). */
export function outsideTransaction<T>(fn: () => T): T {
  return ambient.exit(fn);
}

export async function getDatabaseKind(): Promise<DatabaseKind> {
  return (await connection()).kind;
}

/** Closes the process-wide connection (CLI and tests; the server keeps it for its lifetime). */
export async function closeDb(): Promise<void> {
  const g = globalThis as GlobalWithDb;
  const pending = g[globalKey];
  delete g[globalKey];
  if (pending) await (await pending).close();
}

/** Rows of a raw `db.execute()` result, whichever driver produced it. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
