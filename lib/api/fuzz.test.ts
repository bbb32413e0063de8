import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { operations } from "@/lib/api/operations";
import { api, makeKey, tokenFor } from "@/scripts/test-support/api";
import { makeTree } from "@/scripts/test-support/fixtures";

const nasty = fc.constantFrom(
  "../../etc/passwd",
  "..%2F..%2Fetc%2Fpasswd",
  "' OR 1=1 --",
  "'; drop table projects; --",
  "\u0000",
  "%00",
  "😀🚀",
  "Ω≈ç√∫˜µ≤≥÷",
  "\u202e\u202d",
  "A".repeat(5000),
  "+1 (202) 555-0100",
  "-1",
  "1e309",
  "null",
  "%",
  "%zz",
);
const segment = fc.oneof(nasty, fc.string({ maxLength: 40 }), fc.stringMatching(/^[0-9A-Z]{26}$/), fc.stringMatching(/^[0-9a-f]{32}$/));
const jsonBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({ displayName: fc.oneof(fc.string(), nasty, fc.integer(), fc.constant(null)), labels: fc.oneof(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer())), fc.string()) }, { requiredKeys: [] }),
  fc.record({ targetProjectId: segment, smsConfiguration: fc.jsonValue({ maxDepth: 2 }), regionCode: nasty, type: fc.string() }, { requiredKeys: [] }),
);
const rawBody = fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom("{", "[1,2", '{"a":', "\uFEFF{}", "null", "\"str\""));

function fill(template: string, values: string[]): string {
  let i = 0;
  return template.replace(/\{(\w+)\}/g, () => encodeURIComponent(values[i++ % values.length]!));
}

describe("bad-input fuzzing of every /v1 endpoint", () => {
  it("never answers 5xx, and every error is in the envelope", { timeout: 180_000 }, async () => {
    const { project, sub1 } = await makeTree("Fuzz");
    const token = await tokenFor(await makeKey(project.id));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...operations),
        fc.array(fc.oneof(segment, fc.constant(project.id), fc.constant(sub1.id)), { minLength: 1, maxLength: 3 }),
        fc.oneof(jsonBody.map((b) => ({ body: b as unknown })), rawBody.map((raw) => ({ rawBody: raw, headers: { "content-type": "application/json" } }))),
        fc.dictionary(fc.constantFrom("pageSize", "pageToken", "showDeleted", "regionCode", "type", "numberPattern.pattern", "capabilities", "size", "orderBy", "startTime", "action"), fc.oneof(nasty, fc.string({ maxLength: 20 }))),
        async (op, values, payload, query) => {
          const qs = new URLSearchParams(query).toString();
          const path = `/v1${fill(op.path, values)}${qs ? `?${qs}` : ""}`;
          const r = await api(op.method, path, { token, ...(op.method === "GET" ? {} : payload) });
          expect(r.status, `${op.method} ${path}`).toBeLessThan(500);
          if (r.status >= 400) expect(r.body, `${op.method} ${path}`).toMatchObject({ error: { code: r.status, status: expect.any(String), message: expect.any(String), details: expect.any(Array) } });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("U+0000, which PostgreSQL text cannot hold, is a 400 wherever it is sent, never a 500", async () => {
    const { project, sub1 } = await makeTree("Nul");
    const token = await tokenFor(await makeKey(project.id));
    const cases = [
      await api("POST", `/v1/projects/${project.id}/subprojects`, { token, body: { displayName: "a\u0000b" } }),
      await api("PATCH", `/v1/subprojects/${sub1.id}`, { token, body: { labels: { tier: "gold\u0000" } } }),
      await api("POST", `/v1/projects/${project.id}/accessKeys`, { token, body: { displayName: "\u0000" } }),
      // Past validation: a query filter reaches the database as a parameter.
      await api("GET", `/v1/projects/${project.id}/availableNumbers?regionCode=US&type=LOCAL&numberPattern.pattern=1%00`, { token }),
    ];
    for (const r of cases) {
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ error: { status: "INVALID_ARGUMENT" } });
    }
  });

  it("enforces the body size limit with a 400 in the envelope", async () => {
    const { project } = await makeTree("Huge");
    const token = await tokenFor(await makeKey(project.id));
    const huge = JSON.stringify({ displayName: "x", labels: { k: "v".repeat(2 * 1024 * 1024) } });
    const r = await api("POST", `/v1/projects/${project.id}/subprojects`, { token, rawBody: huge, headers: { "content-type": "application/json" } });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: { status: "INVALID_ARGUMENT", message: expect.stringMatching(/exceeds/) } });
  });

  it("unknown paths and methods answer 404 in the envelope", async () => {
    const { project } = await makeTree("Paths");
    const token = await tokenFor(await makeKey(project.id));
    for (const [method, path] of [["GET", "/v1/../../etc/passwd"], ["PUT", `/v1/projects/${project.id}/subprojects`], ["GET", "/v1/%E0%A4%A"], ["GET", "/v1/projects"]] as const) {
      const r = await api(method, path, { token });
      expect(r.status, path).toBe(404);
      expect(r.body).toMatchObject({ error: { code: 404, status: "NOT_FOUND" } });
    }
  });
});
