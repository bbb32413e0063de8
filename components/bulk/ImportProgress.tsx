"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { apiFetch } from "@/components/ui/api";
import { FormError } from "@/components/ui/FormError";
import { button, card } from "@/components/ui/styles";
import { useAction } from "@/components/ui/use-action";
import { bulkImportQuery, isActive } from "./bulk-import-queries";
import { ImportState } from "./ImportState";

const BAR = { completed: "bg-green-600", failed: "bg-red-500", cancelled: "bg-amber-500", queued: "bg-brand-600", running: "bg-brand-600" } as const;

/** Progress of one import, polled every second while the worker runs it; it can be cancelled meanwhile. */
export function ImportProgress({ projectId, importId }: { projectId: string; importId: string }) {
  const { data: job, error } = useQuery(bulkImportQuery(projectId, importId));
  const cancel = useAction();
  if (!job) return <section className={`${card} p-4 text-sm text-slate-500`}>{error ? error.message : "Loading the import…"}</section>;
  const percent = job.totalRows ? Math.floor((job.createdRows / job.totalRows) * 100) : 0;

  function onCancel() {
    if (!window.confirm("Stop this import? Subprojects already created stay.")) return;
    void cancel.run(() => apiFetch(`/api/projects/${projectId}/bulk-imports/${importId}/cancel`, { method: "POST" }));
  }

  return (
    <section className={`${card} flex flex-col gap-3 p-4`} aria-labelledby="progress-heading" data-testid="import-progress">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="progress-heading" className="font-medium">
          Import of <span className="font-mono text-sm">{job.fileName}</span>
        </h2>
        <ImportState state={job.state} />
      </div>
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={job.totalRows}
        aria-valuenow={job.createdRows}
        aria-valuetext={`${job.createdRows} of ${job.totalRows} subprojects created`}
        className="h-3 overflow-hidden rounded-full bg-slate-100"
      >
        <div className={`h-full transition-[width] duration-500 ${BAR[job.state]}`} style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm text-slate-600" data-testid="import-counts">
        {job.createdRows.toLocaleString("en")} of {job.totalRows.toLocaleString("en")} subprojects created ({percent}%)
        {job.state === "queued" && " · waiting for the worker"}
      </p>
      {job.error && <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{job.error}</p>}
      <div className="flex items-center gap-3">
        {isActive(job.state) && (
          <button type="button" className={button.danger} onClick={onCancel} disabled={cancel.pending}>
            {cancel.pending ? "Cancelling…" : "Cancel import"}
          </button>
        )}
        {job.createdRows > 0 && (
          <Link href={`/projects/${projectId}`} className={button.link}>
            View subprojects
          </Link>
        )}
      </div>
      <FormError message={cancel.error} />
    </section>
  );
}
