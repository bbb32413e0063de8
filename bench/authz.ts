/**
 * Benchmark (b): the two permission resolvers called in-process, against the same SQL sent
 * through postgres.js directly (prepared and unnamed), plus how many statements and network round
 * trips each costs; and the other steps of a /v1 request timed alone, to explain the API figures.
 * Run by bench/run.ts as a child process (it needs the "@/…" paths and its own DB connection):
 *   BENCH_AUTHZ_INPUT='{"keyId":…,"targets":[…],"userId":…,"nodes":[…],"calls":5000,"token":…,"bigProjectId":…}' DATABASE_URL=… node --import tsx bench/authz.ts
 * Prints one JSON object on stdout.
 */
import postgres from "postgres";
import { closeDb, getDb } from "@/db/client";
import { authorizeKey } from "@/lib/authz/keys";
import { resolveNodeAccess } from "@/lib/authz/people";
import { hitRateLimit } from "@/lib/api/rate-limit";
import { verifyAccessToken } from "@/lib/api/token";
import { getNode } from "@/lib/domain/projects";
import { listSubprojectsById } from "@/lib/domain/tree";
import { startRttProxy } from "./rtt-proxy";
import { pct, round, timeCalls } from "./stats";

interface Input {
  keyId: string;
  targets: string[];
  userId: string;
  nodes: string[];
  calls: number;
  /** An access token and the big project, for timing the other steps of a /v1 request. */
  token: string;
  bigProjectId: string;
}

// The statements lib/authz/keys.ts and lib/authz/people.ts send (Bearer variant: no digest).
// Kept verbatim so "raw" differs from the resolver only in the layers above the driver.
const KEY_SQL = (sql: postgres.Sql, keyId: string, target: string) => sql`
  select k.id as key_id, k.display_name as key_name, k.project_id as key_project_id, k.last_used_at,
         kp.parent_id as key_parent_id, kp.account_id as key_account_id,
         kp.deleted_at is not null as key_node_deleted, kp.suspended_at is not null as key_node_suspended,
         t.id as t_id, t.parent_id as t_parent_id, t.account_id as t_account_id, t.display_name as t_display_name,
         t.deleted_at is not null as t_deleted, t.suspended_at is not null as t_suspended
  from access_keys k
  join projects kp on kp.id = k.project_id
  left join projects t on t.id = ${target}
  where k.id = ${keyId}`;
const PEOPLE_SQL = (sql: postgres.Sql, userId: string, nodeId: string) => sql`
  select p.id, p.account_id, p.parent_id, p.display_name,
         p.deleted_at is not null as deleted, p.suspended_at is not null as suspended,
         am.role as account_role, pm.role as project_role
  from projects p
  left join account_memberships am on am.account_id = p.account_id and am.user_id = ${userId}
  left join project_members pm on pm.project_id = coalesce(p.parent_id, p.id) and pm.user_id = ${userId}
  where p.id = ${nodeId}`;

const summary = (xs: number[]) => ({ calls: xs.length, p50us: round(pct(xs, 50), 0), p99us: round(pct(xs, 99), 0) });

async function main() {
  const input = JSON.parse(process.env.BENCH_AUTHZ_INPUT ?? "{}") as Input;
  const pick = <T>(xs: T[], i: number) => xs[i % xs.length]!;
  const url = new URL(process.env.DATABASE_URL!);

  // Statement counts: every query, raw or built, named or not, is prepared by the drizzle session.
  const db = await getDb();
  let statements = 0;
  const session = db._.session;
  const prepareQuery = session.prepareQuery.bind(session);
  session.prepareQuery = ((...args: Parameters<typeof prepareQuery>) => {
    statements++;
    return prepareQuery(...args);
  }) as typeof session.prepareQuery;

  const keyOk = await authorizeKey({ keyId: input.keyId }, input.targets[0]!);
  const personOk = await resolveNodeAccess(input.userId, input.nodes[0]!);
  if (!keyOk.ok || !keyOk.target || !personOk) throw new Error("fixture key or admin cannot reach the sample nodes");

  statements = 0;
  const keyResolver = await timeCalls(input.calls, (i) => authorizeKey({ keyId: input.keyId }, pick(input.targets, i)));
  const keyStatements = statements / (keyResolver.length + 200);
  statements = 0;
  const peopleResolver = await timeCalls(input.calls, (i) => resolveNodeAccess(input.userId, pick(input.nodes, i)));
  const peopleStatements = statements / (peopleResolver.length + 200);

  // The other steps /v1 takes per request (lib/api/dispatch.ts), each timed alone.
  const components = {
    verifyAccessToken: summary(await timeCalls(input.calls, () => verifyAccessToken(input.token))),
    hitRateLimit: summary(await timeCalls(input.calls, () => hitRateLimit("bench:components", 1e9, 60))),
    getNode: summary(await timeCalls(input.calls, (i) => getNode(pick(input.targets, i)))),
    listSubprojectsById: summary(await timeCalls(Math.min(input.calls, 1000), () => listSubprojectsById(input.bigProjectId, { pageSize: 100 }))),
  };

  const prepared = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const keyRaw = await timeCalls(input.calls, (i) => KEY_SQL(prepared, input.keyId, pick(input.targets, i)));
  // The same statement unnamed (as drizzle sends it): Parse/Describe, wait, Bind/Execute, re-planned each time.
  const unnamed = postgres(url.toString(), { max: 1, onnotice: () => {}, prepare: false });
  const keyRawUnnamed = await timeCalls(input.calls, (i) => KEY_SQL(unnamed, input.keyId, pick(input.targets, i)));
  await unnamed.end();
  const peopleRaw = await timeCalls(input.calls, (i) => PEOPLE_SQL(prepared, input.userId, pick(input.nodes, i)));
  await prepared.end();

  // Round trips, measured on the wire through a counting proxy (separate pass: the proxy adds latency).
  const proxy = await startRttProxy(url.hostname, Number(url.port || 5432));
  const viaProxy = new URL(url);
  viaProxy.host = `127.0.0.1:${proxy.port}`;
  await closeDb();
  process.env.DATABASE_URL = viaProxy.toString();
  const perCall = async (n: number, fn: (i: number) => Promise<unknown>) => {
    await fn(0); // connect (and, for prepared statements, prepare) outside the count
    proxy.reset();
    for (let i = 0; i < n; i++) await fn(i);
    return proxy.roundTrips() / n;
  };
  const trips = {
    authorizeKey: await perCall(200, (i) => authorizeKey({ keyId: input.keyId }, pick(input.targets, i))),
    resolveNodeAccess: await perCall(200, (i) => resolveNodeAccess(input.userId, pick(input.nodes, i))),
    hitRateLimit: await perCall(200, () => hitRateLimit("bench:components", 1e9, 60)),
    getNode: await perCall(200, (i) => getNode(pick(input.targets, i))),
  };
  await closeDb();
  const rawPrepared = postgres(viaProxy.toString(), { max: 1, onnotice: () => {} });
  const rawUnnamed = postgres(viaProxy.toString(), { max: 1, onnotice: () => {}, prepare: false });
  const rawTrips = {
    prepared: await perCall(200, (i) => KEY_SQL(rawPrepared, input.keyId, pick(input.targets, i))),
    unnamed: await perCall(200, (i) => KEY_SQL(rawUnnamed, input.keyId, pick(input.targets, i))),
  };
  await Promise.all([rawPrepared.end(), rawUnnamed.end()]);
  await proxy.close();

  console.log(
    JSON.stringify({
      authorizeKey: { ...summary(keyResolver), statementsPerCall: round(keyStatements, 2), roundTripsPerCall: round(trips.authorizeKey, 2) },
      authorizeKeyRaw: { ...summary(keyRaw), roundTripsPerCall: round(rawTrips.prepared, 2), unnamedRoundTripsPerCall: round(rawTrips.unnamed, 2) },
      authorizeKeyRawUnnamed: summary(keyRawUnnamed),
      resolveNodeAccess: { ...summary(peopleResolver), statementsPerCall: round(peopleStatements, 2), roundTripsPerCall: round(trips.resolveNodeAccess, 2) },
      resolveNodeAccessRaw: summary(peopleRaw),
      components: { ...components, roundTrips: { hitRateLimit: round(trips.hitRateLimit, 2), getNode: round(trips.getNode, 2) } },
    }),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
