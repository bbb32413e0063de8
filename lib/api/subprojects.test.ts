import { describe, expect, it } from "vitest";
import { newSubprojectId } from "@/lib/domain/ids";
import { api, makeKey, tokenFor } from "@/scripts/test-support/api";
import { makeTree } from "@/scripts/test-support/fixtures";

type Sub = { subprojectId: string; displayName: string; labels: Record<string, string>; parentProjectId: string; deleted: boolean; suspended: boolean; purgeTime: string | null };

async function setup() {
  const tree = await makeTree("Api");
  const token = await tokenFor(await makeKey(tree.project.id, "reseller"));
  return { ...tree, token };
}

describe("Subprojects API", () => {
  it("creates a subproject, ignoring a parentProjectId in the body, and reads it back", async () => {
    const { project, token } = await setup();
    const other = await makeTree();
    const created = await api<Sub>("POST", `/v1/projects/${project.id}/subprojects`, { token, body: { displayName: "Customer 42", labels: { region: "eu" }, parentProjectId: other.project.id } });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ displayName: "Customer 42", labels: { region: "eu" }, parentProjectId: project.id, deleted: false });
    expect(created.body.subprojectId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    const fetched = await api<Sub>("GET", `/v1/subprojects/${created.body.subprojectId}`, { token });
    expect(fetched.body).toEqual(created.body);
    expect(fetched.headers.get("etag")).toMatch(/^"[\w-]+"$/);
  });

  it("validates displayName and labels with field violations", async () => {
    const { project, token } = await setup();
    const cases: Array<[unknown, string]> = [
      [{}, "displayName"],
      [{ displayName: "" }, "displayName"],
      [{ displayName: "x".repeat(256) }, "displayName"],
      [{ displayName: 42 }, "displayName"],
      [{ displayName: "ok", labels: { k: "" } }, "labels.k"],
      [{ displayName: "ok", labels: Object.fromEntries(Array.from({ length: 256 }, (_, i) => [`k${i}`, "v"])) }, "labels"],
      [{ displayName: "ok", labels: ["not", "a", "map"] }, "labels"],
    ];
    for (const [body, field] of cases) {
      const r = await api<{ error: { status: string; details: { fieldViolations: { field: string }[] }[] } }>("POST", `/v1/projects/${project.id}/subprojects`, { token, body });
      expect(r.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(r.body.error.status).toBe("INVALID_ARGUMENT");
      expect(r.body.error.details[0]!.fieldViolations.map((v) => v.field)).toContain(field);
    }
    const malformed = await api("POST", `/v1/projects/${project.id}/subprojects`, { token, rawBody: "{not json", headers: { "content-type": "application/json" } });
    expect(malformed.body).toMatchObject({ error: { code: 400, status: "INVALID_ARGUMENT" } });
  });

  it("refuses a subproject as parent (FAILED_PRECONDITION) and answers missing and foreign parents alike (PERMISSION_DENIED)", async () => {
    const { sub1, token } = await setup();
    const nested = await api("POST", `/v1/projects/${sub1.id}/subprojects`, { token, body: { displayName: "Nested" } });
    expect(nested.status).toBe(400);
    expect(nested.body).toMatchObject({ error: { status: "FAILED_PRECONDITION" } });
    const foreign = await makeTree();
    const a = await api("POST", `/v1/projects/${foreign.project.id}/subprojects`, { token, body: { displayName: "X" } });
    const missingId = "0".repeat(32);
    const b = await api("POST", `/v1/projects/${missingId}/subprojects`, { token, body: { displayName: "X" } });
    expect(a.status).toBe(403);
    expect(b.status).toBe(403);
    expect(JSON.stringify(a.body).replace(foreign.project.id, "<id>")).toBe(JSON.stringify(b.body).replace(missingId, "<id>"));
  });

  it("a subproject's own key cannot create, list or delete subprojects", async () => {
    const { project, sub1 } = await setup();
    const subToken = await tokenFor(await makeKey(sub1.id));
    expect((await api("POST", `/v1/projects/${project.id}/subprojects`, { token: subToken, body: { displayName: "X" } })).status).toBe(403);
    expect((await api("GET", `/v1/projects/${project.id}/subprojects`, { token: subToken })).status).toBe(403);
    expect((await api("DELETE", `/v1/subprojects/${sub1.id}`, { token: subToken })).status).toBe(403);
    expect((await api<Sub>("GET", `/v1/subprojects/${sub1.id}`, { token: await tokenFor(await makeKey(project.id)) })).body.deleted).toBe(false);
  });

  it("pages with an opaque keyset token that stays stable while others insert and delete", async () => {
    const { project, token } = await setup();
    for (let i = 0; i < 18; i++) await api("POST", `/v1/projects/${project.id}/subprojects`, { token, body: { displayName: `Page ${i}` } });
    const seen: string[] = [];
    let pageToken = "";
    let pages = 0;
    do {
      const r = await api<{ subprojects: Sub[]; nextPageToken: string }>("GET", `/v1/projects/${project.id}/subprojects?pageSize=7${pageToken ? `&pageToken=${pageToken}` : ""}`, { token });
      expect(r.body.subprojects.length).toBeLessThanOrEqual(7);
      seen.push(...r.body.subprojects.map((s) => s.subprojectId));
      pageToken = r.body.nextPageToken;
      if (pages++ === 0) {
        // Between pages: delete one already seen, add a new one.
        await api("DELETE", `/v1/subprojects/${seen[0]}`, { token });
        await api("POST", `/v1/projects/${project.id}/subprojects`, { token, body: { displayName: "Late arrival" } });
      }
    } while (pageToken);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(21); // 20 present at the start + the late arrival, none repeated, none skipped
    expect((await api("GET", `/v1/projects/${project.id}/subprojects?pageSize=0`, { token })).status).toBe(400);
    expect((await api("GET", `/v1/projects/${project.id}/subprojects?pageSize=1001`, { token })).status).toBe(400);
    expect((await api("GET", `/v1/projects/${project.id}/subprojects?pageToken=forged`, { token })).status).toBe(400);
    const withDeleted = await api<{ subprojects: Sub[] }>("GET", `/v1/projects/${project.id}/subprojects?pageSize=1000&showDeleted=true`, { token });
    expect(withDeleted.body.subprojects.filter((s) => s.deleted).map((s) => s.subprojectId)).toEqual([seen[0]]);
  });

  it("soft delete stops the subproject's keys at once; undelete restores them; PATCH on deleted is refused", async () => {
    const { project, token } = await setup();
    const { body: sub } = await api<Sub>("POST", `/v1/projects/${project.id}/subprojects`, { token, body: { displayName: "Churner" } });
    const subToken = await tokenFor(await makeKey(sub.subprojectId));
    expect((await api("GET", `/v1/projects/${sub.subprojectId}/accessKeys`, { token: subToken })).status).toBe(200);
    expect((await api("DELETE", `/v1/subprojects/${sub.subprojectId}`, { token })).body).toEqual({});
    const deleted = await api<Sub>("GET", `/v1/subprojects/${sub.subprojectId}`, { token });
    expect(deleted.body.deleted).toBe(true);
    expect(new Date(deleted.body.purgeTime!).getTime() - Date.now()).toBeGreaterThan(29 * 86_400_000);
    expect((await api("GET", `/v1/projects/${sub.subprojectId}/accessKeys`, { token: subToken })).status).toBe(401);
    const patch = await api("PATCH", `/v1/subprojects/${sub.subprojectId}`, { token, body: { displayName: "x" } });
    expect(patch.body).toMatchObject({ error: { code: 400, status: "FAILED_PRECONDITION" } });
    expect((await api<Sub>("POST", `/v1/subprojects/${sub.subprojectId}:undelete`, { token, body: {} })).body.deleted).toBe(false);
    expect((await api("GET", `/v1/projects/${sub.subprojectId}/accessKeys`, { token: subToken })).status).toBe(200);
    expect((await api("POST", `/v1/subprojects/${sub.subprojectId}:undelete`, { token, body: {} })).status).toBe(400);
  });

  it("suspend makes the subproject's keys get 403 on resource calls; resume restores them", async () => {
    const { project, token } = await setup();
    const { body: sub } = await api<Sub>("POST", `/v1/projects/${project.id}/subprojects`, { token, body: { displayName: "Late payer" } });
    const subToken = await tokenFor(await makeKey(sub.subprojectId));
    expect((await api<Sub>("POST", `/v1/subprojects/${sub.subprojectId}:suspend`, { token, body: {} })).body.suspended).toBe(true);
    const denied = await api("GET", `/v1/projects/${sub.subprojectId}/activeNumbers`, { token: subToken });
    expect(denied.status).toBe(403);
    // The parent still manages it.
    expect((await api<Sub>("GET", `/v1/subprojects/${sub.subprojectId}`, { token })).body.suspended).toBe(true);
    await api("POST", `/v1/subprojects/${sub.subprojectId}:resume`, { token, body: {} });
    expect((await api("GET", `/v1/projects/${sub.subprojectId}/activeNumbers`, { token: subToken })).status).toBe(200);
  });

  it("PATCH replaces labels, keeps the parent, and a top-level project is not a subproject", async () => {
    const { project, sub1, token } = await setup();
    const r = await api<Sub>("PATCH", `/v1/subprojects/${sub1.id}`, { token, body: { labels: { tier: "gold" }, parentProjectId: newSubprojectId() } });
    expect(r.body).toMatchObject({ labels: { tier: "gold" }, parentProjectId: project.id, displayName: "Customer one" });
    expect((await api("GET", `/v1/subprojects/${project.id}`, { token })).status).toBe(404);
    expect((await api("GET", `/v1alpha1/subprojects/${sub1.id}`, { token })).body).toEqual((await api("GET", `/v1/subprojects/${sub1.id}`, { token })).body);
  });
});
