/**
 * The floor of this stack for the API benchmark: raw node:http + postgres.js, no framework. It
 * does what /v1 must do for the two benchmarked reads and nothing more: verify the same HS256
 * access token with the same key as lib/api/token.ts, one SQL round trip that checks the key
 * exists, its node is live and it reaches the target, then the query; same JSON on the wire.
 *
 * Run: FLOOR_PORT=… DATABASE_URL=… NEXTAUTH_SECRET=… node --import tsx bench/floor-server.ts
 */
import { createHmac } from "node:crypto";
import { createServer, type ServerResponse } from "node:http";
import { jwtVerify } from "jose";
import postgres from "postgres";

const explicit = process.env.API_TOKEN_SECRET;
const base = explicit ?? process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
if (!base) throw new Error("NEXTAUTH_SECRET (or API_TOKEN_SECRET) is required");
// Derived exactly as lib/api/token.ts derives it, so one token works on both servers.
const key = explicit ? new TextEncoder().encode(explicit) : new Uint8Array(createHmac("sha256", base).update("build-portal api access token v1").digest());

// Same pool size as the app's default (DATABASE_POOL_SIZE=10), so neither side gets more connections.
const sql = postgres(process.env.DATABASE_URL!, { max: Number(process.env.DATABASE_POOL_SIZE ?? 10), onnotice: () => {} });

interface Row {
  id: string;
  parent_id: string;
  display_name: string;
  labels: Record<string, string>;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  purge_at: Date | null;
  suspended_at: Date | null;
  suspended_reason: string | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
function wire(r: Row) {
  return {
    subprojectId: r.id,
    displayName: r.display_name,
    labels: r.labels,
    parentProjectId: r.parent_id,
    createTime: r.created_at.toISOString(),
    updateTime: r.updated_at.toISOString(),
    deleted: r.deleted_at !== null,
    suspended: r.suspended_at !== null,
    suspendedReason: r.suspended_reason,
    deleteTime: iso(r.deleted_at),
    purgeTime: iso(r.purge_at),
  };
}

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

const notFound = (res: ServerResponse) => send(res, 404, { error: { code: 404, message: "Not found", status: "NOT_FOUND", details: [] } });

/** The key's node and the target in one round trip; true when the key is a live top-level project's key reaching the target. */
async function reaches(keyId: string, targetId: string, targetIsSubproject: boolean): Promise<boolean> {
  const [row] = await sql<{ key_project: string; key_parent: string | null; key_account: string; t_parent: string | null; t_account: string | null; t_deleted: boolean }[]>`
    select k.project_id as key_project, kp.parent_id as key_parent, kp.account_id as key_account,
           t.parent_id as t_parent, t.account_id as t_account, t.deleted_at is not null as t_deleted
    from access_keys k
    join projects kp on kp.id = k.project_id and kp.deleted_at is null
    left join projects t on t.id = ${targetId}
    where k.id = ${keyId}`;
  if (!row || row.key_parent !== null || row.t_account !== row.key_account) return false;
  return targetIsSubproject ? row.t_parent === row.key_project : targetId === row.key_project && !row.t_deleted;
}

const SUBPROJECT = /^\/v1\/subprojects\/([0-9A-HJKMNP-TV-Z]{26})$/;
const LIST = /^\/v1\/projects\/([0-9a-f]{32})\/subprojects$/;

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? "/", "http://floor");
    const auth = req.headers.authorization ?? "";
    if (!auth.startsWith("Bearer ")) return send(res, 401, { error: { code: 401, status: "UNAUTHENTICATED" } });
    let keyId: string;
    try {
      const { payload } = await jwtVerify(auth.slice(7), key, { algorithms: ["HS256"] });
      keyId = String(payload.sub);
    } catch {
      return send(res, 401, { error: { code: 401, status: "UNAUTHENTICATED" } });
    }
    let m = SUBPROJECT.exec(url.pathname);
    if (m) {
      const id = m[1]!;
      if (!(await reaches(keyId, id, true))) return notFound(res);
      const [row] = await sql<Row[]>`select * from projects where id = ${id}`;
      return row ? send(res, 200, wire(row)) : notFound(res);
    }
    m = LIST.exec(url.pathname);
    if (m) {
      const parent = m[1]!;
      if (!(await reaches(keyId, parent, false))) return send(res, 403, { error: { code: 403, status: "PERMISSION_DENIED" } });
      const size = Math.min(Math.max(Number(url.searchParams.get("pageSize") ?? 100) || 100, 1), 1000);
      const token = url.searchParams.get("pageToken");
      const after = token ? (JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as string[])[0]! : "";
      const rows = await sql<Row[]>`
        select * from projects where parent_id = ${parent} and deleted_at is null and id > ${after} order by id limit ${size + 1}`;
      const page = rows.slice(0, size);
      const last = page[page.length - 1];
      return send(res, 200, { subprojects: page.map(wire), nextPageToken: rows.length > size && last ? Buffer.from(JSON.stringify([last.id])).toString("base64url") : "" });
    }
    notFound(res);
  } catch (error) {
    send(res, 500, { error: { code: 500, status: "INTERNAL", message: String(error) } });
  }
});

server.listen(Number(process.env.FLOOR_PORT), "127.0.0.1", () => console.log(`floor listening on ${process.env.FLOOR_PORT}`));
process.on("SIGTERM", () => server.close(() => void sql.end({ timeout: 2 }).then(() => process.exit(0))));
