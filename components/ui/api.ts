/** Error from a portal JSON route, carrying the server's readable message and field problems. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly fieldViolations: { field: string; description: string }[] = [],
  ) {
    super(message);
  }
}

/** fetch() for the portal's own JSON routes: same-origin, JSON in and out, errors as ApiError. */
export async function apiFetch<T>(url: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(url, {
    method: init.method ?? "GET",
    headers: init.body === undefined ? undefined : { "Content-Type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    credentials: "same-origin",
  });
  const payload = (await response.json().catch(() => ({}))) as { error?: { message?: string; code?: string; fieldViolations?: [] } };
  if (!response.ok) {
    const e = payload.error ?? {};
    throw new ApiError(e.message ?? `Request failed (${response.status})`, response.status, e.code ?? "UNKNOWN", e.fieldViolations ?? []);
  }
  return payload as T;
}
