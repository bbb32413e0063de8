import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { expect, test } from "@playwright/test";
import { ADMIN, idFromLink, sameOrigin, signIn } from "./support";

/** Every portal route handler under app/api (next-auth's own excepted), with the methods it exports. */
function portalRoutes(): { template: string; methods: string[] }[] {
  const out: { template: string; methods: string[] }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === "route.ts" && !full.includes("[...nextauth]")) {
        const source = readFileSync(full, "utf8");
        const methods = ["GET", "POST", "PATCH", "DELETE", "PUT"].filter((m) => new RegExp(`export (const|async function|function) ${m}\\b|as ${m}\\b`).test(source));
        out.push({ template: "/" + path.relative("app", path.dirname(full)).split(path.sep).join("/"), methods });
      }
    }
  };
  walk(path.join("app", "api"));
  return out;
}

const nasty = ["../../etc/passwd", "..%2F..%2F", "' OR 1=1 --", "%00", "😀", "A".repeat(3000), "-1", "null", "%25", "0".repeat(32)];

test("portal route handlers never answer 5xx to bad input; errors come as JSON", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, ADMIN);
  const realProject = await idFromLink(page, "Internal Tools");
  const params = fc.sample(fc.oneof(fc.constantFrom(...nasty, realProject), fc.string({ maxLength: 30 })), { numRuns: 200, seed: 42 });
  const bodies = fc.sample(fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ displayName: fc.oneof(fc.string(), fc.integer()), email: fc.string(), role: fc.string(), labels: fc.jsonValue() }, { requiredKeys: [] })), { numRuns: 200, seed: 7 });
  const routes = portalRoutes();
  expect(routes.length).toBeGreaterThan(10);
  let n = 0;
  for (const route of routes) {
    for (const method of route.methods) {
      for (let i = 0; i < 6; i++, n++) {
        // Mostly the real project ID (to get past the guard into validation), sometimes garbage.
        const url = route.template.replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent(name === "projectId" && i % 2 === 0 ? realProject : params[(n + name.length) % params.length]!));
        const response = await page.request.fetch(url, {
          method,
          headers: { ...sameOrigin(page), "content-type": "application/json" },
          data: method === "GET" ? undefined : i === 5 ? "{not json" : JSON.stringify(bodies[n % bodies.length]),
          failOnStatusCode: false,
        });
        const label = `${method} ${url.slice(0, 120)}`;
        expect(response.status(), label).toBeLessThan(500);
        if (response.status() >= 400 && (response.headers()["content-type"] ?? "").includes("json")) {
          const body = (await response.json()) as { error?: { message?: string } };
          expect(body.error?.message, label).toEqual(expect.any(String));
        }
      }
    }
  }
});
