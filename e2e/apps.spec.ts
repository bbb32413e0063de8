import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, MEMBER, VIEWER, expectNotFoundPage, idFromLink, sameOrigin, sessionFor, signIn } from "./support";

/** A project by name (from the account tree) and the subproject in its first row. */
async function projectAndSub(page: Page, name: string) {
  await page.goto("/");
  const project = await idFromLink(page, name);
  await page.goto(`/projects/${project}`);
  const sub = (await page.getByTestId("subproject-row").first().getByRole("link").getAttribute("href"))!.split("/").pop()!;
  return { project, sub };
}

test("the admin creates, edits and deletes an SMS service plan on a Retail Customers subproject", async ({ page }) => {
  await signIn(page, ADMIN);
  const { project, sub } = await projectAndSub(page, "Retail Customers");
  await page.goto(`/projects/${project}/subprojects/${sub}`);
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Apps" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${project}/subprojects/${sub}/apps$`));

  const name = `E2E plan ${randomUUID().slice(0, 6)}`;
  const form = page.getByRole("form", { name: "New app" });
  await form.getByLabel("Kind").selectOption("sms_service_plan");
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Region").selectOption("eu");
  await form.getByLabel("Callback URL (optional)").fill("https://hooks.example.com/sms");
  await form.getByRole("button", { name: "Create app" }).click();

  const row = page.getByTestId("apps-sms_service_plan").getByTestId("app-row").filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row.getByTestId("app-id")).toHaveText(/^[0-9a-f]{32}$/);
  await expect(row).toContainText("European Union (eu)");
  await expect(row).toContainText("https://hooks.example.com/sms");
  const appId = (await row.getByTestId("app-id").textContent())!;
  await expect(page.getByTestId("app-created")).toContainText(appId);

  // The JSON route agrees, and search by name finds it.
  const listed = await (await page.request.get(`/api/projects/${sub}/apps?kind=sms_service_plan`)).json();
  expect(listed.apps).toEqual(expect.arrayContaining([expect.objectContaining({ appId, displayName: name, region: "eu" })]));
  await page.getByRole("searchbox", { name: "Search apps by name" }).fill(name);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\?q=/);
  await expect(page.getByTestId("app-row")).toHaveCount(1);

  // A javascript: callback is refused with the server's message.
  await row.getByRole("button", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog", { name: `Edit ${name}` });
  await dialog.getByLabel("Callback URL (optional)").fill("javascript:alert(1)");
  await dialog.evaluate((d) => d.querySelector("form")!.setAttribute("novalidate", "")); // let the server judge it
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByTestId("form-error")).toContainText("callbackUrl");
  await dialog.getByLabel("Name", { exact: true }).fill(`${name} renamed`);
  await dialog.getByLabel("Callback URL (optional)").fill("");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await page.goto(`/projects/${project}/subprojects/${sub}/apps`);
  const renamed = page.getByTestId("app-row").filter({ hasText: `${name} renamed` });
  await expect(renamed).toContainText("none");

  page.once("dialog", (d) => void d.accept());
  await renamed.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByTestId("app-row").filter({ hasText: appId })).toHaveCount(0);
});

test("a viewer sees an Enterprise Customers subproject's apps without controls, and a forged write is refused", async ({ page, browser }) => {
  await signIn(page, ADMIN);
  const { project, sub } = await projectAndSub(page, "Enterprise Customers");
  // Something to look at (and to try to change).
  const created = await page.request.post(`/api/projects/${sub}/apps`, { headers: sameOrigin(page), data: { kind: "voice", displayName: `Viewer sees ${randomUUID().slice(0, 6)}`, region: "us" } });
  expect(created.status()).toBe(201);
  const { app } = await created.json();

  const viewer = await sessionFor(browser, VIEWER);
  await viewer.goto(`/projects/${project}/subprojects/${sub}/apps`);
  await expect(viewer.getByRole("heading", { name: /Voice apps/ })).toBeVisible();
  await expect(viewer.getByTestId("app-row").filter({ hasText: app.appId })).toContainText(app.displayName);
  await expect(viewer.getByRole("form", { name: "New app" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Create app", exact: true })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Edit", exact: true })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Delete", exact: true })).toHaveCount(0);

  const forged = await viewer.request.post(`/api/projects/${sub}/apps`, { headers: sameOrigin(viewer), data: { kind: "sms_service_plan", displayName: "Forged", region: "us" } });
  expect(forged.status()).toBe(403);
  expect((await viewer.request.patch(`/api/projects/${sub}/apps/${app.appId}`, { headers: sameOrigin(viewer), data: { displayName: "Forged" } })).status()).toBe(403);
  expect((await viewer.request.delete(`/api/projects/${sub}/apps/${app.appId}`, { headers: sameOrigin(viewer) })).status()).toBe(403);
  const after = await (await viewer.request.get(`/api/projects/${sub}/apps`)).json();
  expect(after.apps.map((a: { displayName: string }) => a.displayName)).toContain(app.displayName);
  expect(after.apps.map((a: { displayName: string }) => a.displayName)).not.toContain("Forged");

  // Someone with no access to the project gets the 404, page and JSON alike.
  const member = await sessionFor(browser, MEMBER);
  await expectNotFoundPage(member, `/projects/${project}/subprojects/${sub}/apps`);
  expect((await member.request.get(`/api/projects/${sub}/apps`)).status()).toBe(404);
});
