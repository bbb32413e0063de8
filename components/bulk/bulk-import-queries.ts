import { queryOptions } from "@tanstack/react-query";
import { ApiError, apiFetch } from "@/components/ui/api";
import type { CsvRowError } from "@/lib/domain/bulk-import-csv";
import type { BulkImportState, BulkImportView, StartedImport } from "@/lib/domain/bulk-imports";

export type { BulkImportView, CsvRowError, StartedImport };

/** Queued or running: the worker still has rows to create, so the page keeps polling. */
export function isActive(state: BulkImportState): boolean {
  return state === "queued" || state === "running";
}

export const bulkImportKeys = {
  all: (projectId: string) => ["bulk-imports", projectId] as const,
  list: (projectId: string) => ["bulk-imports", projectId, "list"] as const,
  one: (projectId: string, importId: string) => ["bulk-imports", projectId, "one", importId] as const,
};

/** The project's recent imports, refreshed every 2 s while any of them is still working. */
export function bulkImportListQuery(projectId: string) {
  return queryOptions({
    queryKey: bulkImportKeys.list(projectId),
    queryFn: async () => (await apiFetch<{ bulkImports: BulkImportView[] }>(`/api/projects/${projectId}/bulk-imports`)).bulkImports,
    refetchInterval: (query) => (query.state.data?.some((i) => isActive(i.state)) ? 2000 : false),
  });
}

/** One import, polled every second until it finishes (the progress bar). */
export function bulkImportQuery(projectId: string, importId: string) {
  return queryOptions({
    queryKey: bulkImportKeys.one(projectId, importId),
    queryFn: async () => (await apiFetch<{ bulkImport: BulkImportView }>(`/api/projects/${projectId}/bulk-imports/${importId}`)).bulkImport,
    refetchInterval: (query) => (!query.state.data || isActive(query.state.data.state) ? 1000 : false),
    staleTime: 0,
  });
}

export interface CsvRejection {
  message: string;
  rowErrors: CsvRowError[];
  errorCount: number;
}

/**
 * Sends the file's bytes as the request body (the server hashes exactly these). A file with bad
 * rows comes back as a rejection to list; any other failure throws ApiError.
 */
export async function uploadCsv(projectId: string, file: File): Promise<{ started: StartedImport } | { rejected: CsvRejection }> {
  const response = await fetch(`/api/projects/${projectId}/bulk-imports?fileName=${encodeURIComponent(file.name)}`, {
    method: "POST",
    headers: { "Content-Type": "text/csv" },
    body: file,
    credentials: "same-origin",
  });
  const payload = (await response.json().catch(() => ({}))) as StartedImport & { error?: Partial<CsvRejection> & { code?: string } };
  if (response.ok) return { started: payload };
  const error = payload.error ?? {};
  if (error.rowErrors) return { rejected: { message: error.message ?? "The file has problems.", rowErrors: error.rowErrors, errorCount: error.errorCount ?? error.rowErrors.length } };
  throw new ApiError(error.message ?? `Upload failed (${response.status})`, response.status, error.code ?? "UNKNOWN");
}
