import { createServer, type Server } from "node:http";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { cliActor } from "@/lib/domain/actor";
import { createSubproject } from "@/lib/domain/projects";
import { createWebhookEndpoint } from "@/lib/domain/webhooks";
import { api, makeKey, tokenFor } from "@/scripts/test-support/api";
import { makeTree, unlimited } from "@/scripts/test-support/fixtures";
import { backoffSeconds, deliverDueWebhooks, MAX_ATTEMPTS } from "./deliver";
import { SIGNATURE_HEADER, verifySignature } from "./signature";

interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}
let server: Server;
let base = "";
const received: Received[] = [];
let failNext = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      received.push({ path: req.url!, headers: req.headers, body });
      if (failNext > 0) {
        failNext--;
        res.writeHead(500).end("nope");
      } else res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function deliveryState(eventType: string, path: string) {
  const db = await getDb();
  return rowsOf<{ state: string; attempts: number; last_error: string | null; wait: number }>(
    await db.execute(sql`select d.state, d.attempts, d.last_error, extract(epoch from d.next_attempt_at - now())::float as wait
      from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id where d.event_type = ${eventType} and e.url = ${base + path}`),
  );
}

describe("lifecycle webhooks", () => {
  it("delivers a signed event for an API change, once, after commit", async () => {
    const { project } = await makeTree();
    const { secret } = await createWebhookEndpoint(cliActor, project.id, { url: `${base}/ok` });
    const token = await tokenFor(await makeKey(project.id));
    const created = await api<{ subprojectId: string }>("POST", `/v1/projects/${project.id}/subprojects`, { token, body: { displayName: "Hooked" } });
    await deliverDueWebhooks();
    const hits = received.filter((r) => r.path === "/ok" && r.headers["x-buildportal-event"] === "subproject.created");
    expect(hits).toHaveLength(1);
    const event = JSON.parse(hits[0]!.body) as { type: string; subprojectId: string; projectId: string; data: { displayName: string } };
    expect(event).toMatchObject({ type: "subproject.created", subprojectId: created.body.subprojectId, projectId: project.id, data: { displayName: "Hooked" } });
    expect(verifySignature(secret, hits[0]!.body, hits[0]!.headers[SIGNATURE_HEADER.toLowerCase()] as string)).toBe(true);
    expect(verifySignature("whsec_wrong", hits[0]!.body, hits[0]!.headers[SIGNATURE_HEADER.toLowerCase()] as string)).toBe(false);
    // The access key created above is an event too; nothing is sent twice.
    await deliverDueWebhooks();
    expect(received.filter((r) => r.path === "/ok" && r.headers["x-buildportal-event"] === "subproject.created")).toHaveLength(1);
    expect(await deliveryState("accessKey.created", "/ok")).toMatchObject([{ state: "delivered" }]);
  });

  it("retries a failing endpoint with back-off, then delivers", async () => {
    const { project } = await makeTree();
    await createWebhookEndpoint(cliActor, project.id, { url: `${base}/flaky` });
    failNext = 1;
    await createSubproject(cliActor, { parentProjectId: project.id, displayName: "Retry me" }, unlimited);
    await deliverDueWebhooks();
    const [afterFailure] = await deliveryState("subproject.created", "/flaky");
    expect(afterFailure).toMatchObject({ state: "pending", attempts: 1, last_error: "HTTP 500" });
    expect(afterFailure!.wait).toBeGreaterThan(backoffSeconds(1) - 2);
    const db = await getDb();
    await db.execute(sql`update webhook_deliveries set next_attempt_at = now() where endpoint_id in (select id from webhook_endpoints where url = ${base + "/flaky"})`);
    await deliverDueWebhooks();
    expect(await deliveryState("subproject.created", "/flaky")).toMatchObject([{ state: "delivered", attempts: 2 }]);
  });

  it("gives up after the last attempt, and a rolled-back change queues nothing", async () => {
    const { project } = await makeTree();
    await createWebhookEndpoint(cliActor, project.id, { url: `${base}/down` });
    failNext = MAX_ATTEMPTS;
    await createSubproject(cliActor, { parentProjectId: project.id, displayName: "Never arrives" }, unlimited);
    const db = await getDb();
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await db.execute(sql`update webhook_deliveries set next_attempt_at = now() where endpoint_id in (select id from webhook_endpoints where url = ${base + "/down"})`);
      await deliverDueWebhooks();
    }
    expect(await deliveryState("subproject.created", "/down")).toMatchObject([{ state: "failed", attempts: MAX_ATTEMPTS }]);
    await expect(createSubproject(cliActor, { parentProjectId: project.id, displayName: "" }, unlimited)).rejects.toThrow();
    expect(await deliveryState("subproject.created", "/down")).toHaveLength(1);
  });

  it("refuses webhooks on subprojects and non-http URLs", async () => {
    const { sub1, project } = await makeTree();
    await expect(createWebhookEndpoint(cliActor, sub1.id, { url: `${base}/x` })).rejects.toMatchObject({ code: "FAILED_PRECONDITION" });
    await expect(createWebhookEndpoint(cliActor, project.id, { url: "javascript:alert(1)" })).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
  });
});
