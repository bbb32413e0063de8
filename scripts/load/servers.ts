import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { freePort } from "../test-support/postgres";

const nextBin = path.join("node_modules", "next", "dist", "bin", "next");

/** Builds the production bundle unless one exists (LOAD_SKIP_BUILD=1 forces reuse). */
export function ensureBuild(): void {
  if (process.env.LOAD_SKIP_BUILD === "1" && existsSync(".next/BUILD_ID")) return;
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error("next build failed");
}

export interface Instance {
  url: string;
  process: ChildProcess;
  kill(signal?: NodeJS.Signals): void;
}

/** Starts production server instances (scripts/server.ts) sharing one database, and waits until each is ready. */
export async function startInstances(count: number, env: Record<string, string>): Promise<Instance[]> {
  const instances: Instance[] = [];
  for (let i = 0; i < count; i++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "server.ts"), "-p", String(port), "-H", "127.0.0.1"], {
      env: { ...process.env, ...env, NODE_ENV: "production", NEXTAUTH_URL: url, BUILD_PORTAL_DEMO: "0", LOG_LEVEL: "warn", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    instances.push({ url, process: child, kill: (signal = "SIGTERM") => child.kill(signal) });
  }
  await Promise.all(instances.map((inst) => waitReady(inst.url, 120_000)));
  return instances;
}

export async function waitReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not become ready`);
}

export function stopAll(instances: Instance[]): void {
  for (const inst of instances) if (inst.process.exitCode === null) inst.kill("SIGKILL");
}
