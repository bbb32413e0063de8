import { expect, test } from "@playwright/test";
import { ADMIN, VIEWER, idFromLink, sameOrigin, sessionFor, signIn } from "./support";

test("an admin creates a subproject key in the portal, sees the secret once, uses it, and deletes it", async ({ page }) => {
  await signIn(page, ADMIN);
  const project = await idFromLink(page, "Retail Customers");
  await page.goto(`/projects/${project}`);
  const subHref = (await page.getByTestId("subproject-row").nth(1).getByRole("link").getAttribute("href"))!;
  const subprojectId = subHref.split("/").pop()!;
  await page.goto(`${subHref}/keys`);
  await expect(page.getByText("A subproject's keys reach this subproject only")).toBeVisible();

  const name = `portal key ${Date.now()}`;
  await page.getByLabel("Key name").fill(name);
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = (await page.getByTestId("new-key-value").textContent())!.trim();
  const keyId = (await page.getByTestId("new-key-id").textContent())!.trim();
  expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  await expect(page.getByText("It is shown only this once")).toBeVisible();

  // After a reload only the hint remains.
  await page.reload();
  const row = page.getByTestId("access-key-row").filter({ hasText: name });
  await expect(row).toContainText(keyId);
  await expect(row).toContainText(`…${secret.slice(-4)}`);
  expect(await page.content()).not.toContain(secret);

  // The key works against the API…
  const basic = `Basic ${Buffer.from(`${keyId}:${secret}`).toString("base64")}`;
  const tokenResponse = await page.request.post("/oauth2/token", { headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded" }, data: "grant_type=client_credentials" });
  expect(tokenResponse.status()).toBe(200);
  const { access_token } = (await tokenResponse.json()) as { access_token: string };
  const keys = await page.request.get(`/v1/projects/${subprojectId}/accessKeys`, { headers: { authorization: `Bearer ${access_token}` } });
  expect(keys.status()).toBe(200);
  // …but not on the parent project.
  const parent = await page.request.get(`/v1/projects/${project}/accessKeys`, { headers: { authorization: `Bearer ${access_token}` } });
  expect(parent.status()).toBe(403);

  page.once("dialog", (d) => void d.accept());
  await row.getByRole("button", { name: "Delete" }).click();
  await expect(row).toHaveCount(0);
  const afterDelete = await page.request.get(`/v1/projects/${subprojectId}/accessKeys`, { headers: { authorization: `Bearer ${access_token}` } });
  expect(afterDelete.status()).toBe(401);
});

test("a viewer sees keys without secrets or controls, and cannot create one by hand", async ({ page, browser }) => {
  await signIn(page, ADMIN);
  const project = await idFromLink(page, "Enterprise Customers");
  const viewer = await sessionFor(browser, VIEWER);
  await viewer.goto(`/projects/${project}/keys`);
  await expect(viewer.getByText("A project's keys reach the project and every one of its subprojects.")).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Create key" })).toHaveCount(0);
  const forged = await viewer.request.post(`/api/projects/${project}/keys`, { headers: sameOrigin(viewer), data: { displayName: "sneaky" } });
  expect(forged.status()).toBe(403);
});
