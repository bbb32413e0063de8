import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ADMIN, MEMBER, VIEWER, expectNotFoundPage, idFromLink, sameOrigin, sessionFor, signIn } from "./support";

async function demoIds(page: import("@playwright/test").Page) {
  // As the admin: every project, and the first subproject of each.
  await page.goto("/");
  const ids: Record<string, { project: string; sub: string }> = {};
  for (const name of ["Retail Customers", "Enterprise Customers"]) {
    const project = await idFromLink(page, name);
    await page.goto(`/projects/${project}`);
    const sub = (await page.getByTestId("subproject-row").first().getByRole("link").getAttribute("href"))!.split("/").pop()!;
    ids[name] = { project, sub };
    await page.goto("/");
  }
  return ids as Record<"Retail Customers" | "Enterprise Customers", { project: string; sub: string }>;
}

test("a member gets the 404 page for other projects, their subprojects, and a subproject under the wrong parent", async ({ page, browser }) => {
  await signIn(page, ADMIN);
  const ids = await demoIds(page);
  const member = await sessionFor(browser, MEMBER);
  const retail = ids["Retail Customers"];
  const enterprise = ids["Enterprise Customers"];
  await expectNotFoundPage(member, `/projects/${enterprise.project}`);
  await expectNotFoundPage(member, `/projects/${enterprise.project}/subprojects/${enterprise.sub}`);
  await expectNotFoundPage(member, `/projects/${enterprise.project}/members`);
  // Their own subproject, but the path names the wrong parent: 404 as well, for the admin too.
  await expectNotFoundPage(member, `/projects/${enterprise.project}/subprojects/${retail.sub}`);
  await expectNotFoundPage(page, `/projects/${enterprise.project}/subprojects/${retail.sub}`);
  // A subproject ID where a project ID belongs, and a made-up ID, look the same.
  await expectNotFoundPage(member, `/projects/${retail.sub}`);
  await expectNotFoundPage(member, `/projects/${"0".repeat(32)}`);
  // The JSON routes answer the same way.
  expect((await member.request.get(`/api/projects/${enterprise.project}/subprojects`)).status()).toBe(404);
});

test("a member opens a subproject of their project with no grant on it; the Access panel shows the inherited grant", async ({ page, browser }) => {
  await signIn(page, ADMIN);
  const { project, sub } = (await demoIds(page))["Retail Customers"];
  const member = await sessionFor(browser, MEMBER);
  await member.goto(`/projects/${project}/subprojects/${sub}`);
  await expect(member.getByRole("navigation", { name: "Breadcrumb" })).toContainText("Demo Reseller›Retail Customers›");
  const panel = member.getByTestId("access-panel");
  await expect(panel).toContainText("Access is inherited from the parent project Retail Customers");
  await expect(panel.getByTestId("access-person").filter({ hasText: MEMBER.email })).toContainText("Developer · inherited from Retail Customers");
  await expect(panel.getByTestId("access-person").filter({ hasText: ADMIN.email })).toContainText("Administrator · account role");
  await expect(panel.getByRole("link", { name: "Manage access on Retail Customers" })).toHaveAttribute("href", `/projects/${project}/members`);
});

test("removing a binding mid-session: the next load of the project and of its subprojects is a 404, no sign-out needed", async ({ page, browser }) => {
  await signIn(page, ADMIN);
  const { project, sub } = (await demoIds(page))["Enterprise Customers"];
  // The admin invites a brand-new person on the project's Members tab.
  const email = `temp-${randomUUID().slice(0, 8)}@demo.test`;
  await page.goto(`/projects/${project}/members`);
  const form = page.getByRole("form", { name: "Add a person" });
  await form.getByLabel("Email", { exact: true }).fill(email);
  await form.getByRole("combobox").selectOption("developer");
  await page.getByLabel("This person has no sign-in yet").check();
  await page.getByLabel("Name", { exact: true }).fill("Temp Person");
  await page.getByLabel("Initial password").fill("temp-password-1");
  await page.getByRole("button", { name: "Add" }).click();
  const row = page.getByTestId("project-member").filter({ hasText: email });
  await expect(row).toBeVisible();

  const person = await sessionFor(browser, { email, password: "temp-password-1" });
  await person.goto(`/projects/${project}`);
  await expect(person.getByRole("heading", { name: "Enterprise Customers" })).toBeVisible();
  await person.goto(`/projects/${project}/subprojects/${sub}`);
  await expect(person.getByTestId("access-panel")).toBeVisible();

  page.once("dialog", (d) => void d.accept());
  await row.getByRole("button", { name: "Remove" }).click();
  await expect(row).toHaveCount(0);

  await expectNotFoundPage(person, `/projects/${project}/subprojects/${sub}`);
  await expectNotFoundPage(person, `/projects/${project}`);
  // Still signed in: the shell renders, just without that project.
  await person.goto("/");
  await expect(person.getByTestId("current-user")).toContainText(email);
  await expect(person.getByTestId("tree-project")).toHaveCount(0);
});

test("a viewer sees no edit controls, and the server refuses a forged edit", async ({ page, browser }) => {
  await signIn(page, ADMIN);
  const { project, sub } = (await demoIds(page))["Enterprise Customers"];
  const viewer = await sessionFor(browser, VIEWER);
  await viewer.goto(`/projects/${project}/subprojects/${sub}`);
  await expect(viewer.getByTestId("access-panel")).toBeVisible();
  await expect(viewer.getByTestId("labels-editor")).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: /save|delete/i })).toHaveCount(0);
  await viewer.goto(`/projects/${project}`);
  await expect(viewer.getByRole("button", { name: "+ New subproject" })).toHaveCount(0);
  await viewer.goto(`/projects/${project}/members`);
  await expect(viewer.getByRole("form", { name: "Add a person" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Remove" })).toHaveCount(0);

  const forged = await viewer.request.patch(`/api/projects/${sub}`, { headers: sameOrigin(viewer), data: { displayName: "Hacked" } });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error.code).toBe("PERMISSION_DENIED");
  const forgedGrant = await viewer.request.post(`/api/projects/${project}/members`, { headers: sameOrigin(viewer), data: { email: VIEWER.email, role: "project_admin" } });
  expect(forgedGrant.status()).toBe(403);
  await viewer.reload();
  await viewer.goto(`/projects/${project}/subprojects/${sub}`);
  await expect(viewer.getByRole("heading", { level: 1 })).not.toHaveText("Hacked");
});

test("portal mutations refuse cross-site requests even with a valid session", async ({ page }) => {
  await signIn(page, ADMIN);
  const { sub } = (await demoIds(page))["Retail Customers"];
  const crossSite = await page.request.patch(`/api/projects/${sub}`, { headers: { origin: "https://evil.example" }, data: { displayName: "CSRF" } });
  expect(crossSite.status()).toBe(403);
  const noOrigin = await page.request.patch(`/api/projects/${sub}`, { data: { displayName: "CSRF" } });
  expect(noOrigin.status()).toBe(403);
});
