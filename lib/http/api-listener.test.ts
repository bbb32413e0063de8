import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "@/lib/api/request-input";
import { makeKey } from "@/scripts/test-support/api";
import { startApiServer } from "@/scripts/test-support/api-server";
import { makeTree } from "@/scripts/test-support/fixtures";
import { apiHandlerFor } from "./api-listener";

let server: Awaited<ReturnType<typeof startApiServer>>;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());

describe("which requests the API listener takes from Next.js", () => {
  it("takes exactly what the /v1 catch-all and /oauth2/token routes would answer", () => {
    expect(apiHandlerFor("GET", "/v1/subprojects/01ARZ3NDEKTSV4RRFFQ69G5FAV?x=1")).not.toBeNull();
    expect(apiHandlerFor("PATCH", "/v1alpha1/subprojects/x")).not.toBeNull();
    expect(apiHandlerFor("POST", "/oauth2/token")).not.toBeNull();
    // Next.js keeps the OpenAPI route, the methods the catch-all does not export, and everything else.
    expect(apiHandlerFor("GET", "/v1/openapi.json")).toBeNull();
    expect(apiHandlerFor("HEAD", "/v1/subprojects/x")).toBeNull();
    expect(apiHandlerFor("OPTIONS", "/v1/subprojects/x")).toBeNull();
    expect(apiHandlerFor("GET", "/oauth2/token")).toBeNull();
    expect(apiHandlerFor("GET", "/v1")).toBeNull();
    expect(apiHandlerFor("GET", "/v10/x")).toBeNull();
    expect(apiHandlerFor("GET", "/projects/abc")).toBeNull();
  });
});

/** A raw HTTP exchange, so the test controls framing (chunked bodies with no Content-Length). */
function send(method: string, path: string, headers: Record<string, string>, body?: Buffer, chunked = false): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.url}${path}`, { method, headers }, (res) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, text }));
    });
    req.on("error", reject);
    if (body && chunked) {
      // Written in pieces without a length, as a streaming client would.
      for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.subarray(i, i + 64 * 1024));
    } else if (body) req.write(body);
    req.end();
  });
}

describe("the API listener on node:http", () => {
  it("answers in the error envelope with the security headers and a request ID", async () => {
    const r = await send("GET", "/v1/projects/abc/subprojects", { "x-request-id": "trace-42" });
    expect(r.status).toBe(401);
    expect(JSON.parse(r.text)).toMatchObject({ error: { code: 401, status: "UNAUTHENTICATED" } });
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    expect(r.headers["x-frame-options"]).toBe("DENY");
    expect(r.headers["x-request-id"]).toBe("trace-42");
    expect(Number(r.headers["content-length"])).toBe(Buffer.byteLength(r.text));
  });

  it("refuses a streamed body past the limit with 400, without Content-Length to go by", async () => {
    const { project } = await makeTree("Listener");
    const key = await makeKey(project.id);
    const basic = `Basic ${Buffer.from(`${key.keyId}:${key.secret}`).toString("base64")}`;
    const huge = Buffer.from(JSON.stringify({ displayName: "x", labels: { k: "v".repeat(MAX_BODY_BYTES + 10) } }));
    const r = await send("POST", `/v1/projects/${project.id}/subprojects`, { authorization: basic, "content-type": "application/json", "transfer-encoding": "chunked" }, huge, true);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text)).toMatchObject({ error: { status: "INVALID_ARGUMENT", message: expect.stringMatching(/exceeds/) } });
    // A body within the limit, streamed the same way, goes through.
    const ok = await send("POST", `/v1/projects/${project.id}/subprojects`, { authorization: basic, "content-type": "application/json", "transfer-encoding": "chunked" }, Buffer.from(JSON.stringify({ displayName: "Streamed" })), true);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text)).toMatchObject({ displayName: "Streamed", parentProjectId: project.id });
  });

  it("issues tokens at /oauth2/token and refuses a wrong secret", async () => {
    const { project } = await makeTree("Listener token");
    const key = await makeKey(project.id);
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const good = await send("POST", "/oauth2/token", { ...form, authorization: `Basic ${Buffer.from(`${key.keyId}:${key.secret}`).toString("base64")}` }, Buffer.from("grant_type=client_credentials"));
    expect(good.status).toBe(200);
    expect(JSON.parse(good.text)).toMatchObject({ token_type: "bearer", expires_in: 3599 });
    const bad = await send("POST", "/oauth2/token", { ...form, authorization: `Basic ${Buffer.from(`${key.keyId}:wrong`).toString("base64")}` }, Buffer.from("grant_type=client_credentials"));
    expect(bad.status).toBe(401);
    expect(JSON.parse(bad.text)).toMatchObject({ error: "invalid_client" });
  });
});
