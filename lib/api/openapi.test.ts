import { describe, expect, it } from "vitest";
import { GET } from "@/app/v1/openapi.json/route";
import { operations } from "@/lib/api/operations";
import { assertConformsToOpenApi } from "@/scripts/test-support/openapi-conformance";
import { openApiDocument } from "./openapi";

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1, served at /v1/openapi.json, with every operation and its error envelope", async () => {
    const response = GET();
    const doc = (await response.json()) as { openapi: string; paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>; components: { schemas: Record<string, unknown> } };
    expect(doc.openapi).toBe("3.1.0");
    expect(doc).toEqual(openApiDocument());
    for (const op of operations) {
      const documented = doc.paths[`/v1${op.path}`]?.[op.method.toLowerCase()];
      expect(documented?.operationId, `${op.method} ${op.path}`).toBe(op.id);
      expect(Object.keys(documented!.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "403", "429"]));
    }
    expect(doc.components.schemas).toHaveProperty("Subproject");
    expect(doc.components.schemas).toHaveProperty("Error");
  });

  it("the conformance check rejects a body that does not match, and an undocumented status", () => {
    const sub = { subprojectId: "01ARZ3NDEKTSV4RRFFQ69G5FAV", displayName: "x", labels: {}, parentProjectId: "a".repeat(32), createTime: "2026-01-01T00:00:00.000Z", updateTime: "2026-01-01T00:00:00.000Z", deleted: false, suspended: false, suspendedReason: null, deleteTime: null, purgeTime: null };
    expect(() => assertConformsToOpenApi("GET", `/v1/subprojects/${sub.subprojectId}`, 200, sub)).not.toThrow();
    expect(() => assertConformsToOpenApi("GET", `/v1/subprojects/${sub.subprojectId}`, 200, { ...sub, deleted: "no" })).toThrow(/does not match/);
    const { labels: _labels, ...missing } = sub;
    expect(() => assertConformsToOpenApi("GET", `/v1/subprojects/${sub.subprojectId}`, 200, missing)).toThrow(/labels/);
    expect(() => assertConformsToOpenApi("GET", `/v1/subprojects/${sub.subprojectId}`, 404, { error: { code: 404, message: "m", status: "NOT_FOUND", details: [] } })).not.toThrow();
    expect(() => assertConformsToOpenApi("GET", `/v1/subprojects/${sub.subprojectId}`, 404, { message: "not the envelope" })).toThrow();
    expect(() => assertConformsToOpenApi("GET", `/v1/subprojects/${sub.subprojectId}`, 418, {})).toThrow(/not documented/);
  });
});
