/** A tiny HTTP client for the load and fault tests: JSON in/out, a hard timeout, timings. */
export interface Outcome {
  action: string;
  status: number; // 0 = network error, -1 = client timeout
  ms: number;
  at: number;
  body: unknown;
}

export const CLIENT_TIMEOUT_MS = 10_000;

export async function call(action: string, url: string, init: { method?: string; token?: string; cookie?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Outcome> {
  const started = performance.now();
  const at = Date.now();
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.cookie) headers.cookie = init.cookie;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  try {
    const response = await fetch(url, { method: init.method ?? "GET", headers, body: init.body === undefined ? undefined : JSON.stringify(init.body), signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS) });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      // not JSON: kept as text (a 5xx HTML page would land here and be counted as such)
    }
    return { action, status: response.status, ms: performance.now() - started, at, body };
  } catch (error) {
    const timedOut = (error as Error).name === "TimeoutError";
    return { action, status: timedOut ? -1 : 0, ms: performance.now() - started, at, body: String(error) };
  }
}

export async function tokenFor(base: string, keyId: string, secret: string): Promise<string> {
  const response = await fetch(`${base}/oauth2/token`, {
    method: "POST",
    headers: { authorization: `Basic ${Buffer.from(`${keyId}:${secret}`).toString("base64")}`, "content-type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials",
  });
  const json = (await response.json()) as { access_token: string };
  return json.access_token;
}

/** Signs a person in through next-auth's credentials flow and returns the session cookie. */
export async function portalSession(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]!);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
  });
  const session = signIn.headers.getSetCookie().map((c) => c.split(";")[0]!).find((c) => c.includes("session-token"));
  if (!session) throw new Error(`portal sign-in failed (${signIn.status})`);
  return session;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
