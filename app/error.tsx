"use client";

import { startTransition, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { button } from "@/components/ui/styles";

type Diagnosis = "checking" | "database" | "other";

// How often the page asks again while the database is unreachable, and how long one ask may take.
const RETRY_MS = 1000;
const CHECK_TIMEOUT_MS = 1500;

/**
 * A page that failed to render. Production hides the server error (only its digest reaches the
 * browser), so the page asks /readyz: when the database is what is down, it says so and reloads
 * itself once the database answers again; otherwise it offers a retry and the error reference.
 */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const [diagnosis, setDiagnosis] = useState<Diagnosis>("checking");

  useEffect(() => {
    let stopped = false;
    let sawOutage = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = async () => {
      const ready = await fetch("/readyz", { cache: "no-store", signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) }).then((r) => r.ok, () => false);
      if (stopped) return;
      if (ready && sawOutage) {
        // The database is back: load the page afresh (the router still holds the failed render).
        window.location.reload();
      } else if (ready) {
        setDiagnosis("other");
      } else {
        sawOutage = true;
        setDiagnosis("database");
        timer = setTimeout(check, RETRY_MS);
      }
    };
    void check();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  // Within one transition, so the boundary re-renders with the refreshed server payload, not the failed one.
  const retry = () => startTransition(() => {
    router.refresh();
    reset();
  });

  return (
    <main role="alert" className="mx-auto flex min-h-[60vh] max-w-md flex-col items-center justify-center gap-3 p-8 text-center">
      {diagnosis === "database" ? (
        <>
          <h1 className="text-2xl font-semibold">The service is briefly unavailable</h1>
          <p className="text-slate-600">The database is not answering. This page will load by itself as soon as it is back.</p>
        </>
      ) : (
        <>
          <h1 className="text-2xl font-semibold">This page could not be loaded</h1>
          <p className="text-slate-600">Something went wrong on our side. Try again in a moment.</p>
          {error.digest && <p className="text-xs text-slate-500">Reference: {error.digest}</p>}
        </>
      )}
      <button type="button" onClick={retry} className={button.secondary}>
        Try again
      </button>
    </main>
  );
}
