import { pruneSignInFailures } from "@/lib/auth/sign-in-throttle";
import { pruneIdempotencyRecords } from "@/lib/api/idempotency";
import { pruneRateLimitWindows } from "@/lib/api/rate-limit";
import { cliActor } from "@/lib/domain/actor";
import { purgeExpiredSubprojects } from "@/lib/domain/subproject-lifecycle";
import { deliverDueWebhooks } from "@/lib/webhooks/deliver";
import { processBulkImports } from "@/lib/domain/bulk-import-worker";
import { resumeSpendCappedForNewMonth } from "@/lib/domain/spend-caps";

/** Housekeeping every instance may run: each step is safe to run concurrently (SKIP LOCKED, idempotent deletes). */
export async function runMaintenance() {
  const purge = await purgeExpiredSubprojects({ ...cliActor, label: "purge job" });
  // A new UTC month lifts spend-cap suspensions from the previous one.
  await resumeSpendCappedForNewMonth();
  await pruneIdempotencyRecords();
  await pruneRateLimitWindows();
  await pruneSignInFailures();
  return purge;
}

function every(ms: number, task: () => Promise<unknown>, name: string) {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    task()
      .catch((error: unknown) => console.error(JSON.stringify({ level: "warn", msg: `${name} failed`, error: String(error) })))
      .finally(() => (running = false));
  }, ms);
  timer.unref();
  return timer;
}

/** Starts the webhook sender and bulk-import worker (every 2 s) and maintenance (every 10 min) in this server process. */
export function startBackgroundWork(): () => void {
  const timers = [
    every(2_000, () => deliverDueWebhooks(), "webhook delivery"),
    every(2_000, () => processBulkImports(), "bulk imports"),
    every(10 * 60_000, runMaintenance, "maintenance"),
  ];
  return () => timers.forEach(clearInterval);
}
