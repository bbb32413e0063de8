/**
 * The app's own /v1 request path (lib/api: dispatch, authorizeKey, rate limit, operations) on a
 * plain node:http server, without Next.js. Between the floor and `next start` it splits the gap
 * into "our request path" and "the framework". Prints `listening <url>` once ready.
 * Run: DATABASE_URL=… NEXTAUTH_SECRET=… node --conditions=react-server --import tsx bench/dispatch-server.ts
 */
import { startApiServer } from "../scripts/test-support/api-server";

startApiServer().then(({ url, close }) => {
  console.log(`listening ${url}`);
  process.on("SIGTERM", () => void close().then(() => process.exit(0)));
});
