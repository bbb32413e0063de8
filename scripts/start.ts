/**
 * `npm start`: build when the sources changed since the last build, then serve the portal with
 * migrations applied and the demo account seeded, and print where to sign in.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pgliteDirectory } from "../db/client";
import { DEMO_SIGN_INS } from "../lib/seed/demo-sign-ins";

const root = process.cwd();
const port = Number(process.env.PORT ?? 3000);
const url = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`;
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

/** A stable signing secret for sessions: from the environment, else generated once into .data/. */
function authSecret(): string {
  const fromEnv = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (fromEnv) return fromEnv;
  const file = path.join(root, ".data", "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

function newestSourceTime(entries: string[]): number {
  let newest = 0;
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) for (const child of readdirSync(p)) visit(path.join(p, child));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  entries.forEach((e) => visit(path.join(root, e)));
  return newest;
}

function needsBuild(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const sources = ["app", "components", "lib", "db", "public", "proxy.ts", "instrumentation.ts", "next.config.mjs", "package-lock.json", "postcss.config.mjs"];
  return newestSourceTime(sources) > statSync(buildId).mtimeMs;
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_SECRET: authSecret(), NEXTAUTH_URL: url, BUILD_PORTAL_DEMO: process.env.BUILD_PORTAL_DEMO ?? "1" };

if (needsBuild()) {
  console.log("Building the portal (first start or sources changed)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

async function portIsFree(): Promise<boolean> {
  const { createServer } = await import("node:net");
  return new Promise((resolve) => {
    const probe = createServer().once("error", () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}
if (!(await portIsFree())) {
  console.error(`Port ${port} is already in use. Stop whatever listens there, or choose another: PORT=3001 npm start`);
  process.exit(1);
}

// scripts/server.ts: Next.js for the portal, plain node:http for /v1 and /oauth2/token, one port.
const server = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "server.ts"), "-p", String(port)], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

async function announceWhenReady() {
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const database = process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${pgliteDirectory()}`;
  console.log(`\n  Build Portal is ready at ${url}\n  Database: ${database}`);
  if (env.BUILD_PORTAL_DEMO === "1") {
    console.log("  Demo sign-ins:");
    for (const s of DEMO_SIGN_INS) console.log(`    ${s.email} / ${s.password}  (${s.role})`);
  }
  console.log("");
}
void announceWhenReady();
