import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, VIEWER, expectNotFoundPage, idFromLink, sameOrigin, sessionFor, signIn } from "./support";

// Imports go into a fresh project: other specs count the demo projects' subprojects.
async function freshProject(page: Page): Promise<string> {
  await page.goto("/");
  await page.getByRole("button", { name: "+ New project" }).click();
  await page.getByLabel("Project name").fill(`Bulk ${randomUUID().slice(0, 6)}`);
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f]{32}$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

async function upload(page: Page, name: string, text: string) {
  await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
  await page.getByRole("button", { name: "Upload and import" }).click();
}

test("the admin imports subprojects from a CSV, watches the progress bar complete, and finds them", async ({ page }) => {
  // The background worker picks the job up within a few seconds (it runs every 2 s in the e2e server).
  test.setTimeout(60_000);
  await signIn(page, ADMIN);
  const projectId = await freshProject(page);
  await page.getByRole("link", { name: "Bulk import" }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f]{32}\/bulk$/);
  await expect(page.getByText("No imports yet.")).toBeVisible();

  const tag = randomUUID().slice(0, 6);
  const csv = `displayName,labels,label:tier\r\nAlpha ${tag},region=eu,gold\r\n"Beta, ${tag}",region=us;team=b,\r\nGamma ${tag},,silver\r\n`;
  await upload(page, "customers.csv", csv);
  const progress = page.getByTestId("import-progress");
  const bar = progress.getByRole("progressbar", { name: "Import progress" });
  await expect(bar).toHaveAttribute("aria-valuemax", "3");
  await expect(progress.getByTestId("import-state")).toHaveText("Completed", { timeout: 30_000 });
  await expect(bar).toHaveAttribute("aria-valuenow", "3");
  await expect(progress.getByTestId("import-counts")).toContainText("3 of 3 subprojects created (100%)");
  await expect(page.getByTestId("import-row")).toHaveCount(1);
  await expect(page.getByTestId("import-row")).toContainText("customers.csv");

  await progress.getByRole("link", { name: "View subprojects" }).click();
  await expect(page.getByTestId("subproject-total")).toHaveText("(3)");
  const beta = page.getByTestId("subproject-row").filter({ hasText: `Beta, ${tag}` });
  await expect(beta).toContainText("region=us");
  await expect(beta).toContainText("team=b");
  await expect(page.getByTestId("subproject-row").filter({ hasText: `Alpha ${tag}` })).toContainText("tier=gold");

  // The same bytes again (under another name) return the earlier import; nothing is created twice.
  await page.getByRole("link", { name: "Bulk import" }).click();
  await upload(page, "again.csv", csv);
  await expect(page.getByTestId("import-notice")).toContainText("uploaded before");
  await expect(page.getByTestId("import-row")).toHaveCount(1);
  await page.goto(`/projects/${projectId}`);
  await expect(page.getByTestId("subproject-total")).toHaveText("(3)");

  // The export lists them in the import format.
  const exported = await page.request.get(`/api/projects/${projectId}/subprojects/export`);
  expect(exported.status()).toBe(200);
  expect(exported.headers()["content-type"]).toContain("text/csv");
  const text = await exported.text();
  expect(text).toMatch(/^\uFEFF?id,displayName,labels,createTime,deleted\n/);
  expect(text).toContain(`"Beta, ${tag}",region=us;team=b`);
  expect(text.trim().split("\n")).toHaveLength(4);
});

test("a CSV with a bad row is refused with the row listed, and nothing is queued", async ({ page }) => {
  await signIn(page, ADMIN);
  const projectId = await freshProject(page);
  await page.goto(`/projects/${projectId}/bulk`);
  await upload(page, "bad.csv", "displayName,labels\nFine,a=1\n,a=1\nAlso fine,=x\n");
  const errors = page.getByTestId("csv-errors");
  await expect(errors).toContainText("The file has 2 problems; nothing was imported");
  const rows = errors.getByTestId("csv-error");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).getByRole("cell")).toHaveText(["3", "displayName", "must not be empty"]);
  await expect(rows.nth(1).getByRole("cell")).toHaveText(["4", "labels", 'label key of "" must not be empty']);
  await expect(page.getByText("No imports yet.")).toBeVisible();
  await page.goto(`/projects/${projectId}`);
  await expect(page.getByTestId("subproject-total")).toHaveText("(0)");
});

test("a viewer can export but not reach bulk import, by page or by hand-made request", async ({ page, browser }) => {
  await signIn(page, ADMIN);
  const project = await idFromLink(page, "Enterprise Customers");
  const viewer = await sessionFor(browser, VIEWER);
  await viewer.goto(`/projects/${project}`);
  await expect(viewer.getByRole("link", { name: "Export CSV" })).toBeVisible();
  await expect(viewer.getByRole("link", { name: "Bulk import" })).toHaveCount(0);
  await expectNotFoundPage(viewer, `/projects/${project}/bulk`);
  const forged = await viewer.request.post(`/api/projects/${project}/bulk-imports?fileName=x.csv`, {
    headers: { ...sameOrigin(viewer), "content-type": "text/csv" },
    data: Buffer.from("displayName\nSneaky\n"),
  });
  expect(forged.status()).toBe(403);
  expect((await viewer.request.get(`/api/projects/${project}/subprojects/export`)).status()).toBe(200);
});
