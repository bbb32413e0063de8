import { describe, expect, it } from "vitest";
import { api, makeKey, tokenFor } from "@/scripts/test-support/api";
import { makeTree } from "@/scripts/test-support/fixtures";

type Sub = { subprojectId: string; labels: Record<string, string> };
type ActiveNumber = { phoneNumber: string; projectId: string };
type AuditPage = { auditEvents: { action: string; subprojectId: string | null }[]; nextPageToken: string };

/**
 * A reseller's whole lifecycle through the API only (every response is also checked against
 * /v1/openapi.json by the api() helper).
 */
describe("reseller lifecycle through the API", () => {
  it("onboards 50 customers, pages, keys, numbers, move, suspend, delete, undelete, audit", { timeout: 120_000 }, async () => {
    const { project } = await makeTree("Reseller");
    const parent = await tokenFor(await makeKey(project.id, "automation"));

    const subs: Sub[] = [];
    for (let i = 0; i < 50; i++) {
      const r = await api<Sub>("POST", `/v1/projects/${project.id}/subprojects`, {
        token: parent,
        headers: { "idempotency-key": `onboard-${i}` },
        body: { displayName: `Customer ${String(i).padStart(2, "0")}`, labels: { region: ["eu", "us", "apac"][i % 3]!, customer: `c${i}` } },
      });
      expect(r.status).toBe(200);
      subs.push(r.body);
    }

    const paged: string[] = [];
    let pageToken = "";
    do {
      const r = await api<{ subprojects: Sub[]; nextPageToken: string }>("GET", `/v1/projects/${project.id}/subprojects?pageSize=7${pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : ""}`, { token: parent });
      expect(r.body.subprojects.length).toBeLessThanOrEqual(7);
      paged.push(...r.body.subprojects.map((s) => s.subprojectId));
      pageToken = r.body.nextPageToken;
    } while (pageToken);
    // The 2 fixture subprojects plus our 50, each exactly once.
    expect(paged).toHaveLength(52);
    expect(new Set(paged).size).toBe(52);
    for (const s of subs) expect(paged).toContain(s.subprojectId);

    const tokens = new Map<string, string>();
    const numbers = new Map<string, string>();
    for (const s of subs) {
      const key = await api<{ accessKey: { accessKeyId: string }; secret: string }>("POST", `/v1/projects/${s.subprojectId}/accessKeys`, { token: parent, body: { displayName: "customer key" } });
      const token = await tokenFor({ keyId: key.body.accessKey.accessKeyId, secret: key.body.secret });
      tokens.set(s.subprojectId, token);
      const rented = await api<ActiveNumber>("POST", `/v1/projects/${s.subprojectId}/availableNumbers:rentAny`, { token, body: { regionCode: "US", type: "LOCAL" } });
      expect(rented.status).toBe(200);
      expect(rented.body.projectId).toBe(s.subprojectId);
      numbers.set(s.subprojectId, rented.body.phoneNumber);
    }

    // Move customer 0's number to customer 1 with the parent's key; the customer's own key may not.
    const [a, b, suspended, deleted] = subs as [Sub, Sub, Sub, Sub];
    const number = numbers.get(a.subprojectId)!;
    expect((await api("POST", `/v1/projects/${a.subprojectId}/activeNumbers/${number}:move`, { token: tokens.get(a.subprojectId), body: { targetProjectId: b.subprojectId } })).status).toBe(403);
    const moved = await api<ActiveNumber>("POST", `/v1/projects/${a.subprojectId}/activeNumbers/${number}:move`, { token: parent, body: { targetProjectId: b.subprojectId } });
    expect(moved.body.projectId).toBe(b.subprojectId);
    expect((await api("GET", `/v1/projects/${a.subprojectId}/activeNumbers/${number}`, { token: tokens.get(a.subprojectId) })).status).toBe(404);
    expect((await api("GET", `/v1/projects/${b.subprojectId}/activeNumbers/${number}`, { token: tokens.get(b.subprojectId) })).status).toBe(200);

    await api("POST", `/v1/subprojects/${suspended.subprojectId}:suspend`, { token: parent, body: {} });
    expect((await api("GET", `/v1/projects/${suspended.subprojectId}/activeNumbers`, { token: tokens.get(suspended.subprojectId) })).status).toBe(403);

    await api("DELETE", `/v1/subprojects/${deleted.subprojectId}`, { token: parent });
    expect((await api("GET", `/v1/projects/${deleted.subprojectId}/activeNumbers`, { token: tokens.get(deleted.subprojectId) })).status).toBe(401);
    await api("POST", `/v1/subprojects/${deleted.subprojectId}:undelete`, { token: parent, body: {} });
    const again = await api<{ activeNumbers: ActiveNumber[] }>("GET", `/v1/projects/${deleted.subprojectId}/activeNumbers`, { token: tokens.get(deleted.subprojectId) });
    expect(again.status).toBe(200);
    expect(again.body.activeNumbers.map((n) => n.phoneNumber)).toEqual([numbers.get(deleted.subprojectId)]);

    // The audit trail, read through the API, page by page.
    const actions: { action: string; subprojectId: string | null }[] = [];
    pageToken = "";
    do {
      const r = await api<AuditPage>("GET", `/v1/projects/${project.id}/auditEvents?pageSize=100${pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : ""}`, { token: parent });
      actions.push(...r.body.auditEvents);
      pageToken = r.body.nextPageToken;
    } while (pageToken);
    const count = (action: string) => actions.filter((e) => e.action === action).length;
    expect(count("subproject.created")).toBe(52);
    expect(count("accessKey.created")).toBe(51);
    expect(count("number.rented")).toBe(50);
    expect(count("number.moved")).toBe(1);
    expect(actions.filter((e) => ["subproject.suspended", "subproject.deleted", "subproject.undeleted"].includes(e.action)).map((e) => `${e.action}:${e.subprojectId}`)).toEqual([
      `subproject.undeleted:${deleted.subprojectId}`,
      `subproject.deleted:${deleted.subprojectId}`,
      `subproject.suspended:${suspended.subprojectId}`,
    ]);
    // A customer's key sees only its own trail.
    const own = await api<AuditPage>("GET", `/v1/projects/${b.subprojectId}/auditEvents`, { token: tokens.get(b.subprojectId) });
    expect(new Set(own.body.auditEvents.map((e) => e.subprojectId))).toEqual(new Set([b.subprojectId]));
    expect(own.body.auditEvents.map((e) => e.action)).toContain("number.moved");
    expect((await api("GET", `/v1/projects/${project.id}/auditEvents`, { token: tokens.get(b.subprojectId) })).status).toBe(403);
  });
});
