import { expect, test } from "@playwright/test";
import { ADMIN, MEMBER, signIn } from "./support";

test("the administrator sees every project and subproject; search and label filters work", async ({ page }) => {
  await signIn(page, ADMIN);
  const tree = page.getByTestId("account-tree");
  // Other tests add projects in parallel, so look for the demo ones by name rather than count them all.
  for (const name of ["Retail Customers", "Enterprise Customers", "Internal Tools"]) await expect(tree.getByRole("link", { name, exact: true })).toBeVisible();
  await tree.getByRole("button", { name: "Expand Internal Tools" }).click();
  await expect(tree.getByTestId("tree-subproject")).toHaveCount(5);

  await page.getByLabel("Search projects and subprojects").fill("Sandbox");
  await expect(tree.getByTestId("tree-project")).toHaveCount(1);
  await expect(tree.getByTestId("subproject-count")).toHaveText("5 of 5 match");

  await page.getByLabel("Search projects and subprojects").fill("");
  await page.getByLabel("Filter by label").fill("customer=acme");
  await expect(tree.getByTestId("tree-subproject")).toHaveCount(2);
  await expect(tree.getByTestId("tree-project")).toHaveCount(2);
});

test("a project member sees only their project and its subprojects, in the tree and in search", async ({ page }) => {
  await signIn(page, MEMBER);
  const tree = page.getByTestId("account-tree");
  await expect(tree.getByTestId("tree-project")).toHaveCount(1);
  await expect(tree.getByRole("link", { name: "Retail Customers" })).toBeVisible();
  await tree.getByRole("button", { name: "Expand Retail Customers" }).click();
  await expect(tree.getByTestId("tree-subproject")).toHaveCount(15);

  // "Acme" exists in every project; the member only finds the ones in theirs.
  await page.getByLabel("Search projects and subprojects").fill("Acme");
  await expect(tree.getByTestId("tree-project")).toHaveCount(1);
  await expect(tree.getByTestId("tree-subproject")).toHaveCount(1);
  await page.getByLabel("Search projects and subprojects").fill("Sandbox");
  await expect(tree.getByText("Nothing matches this search.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
});
