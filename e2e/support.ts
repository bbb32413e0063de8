import { expect, type Page } from "@playwright/test";

export const ADMIN = { email: "admin@demo.test", password: "demo-password" };

/** Signs in through the real form and waits for the portal shell. */
export async function signIn(page: Page, who: { email: string; password: string }, path = "/") {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toContainText(who.email);
}
