import { createServer } from "node:http";
import { expect, test } from "@playwright/test";
import { ADMIN, signIn } from "./support";

test("a project's webhook receives a signed subproject.created event; deliveries and the audit log show it", async ({ page }) => {
  test.setTimeout(60_000);
  const received: { event: string; signature: string; body: string }[] = [];
  const receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      received.push({ event: String(req.headers["x-buildportal-event"]), signature: String(req.headers["x-buildportal-signature"]), body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  const hookUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hooks`;
  try {
    await signIn(page, ADMIN);
    const projectName = `Hooked ${Date.now()}`;
    await page.getByRole("button", { name: "+ New project" }).click();
    await page.getByLabel("Project name").fill(projectName);
    await page.getByRole("button", { name: "Create" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(projectName);
    const projectUrl = page.url();

    await page.getByRole("link", { name: "Webhooks" }).click();
    await page.getByLabel("Endpoint URL").fill(hookUrl);
    await page.getByRole("button", { name: "Add webhook" }).click();
    await expect(page.getByTestId("webhook-secret")).toContainText("whsec_");
    await expect(page.getByTestId("webhook-endpoint")).toContainText(hookUrl);

    await page.goto(projectUrl);
    await page.getByRole("button", { name: "+ New subproject" }).click();
    await page.getByLabel("Subproject name").fill("Webhook customer");
    await page.getByRole("button", { name: "Create" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Webhook customer");

    await expect.poll(() => received.filter((r) => r.event === "subproject.created").length, { timeout: 20_000 }).toBe(1);
    const event = received.find((r) => r.event === "subproject.created")!;
    expect(event.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(JSON.parse(event.body)).toMatchObject({ type: "subproject.created", data: { displayName: "Webhook customer" } });

    await page.goto(`${projectUrl}/webhooks`);
    await expect(page.getByTestId("webhook-delivery").filter({ hasText: "subproject.created" })).toContainText("delivered");

    await page.goto(`${projectUrl}/audit?action=subproject.`);
    const row = page.getByTestId("audit-event").filter({ hasText: "subproject.created" });
    await expect(row).toContainText(ADMIN.email);
    await expect(row).toContainText("Webhook customer");
  } finally {
    receiver.close();
  }
});

test("the API reference page renders the generated OpenAPI document", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.getByRole("link", { name: "API reference" }).click();
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
  await expect(page.getByTestId("api-reference")).toContainText("Create a subproject under a top-level project", { timeout: 20_000 });
  const doc = await page.request.get("/v1/openapi.json");
  expect((await doc.json()).openapi).toBe("3.1.0");
});
