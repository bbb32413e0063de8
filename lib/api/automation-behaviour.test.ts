import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { projects } from "@/db/schema";
import { API_RATE_LIMITS } from "@/lib/api/dispatch";
import { api, makeKey, tokenFor } from "@/scripts/test-support/api";
import { makeTree } from "@/scripts/test-support/fixtures";

async function countSubprojects(parentId: string, name: string) {
  const db = await getDb();
  return (await db.select({ id: projects.id }).from(projects).where(and(eq(projects.parentId, parentId), eq(projects.displayName, name)))).length;
}

describe("Idempotency-Key", () => {
  it("replays the stored response for the same key and body, and creates once", async () => {
    const { project } = await makeTree();
    const token = await tokenFor(await makeKey(project.id));
    const headers = { "idempotency-key": "create-customer-7" };
    const first = await api<{ subprojectId: string }>("POST", `/v1/projects/${project.id}/subprojects`, { token, headers, body: { displayName: "Customer 7" } });
    const second = await api<{ subprojectId: string }>("POST", `/v1/projects/${project.id}/subprojects`, { token, headers, body: { displayName: "Customer 7" } });
    expect(first.status).toBe(200);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(second.status).toBe(200);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(second.body).toEqual(first.body);
    expect(await countSubprojects(project.id, "Customer 7")).toBe(1);
  });

  it("refuses the same key with a different body (422), and scopes keys to the credential", async () => {
    const { project } = await makeTree();
    const keyA = await tokenFor(await makeKey(project.id, "a"));
    const keyB = await tokenFor(await makeKey(project.id, "b"));
    const headers = { "idempotency-key": "shared-key" };
    await api("POST", `/v1/projects/${project.id}/subprojects`, { token: keyA, headers, body: { displayName: "One" } });
    const reused = await api("POST", `/v1/projects/${project.id}/subprojects`, { token: keyA, headers, body: { displayName: "Two" } });
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ error: { code: 422, status: "INVALID_ARGUMENT" } });
    // Another credential's identical key is a different request.
    const other = await api("POST", `/v1/projects/${project.id}/subprojects`, { token: keyB, headers, body: { displayName: "Two" } });
    expect(other.status).toBe(200);
    expect(other.headers.get("idempotent-replayed")).toBeNull();
    expect(await countSubprojects(project.id, "Two")).toBe(1);
  });

  it("two concurrent identical creates with one key produce exactly one subproject", async () => {
    const { project } = await makeTree();
    const token = await tokenFor(await makeKey(project.id));
    const send = () => api("POST", `/v1/projects/${project.id}/subprojects`, { token, headers: { "idempotency-key": "race-1" }, body: { displayName: "Racer" } });
    const results = await Promise.all([send(), send(), send(), send()]);
    expect(await countSubprojects(project.id, "Racer")).toBe(1);
    // The winner 200; the others either saw it in flight (409 ABORTED) or replayed it.
    for (const r of results) expect([200, 409]).toContain(r.status);
    expect(results.filter((r) => r.status === 200 && !r.headers.get("idempotent-replayed"))).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 409)) expect(r.body).toMatchObject({ error: { status: "ABORTED" } });
    // After the winner committed, a retry replays.
    expect((await send()).headers.get("idempotent-replayed")).toBe("true");
  });

  it("a failed request leaves no record: the retry runs again", async () => {
    const { project } = await makeTree();
    const token = await tokenFor(await makeKey(project.id));
    const headers = { "idempotency-key": "fails-first" };
    expect((await api("PATCH", `/v1/subprojects/01ARZ3NDEKTSV4RRFFQ69G5FAV`, { token, headers, body: { displayName: "x" } })).status).toBe(404);
    const db = await getDb();
    expect(rowsOf(await db.execute(sql`select 1 from idempotency_records where key = 'fails-first'`))).toHaveLength(0);
  });
});

describe("ETag / If-Match", () => {
  it("PATCH with a stale If-Match gets 412 and changes nothing; the current ETag succeeds", async () => {
    const { project, sub1 } = await makeTree();
    const token = await tokenFor(await makeKey(project.id));
    const read = await api("GET", `/v1/subprojects/${sub1.id}`, { token });
    const etag = read.headers.get("etag")!;
    const first = await api<{ displayName: string }>("PATCH", `/v1/subprojects/${sub1.id}`, { token, headers: { "if-match": etag }, body: { displayName: "Writer A" } });
    expect(first.status).toBe(200);
    expect(first.headers.get("etag")).not.toBe(etag);
    const stale = await api("PATCH", `/v1/subprojects/${sub1.id}`, { token, headers: { "if-match": etag }, body: { displayName: "Writer B" } });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ error: { code: 412, status: "FAILED_PRECONDITION" } });
    expect((await api<{ displayName: string }>("GET", `/v1/subprojects/${sub1.id}`, { token })).body.displayName).toBe("Writer A");
    const staleDelete = await api("DELETE", `/v1/subprojects/${sub1.id}`, { token, headers: { "if-match": etag } });
    expect(staleDelete.status).toBe(412);
    const fresh = await api("GET", `/v1/subprojects/${sub1.id}`, { token });
    expect((await api("DELETE", `/v1/subprojects/${sub1.id}`, { token, headers: { "if-match": `W/${fresh.headers.get("etag")}` } })).status).toBe(200);
  });
});

describe("rate limits", () => {
  it("per credential, stored in Postgres: 429 RESOURCE_EXHAUSTED with Retry-After and RateLimit-* headers; Basic is limited harder", async () => {
    const { project } = await makeTree();
    const key = await makeKey(project.id);
    const token = await tokenFor(key);
    const saved = { ...API_RATE_LIMITS };
    API_RATE_LIMITS.basic = 3;
    try {
      for (let i = 0; i < 3; i++) {
        const ok = await api("GET", `/v1/projects/${project.id}/accessKeys`, { basic: key });
        expect(ok.status).toBe(200);
        expect(ok.headers.get("ratelimit-remaining")).toBe(String(2 - i));
      }
      const limited = await api("GET", `/v1/projects/${project.id}/accessKeys`, { basic: key });
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ error: { code: 429, status: "RESOURCE_EXHAUSTED" } });
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(limited.headers.get("ratelimit-limit")).toBe("3");
      // The bearer bucket of the same key is separate and larger.
      expect((await api("GET", `/v1/projects/${project.id}/accessKeys`, { token })).status).toBe(200);
      const db = await getDb();
      const rows = rowsOf<{ hits: number }>(await db.execute(sql`select hits from rate_limit_windows where bucket = ${`key:${key.keyId}:basic`}`));
      expect(rows.map((r) => Number(r.hits))).toEqual([4]);
    } finally {
      Object.assign(API_RATE_LIMITS, saved);
    }
  });
});

describe("request IDs", () => {
  it("every API response carries X-Request-Id, echoing a sane one from the caller", async () => {
    const { project } = await makeTree();
    const token = await tokenFor(await makeKey(project.id));
    const fresh = await api("GET", `/v1/projects/${project.id}/accessKeys`, { token });
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await api("GET", `/v1/projects/${project.id}/accessKeys`, { token, headers: { "x-request-id": "lb-1234.abc" } });
    expect(echoed.headers.get("x-request-id")).toBe("lb-1234.abc");
    const unsafe = await api("GET", `/v1/projects/${project.id}/accessKeys`, { token, headers: { "x-request-id": "<script>" } });
    expect(unsafe.headers.get("x-request-id")).not.toBe("<script>");
    const failed = await api("GET", `/v1/nowhere`, { token });
    expect(failed.status).toBe(404);
    expect(failed.headers.get("x-request-id")).toBeTruthy();
  });
});
