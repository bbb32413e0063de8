import type { BulkImportState } from "@/lib/domain/bulk-imports";

const LOOK: Record<BulkImportState, { label: string; className: string }> = {
  queued: { label: "Queued", className: "bg-slate-100 text-slate-700" },
  running: { label: "Running", className: "bg-brand-50 text-brand-700" },
  completed: { label: "Completed", className: "bg-green-100 text-green-800" },
  cancelled: { label: "Cancelled", className: "bg-amber-100 text-amber-800" },
  failed: { label: "Failed", className: "bg-red-100 text-red-800" },
};

export function ImportState({ state }: { state: BulkImportState }) {
  const look = LOOK[state];
  return (
    <span className={`rounded px-2 py-0.5 text-xs font-medium ${look.className}`} data-testid="import-state">
      {look.label}
    </span>
  );
}
