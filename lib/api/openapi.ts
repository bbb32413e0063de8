import { createDocument, type ZodOpenApiPathsObject } from "zod-openapi";
import { z } from "zod";
import type { Operation } from "./operation";
import { operations } from "./operations";

const ErrorSchema = z
  .object({
    error: z.object({
      code: z.number().int(),
      message: z.string(),
      status: z.string().describe("INVALID_ARGUMENT | FAILED_PRECONDITION | UNAUTHENTICATED | PERMISSION_DENIED | NOT_FOUND | ALREADY_EXISTS | ABORTED | RESOURCE_EXHAUSTED | INTERNAL | UNAVAILABLE"),
      details: z.array(
        z.object({
          "@type": z.string(),
          fieldViolations: z.array(z.object({ field: z.string(), description: z.string() })),
        }),
      ),
    }),
  })
  .meta({ id: "Error" });

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: ErrorSchema } } });

function operationObject(op: Operation) {
  const mutating = op.method !== "GET";
  return {
    operationId: op.id,
    summary: op.summary,
    tags: [op.tag],
    security: [{ bearer: [] }, { basic: [] }],
    requestParams: {
      path: op.params as z.ZodObject,
      ...(op.query ? { query: op.query as z.ZodObject } : {}),
      ...(mutating ? { header: z.object({ "Idempotency-Key": z.string().max(255).optional().describe("Replays the stored response for 24 h when the same request is retried") }) } : {}),
    },
    ...(op.body ? { requestBody: { required: false, content: { "application/json": { schema: op.body } } } } : {}),
    responses: {
      "200": { description: "OK", content: { "application/json": { schema: op.response } } },
      "400": errorResponse("INVALID_ARGUMENT (with field violations) or FAILED_PRECONDITION"),
      "401": errorResponse("UNAUTHENTICATED: missing, invalid or revoked credentials"),
      "403": errorResponse("PERMISSION_DENIED: not reachable with this key (same answer as when it does not exist), or suspended"),
      "404": errorResponse("NOT_FOUND"),
      "409": errorResponse("ALREADY_EXISTS, or ABORTED while a request with the same Idempotency-Key is in flight"),
      ...(op.current ? { "412": errorResponse("If-Match does not match the current ETag") } : {}),
      ...(mutating ? { "422": errorResponse("Idempotency-Key reused with a different request") } : {}),
      "429": errorResponse("RESOURCE_EXHAUSTED: rate limit; see Retry-After"),
      "503": errorResponse("UNAVAILABLE: retry shortly"),
    },
  };
}

let cached: unknown;

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function openApiDocument(): unknown {
  if (cached) return cached;
  const paths: ZodOpenApiPathsObject = {};
  for (const op of operations) {
    const path = `/v1${op.path}`;
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[op.method.toLowerCase()] = operationObject(op);
  }
  cached = createDocument({
    openapi: "3.1.0",
    info: {
      title: "Build Portal API",
      version: "1.0.0",
      description:
        "Automation API for projects and subprojects, access keys and numbers, in the platform's public wire format. Get a token at POST /oauth2/token (client credentials: key ID and secret) and send it as a Bearer token. A project's key reaches the project and its subprojects; a subproject's key reaches only that subproject. /v1alpha1 is a deprecated alias of /v1.",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "Token from POST /oauth2/token" },
        basic: { type: "http", scheme: "basic", description: "Access key ID and secret; for testing, rate-limited harder" },
      },
    },
    paths,
  });
  return cached;
}
