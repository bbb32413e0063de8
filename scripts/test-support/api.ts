import { tokenEndpoint } from "@/lib/api/oauth";
import { v1RouteHandler } from "@/lib/api/v1";
import { cliActor } from "@/lib/domain/actor";
import { createAccessKey } from "@/lib/domain/access-keys";
import { assertConformsToOpenApi } from "./openapi-conformance";

const v1 = v1RouteHandler("/v1");
const v1alpha1 = v1RouteHandler("/v1alpha1");

export interface Credentials {
  keyId: string;
  secret: string;
}

/** Creates an access key on a node directly through the domain (as the CLI would). */
export async function makeKey(projectId: string, name = `key-${Math.random().toString(36).slice(2, 8)}`): Promise<Credentials> {
  const { accessKey, secret } = await createAccessKey(cliActor, projectId, { displayName: name });
  return { keyId: accessKey.accessKeyId, secret };
}

/** `POST /oauth2/token` with HTTP Basic, in-process. */
export async function tokenFor(creds: Credentials): Promise<string> {
  const response = await tokenEndpoint(
    new Request("http://api.test/oauth2/token", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${Buffer.from(`${creds.keyId}:${creds.secret}`).toString("base64")}` },
      body: "grant_type=client_credentials",
    }),
  );
  const json = (await response.json()) as { access_token?: string };
  if (!json.access_token) throw new Error(`token request failed: ${response.status} ${JSON.stringify(json)}`);
  return json.access_token;
}

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * Calls the /v1 API in-process (the same handler Next.js mounts), e.g.
 * `api("GET", "/v1/projects/abc/accessKeys", { token })`.
 */
export async function api<T = Record<string, unknown>>(
  method: string,
  path: string,
  options: { token?: string; basic?: Credentials; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.basic) headers.authorization = `Basic ${Buffer.from(`${options.basic.keyId}:${options.basic.secret}`).toString("base64")}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] = "application/json";
  }
  const request = new Request(`http://api.test${path}`, { method, headers, body });
  const response = await (path.startsWith("/v1alpha1/") ? v1alpha1 : v1)(request);
  const text = await response.text();
  const parsed = (text ? JSON.parse(text) : {}) as T;
  // Every API response a test sees must match the published OpenAPI document.
  assertConformsToOpenApi(method, path, response.status, parsed);
  return { status: response.status, body: parsed, headers: response.headers };
}
