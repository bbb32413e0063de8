import Ajv2020 from "ajv/dist/2020";
import type { ValidateFunction } from "ajv";
import { openApiDocument } from "@/lib/api/openapi";
import { operations } from "@/lib/api/operations";
import { Router } from "@/lib/api/router";

const router = new Router(operations);
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(openApiDocument() as object, "openapi");
const compiled = new Map<string, ValidateFunction>();

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

/**
 * Checks a real /v1 response against /v1/openapi.json: the status must be documented for the
 * operation and the body must match its schema. Throws with ajv's errors otherwise.
 */
export function assertConformsToOpenApi(method: string, path: string, status: number, body: unknown): void {
  const versionless = path.replace(/^\/v1(alpha1)?/, "").split("?")[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(versionless);
  } catch {
    return; // not a path any operation can match
  }
  const matched = router.match(method, decoded);
  if (!matched.op) return; // unknown routes answer the generic 404 envelope
  const key = `${method} ${matched.op.path} ${status}`;
  let validate = compiled.get(key);
  if (!validate) {
    const doc = openApiDocument() as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    const responses = doc.paths[`/v1${matched.op.path}`]![method.toLowerCase()]!.responses;
    if (!responses[String(status)]) throw new Error(`${key}: status ${status} is not documented in the OpenAPI document`);
    validate = ajv.compile({ $ref: `openapi#/${pointer("paths", `/v1${matched.op.path}`, method.toLowerCase(), "responses", String(status), "content", "application/json", "schema")}` });
    compiled.set(key, validate);
  }
  if (!validate(body)) throw new Error(`${key}: response does not match the OpenAPI document: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`);
}
