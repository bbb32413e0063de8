"use client";

import { useQuery } from "@tanstack/react-query";
import { ACTIONS_COLUMN, DataTable } from "@/components/ui/DataTable";
import { button, card } from "@/components/ui/styles";
import { bulkImportListQuery, type BulkImportView } from "./bulk-import-queries";
import { ImportState } from "./ImportState";

interface Props {
  projectId: string;
  initialImports: BulkImportView[];
  selectedId: string | null;
  onSelect: (importId: string) => void;
}

/** The project's recent imports with their state; one of them is shown in the progress panel. */
export function ImportHistory({ projectId, initialImports, selectedId, onSelect }: Props) {
  const { data: imports = initialImports } = useQuery({ ...bulkImportListQuery(projectId), initialData: initialImports });
  return (
    <section className={card} aria-labelledby="history-heading">
      <h2 id="history-heading" className="border-b border-slate-200 px-4 py-3 font-medium">
        Past imports
      </h2>
      <DataTable
        columns={["File", "State", "Created", "Uploaded", ACTIONS_COLUMN]}
        rows={imports}
        empty="No imports yet."
        row={(job) => (
          <tr key={job.id} data-testid="import-row" aria-selected={job.id === selectedId}>
            <td className="px-4 py-2 font-mono text-xs">{job.fileName}</td>
            <td className="px-4 py-2">
              <ImportState state={job.state} />
            </td>
            <td className="px-4 py-2 tabular-nums text-slate-600">
              {job.createdRows.toLocaleString("en")} / {job.totalRows.toLocaleString("en")}
            </td>
            <td className="px-4 py-2 text-slate-500">{job.createTime.slice(0, 16).replace("T", " ")} UTC</td>
            <td className="px-4 py-2 text-right">
              {job.id !== selectedId && (
                <button type="button" className={button.link} onClick={() => onSelect(job.id)}>
                  Show progress
                </button>
              )}
            </td>
          </tr>
        )}
      />
    </section>
  );
}
