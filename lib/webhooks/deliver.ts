import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import { SIGNATURE_HEADER, signPayload } from "./signature";

/** Attempts before a delivery is marked failed; back-off doubles from 10 s, capped at 1 h. */
export const MAX_ATTEMPTS = 8;
const TIMEOUT_MS = 10_000;

export function backoffSeconds(attempts: number): number {
  return Math.min(10 * 2 ** Math.max(0, attempts - 1), 3600);
}

interface Due {
  id: number;
  event_id: string;
  event_type: string;
  payload: unknown;
  attempts: number;
  url: string;
  secret: string;
}

/**
 * Sends due outbox rows. Rows are claimed with a lease (next_attempt_at pushed ahead) in one
 * statement with SKIP LOCKED, so several server instances never send the same row at once and
 * no transaction stays open during the HTTP call.
 */
export async function deliverDueWebhooks(limit = 20): Promise<{ delivered: number; failed: number }> {
  const db = await getDb();
  const due = rowsOf<Due>(
    await db.execute(sql`
      with claimed as (
        select d.id from webhook_deliveries d
        where d.state = 'pending' and d.next_attempt_at <= now()
        order by d.next_attempt_at
        limit ${limit}
        for update skip locked
      )
      update webhook_deliveries d set next_attempt_at = now() + interval '60 seconds', attempts = d.attempts + 1
      from claimed, webhook_endpoints e
      where d.id = claimed.id and e.id = d.endpoint_id
      returning d.id, d.event_id, d.event_type, d.payload, d.attempts, e.url, e.secret`),
  );
  let delivered = 0;
  let failed = 0;
  await Promise.all(
    due.map(async (row) => {
      const body = typeof row.payload === "string" ? row.payload : JSON.stringify(row.payload);
      let status: number | null = null;
      let error: string | null = null;
      try {
        const response = await fetch(row.url, {
          method: "POST",
          headers: { "content-type": "application/json", [SIGNATURE_HEADER]: signPayload(row.secret, body), "X-BuildPortal-Event": row.event_type, "X-BuildPortal-Delivery": row.event_id },
          body,
          redirect: "manual",
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        status = response.status;
        await response.body?.cancel();
        if (status < 200 || status >= 300) error = `HTTP ${status}`;
      } catch (e) {
        error = (e as Error).name === "TimeoutError" ? "timed out" : String((e as Error).message ?? e).slice(0, 200);
      }
      if (!error) {
        delivered++;
        await db.execute(sql`update webhook_deliveries set state = 'delivered', delivered_at = now(), last_status = ${status}, last_error = null where id = ${row.id}`);
      } else {
        failed++;
        const giveUp = row.attempts >= MAX_ATTEMPTS;
        await db.execute(sql`
          update webhook_deliveries set last_status = ${status}, last_error = ${error},
            state = ${giveUp ? "failed" : "pending"},
            next_attempt_at = now() + make_interval(secs => ${backoffSeconds(row.attempts)})
          where id = ${row.id}`);
      }
    }),
  );
  return { delivered, failed };
}
