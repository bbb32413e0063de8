import { ApiError } from "./errors";

/** Answer within this even if the database hangs (postgres.js can leave a query pending forever when a connection dies). */
export const REQUEST_DEADLINE_MS = Number(process.env.REQUEST_DEADLINE_MS ?? 8000);

/**
 * Resolves with `work`, or rejects with 503 UNAVAILABLE once the deadline passes. The work is
 * not cancelled: a transaction still running commits or rolls back on its own, and a retry
 * with the same Idempotency-Key then replays or re-runs it exactly once.
 */
export async function withinDeadline<T>(work: Promise<T>, ms = REQUEST_DEADLINE_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ApiError("UNAVAILABLE", "The service did not answer in time. Retry shortly.", [], { "Retry-After": "1" })), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
