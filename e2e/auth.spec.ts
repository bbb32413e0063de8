import { expect, test } from "@playwright/test";
import { ADMIN, signIn } from "./support";

test("a signed-out visitor is sent to sign-in, and back to the page afterwards", async ({ page }) => {
  await page.goto("/?from=bookmark");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2F%3Ffrom%3Dbookmark$/);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/\?from=bookmark$/);
  await expect(page.getByTestId("current-user")).toContainText(ADMIN.email);
});

test("a wrong password is rejected with the same message as an unknown email", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText("Wrong email or password.");
  await page.getByLabel("Email").fill("nobody@demo.test");
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText("Wrong email or password.");
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
});

test("the admin signs in, sees the dashboard shell, and signs out", async ({ page }) => {
  await signIn(page, ADMIN);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByText("Demo Reseller")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
});

test("a callbackUrl pointing at another origin is not followed", async ({ page }) => {
  for (const evil of ["https://evil.example/phish", "//evil.example/phish"]) {
    await page.context().clearCookies();
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(evil)}`);
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("current-user")).toBeVisible();
    expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
    expect(new URL(page.url()).pathname).toBe("/");
  }
});

test("pages carry a nonce CSP that forbids framing, and the other security headers", async ({ request }) => {
  const response = await request.get("/signin");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"]!)![1];
  expect(await response.text()).toContain(`nonce="${nonce}"`);
  const second = await request.get("/signin");
  expect(second.headers()["content-security-policy"]).not.toContain(nonce);
});
