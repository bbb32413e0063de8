import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ADMIN, canUseCli, cli, idFromLink, signIn } from "./support";

test("a number rented through the API with a subproject's key shows on that subproject's Numbers page at once", async ({ page }) => {
  test.skip(!canUseCli, "needs the CLI next to the server, which PGlite (single-process) does not allow");
  await signIn(page, ADMIN);
  const project = await idFromLink(page, "Retail Customers");
  await page.goto(`/projects/${project}`);
  const sub = (await page.getByTestId("subproject-row").first().getByRole("link").getAttribute("href"))!.split("/").pop()!;

  const key = await cli("create-access-key", "--project", sub, "--name", `e2e numbers ${randomUUID().slice(0, 6)}`);
  expect(key.projectId).toBe(sub);
  const basic = Buffer.from(`${key.accessKeyId}:${key.secret}`).toString("base64");
  const tokenResponse = await page.request.post("/oauth2/token", { headers: { authorization: `Basic ${basic}` }, form: { grant_type: "client_credentials" } });
  expect(tokenResponse.status()).toBe(200);
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };

  const rented = await page.request.post(`/v1/projects/${sub}/availableNumbers:rentAny`, { headers: { authorization: `Bearer ${token}` }, data: { regionCode: "US", type: "LOCAL" } });
  expect(rented.status()).toBe(200);
  const { phoneNumber, projectId } = (await rented.json()) as { phoneNumber: string; projectId: string };
  expect(projectId).toBe(sub);

  await page.goto(`/projects/${project}/subprojects/${sub}/numbers`);
  await expect(page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Numbers" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("active-number").filter({ hasText: phoneNumber })).toBeVisible();
  // The parent project's own Numbers page lists only the project's numbers, not its subprojects'.
  await page.goto(`/projects/${project}/numbers`);
  await expect(page.getByRole("heading", { name: /Active numbers/ })).toBeVisible();
  await expect(page.getByTestId("active-number").filter({ hasText: phoneNumber })).toHaveCount(0);
});
