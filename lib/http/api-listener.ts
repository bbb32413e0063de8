import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { ApiError, errorResponse } from "@/lib/api/errors";
import { tokenEndpoint } from "@/lib/api/oauth";
import { MAX_BODY_BYTES } from "@/lib/api/request-input";
import { v1RouteHandler } from "@/lib/api/v1";
import { SECURITY_HEADERS } from "@/lib/security/headers.mjs";

type Handler = (request: Request) => Promise<Response>;

const v1 = v1RouteHandler("/v1");
const v1alpha1 = v1RouteHandler("/v1alpha1");
// The methods app/v1/[...path]/route.ts exports; anything else (HEAD, OPTIONS) stays with Next.js.
const DISPATCHED_METHODS = new Set(["GET", "POST", "PATCH", "DELETE", "PUT"]);

/**
 * The handler that serves this request without Next.js, or null to leave it to Next.js. Exactly
 * the requests the /v1, /v1alpha1 catch-all routes and /oauth2/token route would answer with the
 * same handlers; /v1/openapi.json and everything else stays with Next.js.
 */
export function apiHandlerFor(method: string | undefined, url: string | undefined): Handler | null {
  if (!method || !url) return null;
  const path = url.split("?", 1)[0]!;
  if (path === "/oauth2/token") return method === "POST" ? tokenEndpoint : null;
  if (!DISPATCHED_METHODS.has(method)) return null;
  if (path.startsWith("/v1/") && path !== "/v1/openapi.json") return v1;
  if (path.startsWith("/v1alpha1/")) return v1alpha1;
  return null;
}

/**
 * The body as a web stream that ends after MAX_BODY_BYTES + 1 bytes: enough for the dispatcher
 * to answer 400 for an oversized body, without buffering whatever a client keeps sending.
 */
function cappedBody(req: IncomingMessage): ReadableStream<Uint8Array> {
  async function* chunks() {
    let seen = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      seen += chunk.length;
      yield chunk;
      if (seen > MAX_BODY_BYTES) return;
    }
  }
  return Readable.toWeb(Readable.from(chunks())) as ReadableStream<Uint8Array>;
}

function toRequest(req: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(origin + req.url, { method: req.method, headers, body: hasBody ? cappedBody(req) : undefined, duplex: "half" } as RequestInit);
}

/**
 * Serves an API request on plain node:http. The API is JSON in, JSON out and renders nothing, so
 * it skips the Next.js route pipeline, which measured 70 % of a /v1 request's CPU (bench/RESULTS.md).
 */
export async function serveApi(handler: Handler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const origin = `http://${req.headers.host ?? "localhost"}`;
  let request: Request | null = null;
  try {
    request = toRequest(req, origin);
  } catch {
    // A URL or header the web Request refuses; anything a handler throws is the caller's 500, not this.
  }
  const response = request ? await handler(request) : errorResponse(new ApiError("INVALID_ARGUMENT", "Malformed request"));
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string | string[]> = {};
  for (const { key, value } of SECURITY_HEADERS) headers[key] = value;
  response.headers.forEach((value, key) => void (headers[key] = value));
  headers["content-length"] = String(body.length);
  // Whatever the client still sends past the cap is never read: close rather than reuse the connection.
  if (!req.complete) headers.connection = "close";
  res.writeHead(response.status, headers);
  res.end(body);
}
