import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { ScaleResult } from "@/lib/fixtures/scale";

/** Sources whose change makes a production build stale (tests and docs do not). */
const BUILD_INPUTS = ["app", "components", "lib", "db", "public", "proxy.ts", "instrumentation.ts", "next.config.mjs", "package.json", "postcss.config.mjs"];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return /\.test\.tsx?$/.test(p) ? 0 : st.mtimeMs;
  return readdirSync(p).reduce((m, name) => Math.max(m, newestMtime(path.join(p, name))), 0);
}

/** A build is needed when there is none, or a source changed after it was made. */
export function needsBuild(dir: string): boolean {
  const id = path.join(dir, ".next", "BUILD_ID");
  if (!existsSync(id)) return true;
  const built = statSync(id).mtimeMs;
  return BUILD_INPUTS.some((p) => newestMtime(path.join(dir, p)) > built);
}

export function build(dir: string): void {
  const r = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: dir,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) throw new Error(`next build failed in ${dir} (exit ${r.status})`);
}

/** Runs `npm run cli -- generate … --json` of the checkout under test and returns what it built. */
export function generateFixture(dir: string, databaseUrl: string, subprojects: number, numbers: number): ScaleResult {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/cli.ts", "generate", "--subprojects", String(subprojects), "--numbers", String(numbers), "--json"], {
    cwd: dir,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    timeout: 15 * 60_000,
  });
  if (r.status !== 0) throw new Error(`generate failed (exit ${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").at(-1)!) as ScaleResult;
}

export interface Running {
  child: ChildProcess;
  /** Where it listens (from `listening <url>` on its stdout when no ready URL was given). */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a server process and resolves once `readyUrl` answers `readyStatus`, or, without a
 * ready URL, once it prints `listening <url>` (bounded wait either way).
 */
export async function startServer(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; readyUrl?: string; readyStatus?: number; timeoutMs?: number; logPrefix: string }): Promise<Running> {
  const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (b: Buffer) => void (output = (output + b.toString()).slice(-4000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${opts.logPrefix} exited early (${child.exitCode}):\n${output}`);
    const announced = /listening (http:\/\/\S+)/.exec(output)?.[1];
    if (!opts.readyUrl && announced) return { child, url: announced, stop };
    try {
      if (opts.readyUrl) {
        const res = await fetch(opts.readyUrl, { signal: AbortSignal.timeout(2000) });
        if (res.status === (opts.readyStatus ?? 200)) return { child, url: new URL(opts.readyUrl).origin, stop };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`${opts.logPrefix} was not ready within the time limit:\n${output}`);
}

/** An access token from the app's own OAuth2 endpoint, for the fixture's bootstrap key. */
export async function fetchToken(base: string, key: { accessKeyId: string; secret: string }): Promise<string> {
  const res = await fetch(`${base}/oauth2/token`, {
    method: "POST",
    headers: { authorization: `Basic ${Buffer.from(`${key.accessKeyId}:${key.secret}`).toString("base64")}`, "content-type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials",
  });
  if (res.status !== 200) throw new Error(`/oauth2/token answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}
