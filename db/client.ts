import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { SQL } from "drizzle-orm";
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";

/** Both drivers expose the same query builder; code is written against this shared surface. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type DatabaseKind = "postgres" | "pglite";

/** The driver's client: a postgres.js pool or a PGlite instance. */
interface Driver {
  kind: DatabaseKind;
  client: unknown;
  close: () => Promise<void>;
}

// One driver client per process. Several copies of this module may load in one process (Next.js
// server chunks, and the API listener that scripts/server.ts loads outside the bundle): they all
// share the pool through this global (two PGlite instances on one directory would corrupt it),
// and each wraps it in a drizzle instance of its own copy of drizzle-orm.
const globalKey = Symbol.for("build-portal.db-driver");
type GlobalWithDriver = typeof globalThis & { [globalKey]?: Promise<Driver> };

/** Where the embedded database lives when DATABASE_URL is unset. */
export function pgliteDirectory(): string {
  return process.env.PGLITE_DIR ?? path.join(process.cwd(), ".data", "pglite");
}

async function openDriver(): Promise<Driver> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const { default: postgres } = await import("postgres");
    const client = postgres(url, {
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      onnotice: () => {},
      // Named statements are parsed and planned once per connection: one round trip per query
      // instead of two. A transaction-mode pooler (PgBouncer < 1.21) needs them off.
      prepare: process.env.DATABASE_PREPARED_STATEMENTS !== "false",
      // Fail fast while the database is down, so requests answer 503 instead of queueing.
      connect_timeout: 3,
      // postgres.js backs off reconnects by min(3^failures / 100, 20) s, with the failure count
      // shared by the whole pool: after a few seconds of outage every query waiting for a
      // connection waits 10-20 s more, long after the database is back. Measured with a 3 s
      // outage under 16 clients: 13 queries hung past 8 s and the first success came 0.7-1.8 s
      // late with the default; with retries capped at 1 s, none hung and recovery took 43 ms.
      backoff: (failures: number) => Math.min(0.1 * 2 ** failures, 1),
      idle_timeout: 60,
      max_lifetime: 30 * 60,
    });
    return { kind: "postgres", client, close: () => client.end({ timeout: 5 }) };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const dir = pgliteDirectory();
  if (!dir.startsWith("memory://")) mkdirSync(dir, { recursive: true });
  // pg_trgm backs name search (migration 0001 creates the extension); PGlite ships it as a contrib module.
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const client = await PGlite.create(dir, { extensions: { pg_trgm } });
  return { kind: "pglite", client, close: () => client.close() };
}

function sharedDriver(): Promise<Driver> {
  const g = globalThis as GlobalWithDriver;
  g[globalKey] ??= openDriver().catch((error: unknown) => {
    delete g[globalKey];
    throw error;
  });
  return g[globalKey];
}

// This module copy's drizzle wrapper around the shared driver.
let wrapped: { driver: Driver; db: Database } | undefined;

async function connection(): Promise<{ db: Database; kind: DatabaseKind }> {
  const driver = await sharedDriver();
  if (wrapped?.driver !== driver) {
    const db =
      driver.kind === "postgres"
        ? (await import("drizzle-orm/postgres-js")).drizzle(driver.client as never, { schema })
        : (await import("drizzle-orm/pglite")).drizzle(driver.client as never, { schema });
    wrapped = { driver, db: db as unknown as Database };
  }
  return { db: wrapped.db, kind: driver.kind };
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

// Turns raw SQL into text and parameters; it holds no connection, so one serves every driver.
const dialect = new PgDialect();

/**
 * Runs a raw statement as a named prepared statement (one round trip; parsed and planned once
 * per connection). `db.execute()` sends raw SQL unnamed: Parse/Describe, wait for the parameter
 * types, then Bind/Execute, and a fresh plan every time. For the statements on every request
 * (the permission resolvers); the SQL text must not vary with the values.
 */
export async function executePrepared(db: Database, name: string, query: SQL): Promise<unknown> {
  return db._.session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false).execute();
}

/** Closes the process-wide connection (CLI and tests; the server keeps it for its lifetime). */
export async function closeDb(): Promise<void> {
  const g = globalThis as GlobalWithDriver;
  const pending = g[globalKey];
  delete g[globalKey];
  wrapped = undefined;
  if (pending) await (await pending).close();
}

/** Rows of a raw `db.execute()` result, whichever driver produced it. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
