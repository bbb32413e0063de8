import { describe, expect, it } from "vitest";
import { api, makeKey, tokenFor } from "@/scripts/test-support/api";
import { makeTree } from "@/scripts/test-support/fixtures";
import { cliActor } from "@/lib/domain/actor";
import { deleteAccessKey } from "@/lib/domain/access-keys";
import { deleteSubproject } from "@/lib/domain/subproject-lifecycle";

describe("OAuth2 and the Access Keys API", () => {
  it("issues a 3599 s bearer JWT for a key and accepts it on resource calls", async () => {
    const { project } = await makeTree();
    const key = await makeKey(project.id);
    const token = await tokenFor(key);
    const [, payload] = token.split(".");
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString()) as { sub: string; exp: number; iat: number };
    expect(claims.sub).toBe(key.keyId);
    expect(claims.exp - claims.iat).toBe(3599);
    const list = await api<{ accessKeys: { accessKeyId: string }[]; nextPageToken: string }>("GET", `/v1/projects/${project.id}/accessKeys`, { token });
    expect(list.status).toBe(200);
    expect(list.body.accessKeys.map((k) => k.accessKeyId)).toEqual([key.keyId]);
    expect(list.body.nextPageToken).toBe("");
    expect(list.headers.get("ratelimit-limit")).toBeTruthy();
  });

  it("creates a key whose secret appears once, caps keys at 10, and refuses duplicate names", async () => {
    const { project, sub1 } = await makeTree();
    const token = await tokenFor(await makeKey(project.id, "admin key"));
    const created = await api<{ accessKey: { accessKeyId: string; projectId: string }; secret: string }>("POST", `/v1/projects/${sub1.id}/accessKeys`, { token, body: { displayName: "customer key" } });
    expect(created.status).toBe(200);
    expect(created.body.accessKey.projectId).toBe(sub1.id);
    expect(created.body.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const fetched = await api("GET", `/v1/projects/${sub1.id}/accessKeys/${created.body.accessKey.accessKeyId}`, { token });
    expect(JSON.stringify(fetched.body)).not.toContain(created.body.secret);
    expect((await api("POST", `/v1/projects/${sub1.id}/accessKeys`, { token, body: { displayName: "customer key" } })).body).toMatchObject({ error: { code: 409, status: "ALREADY_EXISTS" } });
    for (let i = 1; i < 10; i++) expect((await api("POST", `/v1/projects/${sub1.id}/accessKeys`, { token, body: { displayName: `k${i}` } })).status).toBe(200);
    const eleventh = await api("POST", `/v1/projects/${sub1.id}/accessKeys`, { token, body: { displayName: "one too many" } });
    expect(eleventh.status).toBe(400);
    expect(eleventh.body).toMatchObject({ error: { status: "FAILED_PRECONDITION" } });
  });

  it("a deleted key stops working at once, even with an unexpired token", async () => {
    const { project } = await makeTree();
    const key = await makeKey(project.id);
    const token = await tokenFor(key);
    await deleteAccessKey(cliActor, project.id, key.keyId);
    const response = await api("GET", `/v1/projects/${project.id}/accessKeys`, { token });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ error: { code: 401, status: "UNAUTHENTICATED" } });
    expect((await api("GET", `/v1/projects/${project.id}/accessKeys`, { basic: key })).status).toBe(401);
  });

  it("a deleted subproject's keys stop working at once", async () => {
    const { sub1 } = await makeTree();
    const key = await makeKey(sub1.id);
    const token = await tokenFor(key);
    expect((await api("GET", `/v1/projects/${sub1.id}/accessKeys`, { token })).status).toBe(200);
    await deleteSubproject(cliActor, sub1.id);
    expect((await api("GET", `/v1/projects/${sub1.id}/accessKeys`, { token })).status).toBe(401);
    await expect(tokenFor(key)).rejects.toThrow(/401/);
  });

  it("rejects forged, malformed and missing credentials in the error envelope", async () => {
    const { project } = await makeTree();
    const key = await makeKey(project.id);
    for (const headers of [{} as Record<string, string>, { authorization: "Bearer not.a.jwt" }, { authorization: "Token abc" }, { authorization: "Basic !!!" }]) {
      const r = await api("GET", `/v1/projects/${project.id}/accessKeys`, { headers });
      expect(r.status).toBe(401);
      expect(r.body).toMatchObject({ error: { status: "UNAUTHENTICATED", details: [] } });
    }
    expect((await api("GET", `/v1/projects/${project.id}/accessKeys`, { basic: { ...key, secret: "wrong" } })).status).toBe(401);
    expect((await api("GET", `/v1/projects/${project.id}/accessKeys`, { basic: key })).status).toBe(200);
  });

  it("answers /v1alpha1 exactly like /v1", async () => {
    const { project } = await makeTree();
    const token = await tokenFor(await makeKey(project.id, "alpha"));
    const a = await api("GET", `/v1/projects/${project.id}/accessKeys`, { token });
    const b = await api("GET", `/v1alpha1/projects/${project.id}/accessKeys`, { token });
    expect(b.status).toBe(a.status);
    expect(b.body).toEqual(a.body);
  });
});
