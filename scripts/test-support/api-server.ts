import { createServer, type IncomingMessage, type Server } from "node:http";
import { tokenEndpoint } from "@/lib/api/oauth";
import { v1RouteHandler } from "@/lib/api/v1";

const v1 = v1RouteHandler("/v1");
const v1alpha1 = v1RouteHandler("/v1alpha1");

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = chunks.length ? Buffer.concat(chunks) : undefined;
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  return new Request(origin + req.url, { method: req.method, headers, body: req.method === "GET" || req.method === "HEAD" ? undefined : body });
}

/**
 * A real HTTP server around the same API handlers Next.js mounts, so HTTP clients (the official
 * SDK) can be tested in vitest without a production build.
 */
export async function startApiServer(): Promise<{ url: string; close(): Promise<void>; server: Server }> {
  let origin = "";
  const server = createServer(async (req, res) => {
    const request = await toRequest(req, origin);
    const path = new URL(request.url).pathname;
    const response = path === "/oauth2/token" ? await tokenEndpoint(request) : path.startsWith("/v1alpha1/") ? await v1alpha1(request) : path.startsWith("/v1/") ? await v1(request) : new Response("not found", { status: 404 });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  origin = `http://127.0.0.1:${port}`;
  return { url: origin, server, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
