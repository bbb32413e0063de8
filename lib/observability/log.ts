import { randomUUID } from "node:crypto";

type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
/** One JSON object per line on stdout (stderr for errors): what log shippers expect. LOG_LEVEL filters. */
export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  if (ORDER[level] < (ORDER[process.env.LOG_LEVEL as Level] ?? ORDER.info)) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
  if (level === "error") console.error(line);
  else console.log(line);
}

export const REQUEST_ID_HEADER = "X-Request-Id";

/** The caller's request ID when it is sane (so a proxy's ID threads through), else a new one. */
export function requestIdOf(headers: Headers): string {
  const given = headers.get(REQUEST_ID_HEADER);
  return given && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
}
