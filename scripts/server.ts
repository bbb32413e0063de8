/**
 * The production server (`npm start` runs it; so do the e2e, load, fault tests and benchmarks):
 * one port, one process. /v1, /v1alpha1 and /oauth2/token are served by lib/http/api-listener on
 * plain node:http; every page, portal route handler and asset goes to Next.js (custom-server
 * mode, so proxy.ts and instrumentation.ts run as under `next start`).
 *
 * Run: NODE_ENV=production node --import tsx scripts/server.ts [-p PORT] [-H HOST]
 * SIGTERM/SIGINT: stop accepting, finish the requests in flight, close the pool, exit 0.
 */
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { closeDb } from "../db/client";
import { apiHandlerFor, serveApi } from "../lib/http/api-listener";
import { log } from "../lib/observability/log";

const { values } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
// No -H: every interface, IPv6 and IPv4, as `next start` does. (HOSTNAME is not read: Docker sets
// it to the container ID.)
const hostname = values.hostname;
// Longest a shutdown waits for requests in flight; the API deadline is 8 s.
const DRAIN_MS = 20_000;

const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
const handleNext = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  const api = apiHandlerFor(req.method, req.url);
  if (!api) return void handleNext(req, res);
  serveApi(api, req, res).catch((error: unknown) => {
    log("error", "api listener failed", { error: String(error), stack: (error as Error)?.stack });
    if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
    res.end();
  });
});
server.listen(port, hostname, () => console.log(`listening http://${hostname ?? "localhost"}:${port}`));

let stopping = false;
function shutdown(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  log("info", "shutting down: finishing requests in flight", { signal });
  const force = setTimeout(() => {
    log("warn", "requests still in flight after the drain limit; exiting", { ms: DRAIN_MS });
    process.exit(1);
  }, DRAIN_MS);
  force.unref();
  // Keep-alive sockets go as soon as they are idle, so close() is not held up by quiet clients.
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  server.close(() => {
    clearInterval(idle);
    void app
      .close()
      .catch(() => {})
      .then(() => closeDb())
      .catch(() => {})
      .then(() => process.exit(0));
  });
  server.closeIdleConnections();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
