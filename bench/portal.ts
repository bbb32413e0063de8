import { chromium, type Page, type Request } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "../scripts/test-support/chromium";
import { pct, round } from "./stats";

/** Medians over repeated loads (after one warm-up load) of one portal page. */
export interface PageFigures {
  name: string;
  path: string;
  /** Server time to first byte: responseStart − requestStart (loopback, so ≈ server time). */
  ttfb: number;
  ttfbP90: number;
  /** Key element visible and hydrated by React, from navigation start. */
  interactive: number;
  domContentLoaded: number;
  /** Requests the browser made for one load until the network was idle (documents, chunks, RSC prefetches). */
  requests: number;
  /** Of those, Next.js router prefetches of linked pages (each one a server render). */
  prefetches: number;
}

export interface PortalFigures {
  pages: PageFigures[];
  /** Portal JSON route for the first page of a project's subprojects, timed from the browser context. */
  firstPageJson: { path: string; p50: number; p99: number; samples: number };
  /** `/healthz` through the same browser: Next.js's own floor for a request, the pages' baseline. */
  healthz: { p50: number };
}

async function signIn(page: Page, base: string, email: string, password: string) {
  await page.goto(`${base}/signin`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("current-user").waitFor({ timeout: 30_000 });
}

/**
 * Loads `path` and waits until `selector` is visible and React has hydrated it (its fiber is
 * attached); then lets the page's own follow-up requests (link prefetches) finish, so they do
 * not load the server during the next measurement.
 */
async function measure(page: Page, base: string, path: string, selector: string) {
  let requests = 0;
  let prefetches = 0;
  const count = (req: Request) => {
    requests++;
    if (req.headers()["next-router-prefetch"]) prefetches++;
  };
  page.on("request", count);
  const response = await page.goto(base + path, { waitUntil: "commit", timeout: 30_000 });
  if (!response || response.status() !== 200) throw new Error(`${path} answered ${response?.status()}`);
  const handle = await page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel);
      if (!el || el.getBoundingClientRect().height === 0) return 0;
      return Object.keys(el).some((k) => k.startsWith("__reactFiber")) ? performance.now() : 0;
    },
    selector,
    { polling: "raf", timeout: 30_000 },
  );
  const interactive = (await handle.jsonValue()) as number;
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return { ttfb: n.responseStart - n.requestStart, dcl: n.domContentLoadedEventEnd };
  });
  await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => {});
  page.off("request", count);
  return { ttfb: nav.ttfb, interactive: Math.max(interactive, nav.dcl), dcl: nav.dcl, requests, prefetches };
}

/**
 * Benchmark (c): signs in as the fixture admin in Chromium and loads the account tree, the big
 * project's page and a subproject's page `repeat` times each; then times the portal JSON route
 * behind the first page of subprojects.
 */
export async function benchPortal(opts: {
  base: string;
  admin: { email: string; password: string };
  bigProjectId: string;
  subprojectId: string;
  repeat: number;
  log: (s: string) => void;
}): Promise<PortalFigures> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, opts.base, opts.admin.email, opts.admin.password);
    const targets = [
      { name: "account tree", path: "/", selector: '[data-testid="tree-project"]' },
      { name: `project page (big project)`, path: `/projects/${opts.bigProjectId}`, selector: '[data-testid="subproject-row"]' },
      { name: "subproject page", path: `/projects/${opts.bigProjectId}/subprojects/${opts.subprojectId}`, selector: "h1" },
    ];
    const pages: PageFigures[] = [];
    for (const t of targets) {
      await measure(page, opts.base, t.path, t.selector);
      const runs: Awaited<ReturnType<typeof measure>>[] = [];
      for (let i = 0; i < opts.repeat; i++) runs.push(await measure(page, opts.base, t.path, t.selector));
      const med = (f: (r: (typeof runs)[number]) => number) => round(pct(runs.map(f), 50), 1);
      pages.push({ name: t.name, path: t.path, ttfb: med((r) => r.ttfb), ttfbP90: round(pct(runs.map((r) => r.ttfb), 90), 1), interactive: med((r) => r.interactive), domContentLoaded: med((r) => r.dcl), requests: med((r) => r.requests), prefetches: med((r) => r.prefetches) });
      opts.log(`  ${t.name}: TTFB ${pages.at(-1)!.ttfb} ms, interactive ${pages.at(-1)!.interactive} ms`);
    }

    const timeGet = async (path: string, n: number) => {
      const xs: number[] = [];
      for (let i = 0; i < n + 3; i++) {
        const t = performance.now();
        const res = await context.request.get(opts.base + path);
        if (res.status() !== 200) throw new Error(`${path} answered ${res.status()}`);
        await res.body();
        if (i >= 3) xs.push(performance.now() - t);
      }
      return xs;
    };
    const jsonPath = `/api/projects/${opts.bigProjectId}/subprojects`;
    const json = await timeGet(jsonPath, 50);
    const health = await timeGet("/healthz", 50);
    return {
      pages,
      firstPageJson: { path: jsonPath, p50: round(pct(json, 50), 1), p99: round(pct(json, 99), 1), samples: json.length },
      healthz: { p50: round(pct(health, 50), 1) },
    };
  } finally {
    await browser.close();
  }
}
