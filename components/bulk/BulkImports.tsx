"use client";

import { useState } from "react";
import { CsvUploadForm } from "./CsvUploadForm";
import { ImportHistory } from "./ImportHistory";
import { ImportProgress } from "./ImportProgress";
import { isActive, type BulkImportView, type StartedImport } from "./bulk-import-queries";

function noticeFor(started: StartedImport): string | null {
  if (!started.created) return "This exact file was uploaded before, so here is that import: nothing is created twice.";
  if (started.skippedRows) return `${started.skippedRows.toLocaleString("en")} rows marked deleted=true were skipped.`;
  return null;
}

/** The bulk import page's interactive part: upload, the selected import's progress, and past imports. */
export function BulkImports({ projectId, initialImports }: { projectId: string; initialImports: BulkImportView[] }) {
  const [selectedId, setSelectedId] = useState<string | null>(initialImports.find((i) => isActive(i.state))?.id ?? null);
  const [notice, setNotice] = useState<string | null>(null);

  function onStarted(started: StartedImport) {
    setSelectedId(started.bulkImport.id);
    setNotice(noticeFor(started));
  }

  return (
    <div className="flex flex-col gap-6">
      <CsvUploadForm projectId={projectId} onStarted={onStarted} />
      {notice && (
        <p role="status" className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-700" data-testid="import-notice">
          {notice}
        </p>
      )}
      {selectedId && <ImportProgress key={selectedId} projectId={projectId} importId={selectedId} />}
      <ImportHistory projectId={projectId} initialImports={initialImports} selectedId={selectedId} onSelect={setSelectedId} />
    </div>
  );
}
