"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { FormError } from "@/components/ui/FormError";
import { button, card } from "@/components/ui/styles";
import { MAX_IMPORT_BYTES } from "@/lib/schemas/bulk-imports";
import { bulkImportKeys, uploadCsv, type CsvRejection, type StartedImport } from "./bulk-import-queries";
import { RowErrorList } from "./RowErrorList";

/** Picks a CSV and uploads it; the server validates every row before anything is queued. */
export function CsvUploadForm({ projectId, onStarted }: { projectId: string; onStarted: (started: StartedImport) => void }) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [rejected, setRejected] = useState<CsvRejection | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const file = new FormData(form).get("file");
    setError(null);
    setRejected(null);
    const problem = !(file instanceof File) || file.size === 0 ? "Choose a non-empty CSV file first." : file.size > MAX_IMPORT_BYTES ? `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it into smaller files.` : null;
    if (problem || !(file instanceof File)) {
      setError(problem);
      return;
    }
    setPending(true);
    try {
      const result = await uploadCsv(projectId, file);
      if ("rejected" in result) {
        setRejected(result.rejected);
      } else {
        form.reset();
        onStarted(result.started);
        await queryClient.invalidateQueries({ queryKey: bulkImportKeys.list(projectId) });
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setPending(false);
    }
  }

  return (
    <section className={`${card} flex flex-col gap-3 p-4`} aria-labelledby="upload-heading">
      <h2 id="upload-heading" className="font-medium">
        Upload a CSV
      </h2>
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" aria-label="Bulk import">
        <label className="flex flex-col gap-1 text-sm">
          CSV file
          <input type="file" name="file" accept=".csv,text/csv" required className="text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5" />
        </label>
        <button type="submit" className={button.primary} disabled={pending}>
          {pending ? "Checking the file…" : "Upload and import"}
        </button>
      </form>
      <FormError message={error} />
      {rejected && <RowErrorList rejection={rejected} />}
    </section>
  );
}
