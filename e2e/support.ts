import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, type Browser, type Page } from "@playwright/test";

export const ADMIN = { email: "admin@demo.test", password: "demo-password" };
export const MEMBER = { email: "member@demo.test", password: "demo-password" }; // developer on Retail Customers
export const VIEWER = { email: "viewer@demo.test", password: "demo-password" }; // viewer on Enterprise Customers

/** Signs in through the real form and waits for the portal shell. */
export async function signIn(page: Page, who: { email: string; password: string }, path = "/") {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toContainText(who.email);
}

/** A separate browser session (own cookies) signed in as someone. */
export async function sessionFor(browser: Browser, who: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, who);
  return page;
}

/** The ID behind a link in the account tree or a list, by its visible name. */
export async function idFromLink(page: Page, name: string | RegExp): Promise<string> {
  const href = await page.getByRole("link", { name, exact: typeof name === "string" }).first().getAttribute("href");
  return href!.split("/").pop()!;
}

/** Expects the standard 404 page, the same for "absent" and "not yours". */
export async function expectNotFoundPage(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
}

/** Headers a same-origin fetch from the portal would carry (Playwright's API client sends neither). */
export function sameOrigin(page: Page) {
  return { origin: new URL(page.url()).origin };
}

const run = promisify(execFile);
/** Runs the admin CLI against the e2e server's database; only possible on PostgreSQL (PGlite is single-process). */
export async function cli(...args: string[]): Promise<Record<string, string>> {
  const { stdout } = await run("node_modules/.bin/tsx", ["scripts/cli.ts", ...args, "--json"], { env: process.env });
  return JSON.parse(stdout) as Record<string, string>;
}
export const canUseCli = !!process.env.DATABASE_URL;
