import { createServer, type Server } from "node:http";
import { apiHandlerFor, serveApi } from "@/lib/http/api-listener";

/**
 * A real HTTP server around the production API listener (the one scripts/server.ts mounts), so
 * HTTP clients (the official SDK) can be tested in vitest without a production build.
 */
export async function startApiServer(): Promise<{ url: string; close(): Promise<void>; server: Server }> {
  const server = createServer((req, res) => {
    const handler = apiHandlerFor(req.method, req.url);
    if (!handler) return void res.writeHead(404).end("not found");
    void serveApi(handler, req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, server, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
