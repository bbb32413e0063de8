import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ADMIN, canUseCli, cli, idFromLink, sameOrigin, signIn } from "./support";

test("creating a subproject under a subproject is refused with a clear message", async ({ page }) => {
  await signIn(page, ADMIN);
  const project = await idFromLink(page, "Internal Tools");
  await page.goto(`/projects/${project}`);
  const sub = (await page.getByTestId("subproject-row").first().getByRole("link").getAttribute("href"))!.split("/").pop()!;
  // The portal offers no such button; a hand-made request gets the domain's answer.
  await page.goto(`/projects/${project}/subprojects/${sub}`);
  await expect(page.getByRole("button", { name: "+ New subproject" })).toHaveCount(0);
  const response = await page.request.post(`/api/projects/${sub}/subprojects`, { headers: sameOrigin(page), data: { displayName: "Grandchild" } });
  expect(response.status()).toBe(400);
  const body = await response.json();
  expect(body.error.code).toBe("FAILED_PRECONDITION");
  expect(body.error.message).toMatch(/subprojects cannot have subprojects/);
});

test("the admin creates a project and a subproject in the portal and lands on each", async ({ page }) => {
  await signIn(page, ADMIN);
  const projectName = `E2E project ${randomUUID().slice(0, 6)}`;
  await page.getByRole("button", { name: "+ New project" }).click();
  await page.getByLabel("Project name").fill(projectName);
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f]{32}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(projectName);
  const name = `Portal made ${randomUUID().slice(0, 6)}`;
  await page.getByRole("button", { name: "+ New subproject" }).click();
  await page.getByLabel("Subproject name").fill(name);
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page).toHaveURL(/\/subprojects\/[0-9A-Z]{26}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
});

test("a standard account is held to its self-service limits with a clear message", async ({ page }) => {
  test.skip(!canUseCli, "needs the CLI next to the server, which PGlite (single-process) does not allow");
  const email = `std-${randomUUID().slice(0, 8)}@demo.test`;
  const { accountId } = await cli("create-account", "--name", "Standard Co", "--plan", "standard");
  await cli("create-user", "--email", email, "--password", "standard-pass", "--name", "Std Admin");
  await cli("add-member", "--account", accountId!, "--email", email, "--role", "admin");
  await cli("set-plan", "--account", accountId!, "--plan", "standard", "--project-limit", "1", "--subproject-limit", "1");

  await signIn(page, { email, password: "standard-pass" });
  await page.getByRole("button", { name: "+ New project" }).click();
  await page.getByLabel("Project name").fill("First");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("First");

  await page.getByRole("button", { name: "+ New subproject" }).click();
  await page.getByLabel("Subproject name").fill("One");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("One");

  await page.goBack();
  await page.getByRole("button", { name: "+ New subproject" }).click();
  await page.getByLabel("Subproject name").fill("Two");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByTestId("form-error")).toHaveText(/standard plan allows 1 subprojects/);

  await page.goto("/");
  await page.getByRole("button", { name: "+ New project" }).click();
  await page.getByLabel("Project name").fill("Second");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByTestId("form-error")).toHaveText(/standard plan allows 1 projects/);
});
