/**
 * True when an error means "the database is not reachable right now" rather than a bug:
 * connection refused/reset/timeouts, and server states like shutdown or too many connections.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return codesOf(error).some((code) => ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "CONNECT_TIMEOUT", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED"].includes(code) ||
      // 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 53300 too_many_connections, 08xxx connection exceptions
      /^(57P0[123]|53300|08\d{3})$/.test(code));
}

/**
 * True when the database refused a value as text it cannot store: U+0000 (22021
 * character_not_in_repertoire, 22P05 untranslatable_character). That is the caller's input,
 * never a server fault, wherever it slipped past validation (a query filter, a page token).
 */
export function isUnstorableText(error: unknown): boolean {
  return codesOf(error).some((code) => code === "22021" || code === "22P05");
}

export const UNSTORABLE_TEXT_MESSAGE = "The request contains a character that cannot be stored (such as U+0000)";

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
  }
  return codes;
}
